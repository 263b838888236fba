"""Public names imported on first use (PEP 562), so that a run loads only the modules it uses."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from importlib import import_module


def modules_of(exports: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """``{name: module}`` from ``{module: names}``."""
    return {name: module for module, names in exports.items() for name in names}


def lazy_getattr(package: str, module_of: Mapping[str, str]) -> Callable[[str], object]:
    """A ``__getattr__`` for ``package`` that imports a public name's module on first use
    and keeps the name in the package, so that the next use costs nothing."""

    def __getattr__(name: str) -> object:
        module = module_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module, package), name)
        vars(sys.modules[package])[name] = value
        return value

    return __getattr__
