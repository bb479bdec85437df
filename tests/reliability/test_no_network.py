"""Nothing opens a network connection: the guard works, and the app has no way to."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import socket
import subprocess
import sys
import tomllib
import urllib.request
from pathlib import Path

import pytest

from tests.reliability.no_network import NetworkUsed, take_attempts

ROOT = Path(__file__).resolve().parents[2]
# Modules that reach the network (or a browser), by the name an import statement gives.
NETWORK_MODULES = {
    "aiohttp",
    "asyncio",
    "ftplib",
    "http",
    "httpx",
    "imaplib",
    "poplib",
    "requests",
    "smtplib",
    "socket",
    "socketserver",
    "ssl",
    "telnetlib",
    "urllib",
    "urllib3",
    "webbrowser",
    "websocket",
    "websockets",
    "xmlrpc",
    "PySide6.QtNetwork",
    "PySide6.QtNetworkAuth",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebSockets",
}
NETWORK_PACKAGES = {
    "aiohttp",
    "boto3",
    "grpcio",
    "httpx",
    "requests",
    "sentry-sdk",
    "urllib3",
    "websocket-client",
    "websockets",
    "pyside6-addons",  # QtWebEngine, QtNetworkAuth
}


def _through_socket(family: socket.AddressFamily, kind: socket.SocketKind, how: str) -> None:
    host = "::1" if family == socket.AF_INET6 else "127.0.0.1"
    with socket.socket(family, kind) as opened:
        if how == "sendto":
            opened.sendto(b"hello", (host, 9))
        else:
            getattr(opened, how)((host, 9))


def test_the_guard_stops_every_way_out() -> None:
    attempts = [
        lambda: socket.create_connection(("127.0.0.1", 9), timeout=1),
        lambda: _through_socket(socket.AF_INET, socket.SOCK_STREAM, "connect"),
        lambda: _through_socket(socket.AF_INET6, socket.SOCK_STREAM, "connect_ex"),
        lambda: _through_socket(socket.AF_INET, socket.SOCK_DGRAM, "sendto"),
        lambda: socket.getaddrinfo("example.org", 443),
        lambda: socket.gethostbyname("example.org"),
        lambda: urllib.request.urlopen("http://127.0.0.1:9/", timeout=1),
    ]
    for attempt in attempts:
        with pytest.raises(NetworkUsed, match="Hair Journal never uses it"):
            attempt()
    assert len(take_attempts()) == len(attempts)  # remembered, even had they been swallowed


def test_local_sockets_still_work(tmp_path: Path) -> None:
    address = str(tmp_path / "socket")
    with socket.socket(socket.AF_UNIX) as server, socket.socket(socket.AF_UNIX) as client:
        server.bind(address)
        server.listen(1)
        client.connect(address)
        accepted, _ = server.accept()
        with accepted:
            client.sendall(b"ping")
            assert accepted.recv(4) == b"ping"
    assert take_attempts() == []


def _imports(source: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def _networking(name: str) -> bool:
    return any(name == module or name.startswith(f"{module}.") for module in NETWORK_MODULES)


def test_the_app_imports_no_networking_module() -> None:
    sources = sorted((ROOT / "hairjournal").rglob("*.py"))
    assert len(sources) > 50
    found = {
        f"{source.relative_to(ROOT)}: {name}"
        for source in sources
        for name in _imports(source)
        if _networking(name)
    }
    assert found == set()
    # Nor by a name spelt out in a string (importlib.import_module("...")).
    spelt = [
        source.name
        for source in sources
        if re.search(r"QtNetwork|QtWebEngine|urllib\.request|http\.client", source.read_text())
    ]
    assert spelt == []


LOADED = """
import importlib, json, pkgutil, sys
import hairjournal
for module in pkgutil.walk_packages(hairjournal.__path__, "hairjournal."):
    if not module.name.endswith("__main__"):
        importlib.import_module(module.name)
print(json.dumps(sorted(sys.modules)))
"""


def test_loading_every_module_of_the_app_loads_no_network_client() -> None:
    loaded = subprocess.run(
        [sys.executable, "-c", LOADED], capture_output=True, text=True, timeout=120, check=True
    )
    modules = set(__import__("json").loads(loaded.stdout))
    assert "hairjournal.ui.main_window" in modules
    # socket and urllib.parse come with the standard library's multiprocessing and pathlib.
    clients = {"http.client", "urllib.request", "ssl", "ftplib", "smtplib", "asyncio"}
    assert {name for name in modules if name in clients or "QtNetwork" in name} == set()


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~\[;(]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_the_packaged_dependencies_include_no_network_library() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {_name(requirement) for requirement in project["dependencies"]}
    assert "peewee" in runtime
    # What they bring with them, as installed here.
    seen: set[str] = set()
    waiting = list(runtime)
    while waiting:
        name = waiting.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = importlib.metadata.requires(name) or []
        except importlib.metadata.PackageNotFoundError:
            continue
        waiting += [_name(r) for r in requires if "extra ==" not in r]
    assert seen & NETWORK_PACKAGES == set(), sorted(seen)
