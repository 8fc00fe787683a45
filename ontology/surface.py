"""A package's public surface declared in its `__init__.py`, its modules imported only when a name is first used.

Each package lists what other packages and users take from it, by the module that holds it; `from dangjian.graph.
lookup import entity_card` then works without `dangjian --help` paying for every module of every package it
passes through. (PEP 562: a module-level `__getattr__` answers names the module does not hold yet.)
"""
from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping

__all__ = ["lazy_exports"]


def lazy_exports(package: str, exports: Mapping[str, tuple[str, ...]], *,
                 modules: tuple[str, ...] = ()) -> tuple[list[str], Callable[[str], object]]:
    """`(names, __getattr__)` for `package`: `exports` maps a module of the package to the names it gives, and
    `modules` are submodules given as themselves. A name that is also a submodule's (`words.words`) cannot be
    given here: importing the submodule would put the module in its place; take it from its module.

    >>> names, getter = lazy_exports("dangjian.ontology", {"errors": ("DangjianError",)}, modules=("errors",))
    >>> names, getter("DangjianError").__name__, getter("errors").__name__
    (['DangjianError', 'errors'], 'DangjianError', 'dangjian.ontology.errors')
    """
    where = {name: module for module, names in exports.items() for name in names}
    clashing = sorted(set(where) & set(exports))
    if clashing:
        raise ValueError(f"{package}: {', '.join(clashing)} is also a module's name; take it from its module")

    def __getattr__(name: str) -> object:
        if name in modules:
            return importlib.import_module(f"{package}.{name}")  # the import binds it on the package
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{where[name]}"), name)
        setattr(sys.modules[package], name, value)  # the next use finds it without this function
        return value
    return [*where, *modules], __getattr__
