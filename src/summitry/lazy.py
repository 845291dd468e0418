"""Names a package gives from its modules, imported the first time they are asked for.

A command's start-up pays for what it imports: ``summitry --help`` builds every command's
parser, so every stage package is imported, and a package that imported its modules eagerly made
the help wait for pyarrow, DuckDB, jsonschema and FastAPI. With

    __getattr__, __dir__ = lazy_exports(__name__, {"KB": "summitry.kb.core", ...})

``from summitry.kb import KB`` still works, and imports ``summitry.kb.core`` only then (PEP 562).
A function of the package itself that uses such a name imports it locally: a module's own
functions see its globals, not its ``__getattr__``.
"""
from __future__ import annotations

import importlib
import sys
from collections.abc import Callable


def lazy_exports(package: str, exports: dict[str, str]) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """A module ``__getattr__`` and ``__dir__`` for ``package``, where each name of ``exports`` is
    taken from the module it maps to on first use (and kept as an attribute after)."""

    def __getattr__(name: str) -> object:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(exports))

    return __getattr__, __dir__
