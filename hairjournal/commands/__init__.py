"""The ``hairjournal COMMAND`` subcommands, one module each.

A command module defines ``HELP`` (one line for ``hairjournal --help``), ``DESCRIPTION``,
``ORDER`` (its place in the help), ``add_arguments(parser)`` and ``run(args) -> int`` (the exit
status). The module ``import_csv`` is the command ``import-csv``. Modules whose names begin with
an underscore are helpers, not commands. Command modules import their heavy dependencies inside
``run`` so that ``hairjournal --help`` stays quick.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def command_modules() -> list[ModuleType]:
    """Every command module of this package, in the order the help lists them."""
    modules = [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    ]
    return sorted(modules, key=lambda module: (module.ORDER, command_name(module)))


def command_name(module: ModuleType) -> str:
    return module.__name__.rsplit(".", 1)[-1].replace("_", "-")
