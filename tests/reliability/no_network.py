"""A guard that fails any test (or app code under test) that reaches for the network.

Hair Journal never opens a network connection; ``block_network`` makes every attempt to connect
a socket, or to look up a name, raise ``NetworkUsed`` and be remembered, so that even code that
catches the error is caught. Local (AF_UNIX) sockets are allowed: the photo decoders' worker
processes talk to their parent through them.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

_attempts: list[str] = []
_originals: dict[str, Any] = {}


class NetworkUsed(RuntimeError):
    """Something tried to use the network."""


def _refuse(what: str) -> NetworkUsed:
    _attempts.append(what)
    return NetworkUsed(f"the network was used ({what}); Hair Journal never uses it")


def _local_only(name: str) -> Callable[..., Any]:
    original = getattr(socket.socket, name)

    def guarded(self: socket.socket, *args: Any, **kwargs: Any) -> Any:
        if self.family == getattr(socket, "AF_UNIX", None):
            return original(self, *args, **kwargs)
        raise _refuse(f"socket.{name}{args!r}")

    return guarded


def _never(name: str) -> Callable[..., Any]:
    def guarded(*args: Any, **kwargs: Any) -> Any:
        raise _refuse(f"socket.{name}{args!r}")

    return guarded


SOCKET_METHODS = ("connect", "connect_ex", "sendto")
LOOKUPS = ("getaddrinfo", "create_connection", "gethostbyname", "gethostbyname_ex")


def block_network() -> None:
    """Install the guard (once; installing it again changes nothing)."""
    if _originals:
        return
    for name in SOCKET_METHODS:
        _originals[f"socket.{name}"] = getattr(socket.socket, name)
        setattr(socket.socket, name, _local_only(name))
    for name in LOOKUPS:
        _originals[name] = getattr(socket, name)
        setattr(socket, name, _never(name))


def take_attempts() -> list[str]:
    """The attempts made since the last call, forgotten once returned."""
    found = list(_attempts)
    _attempts.clear()
    return found
