"""Each package declares its public surface in `__all__` (as httpx's exported-members test checks): every name
listed is there to import, and every name another package imports from one of its modules is listed."""
from __future__ import annotations

import ast
import functools
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("ontology", "loaders", "graph", "api")
# packages another change is rewriting now: their surface is declared there
PENDING: set[str] = set()


def dotted(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(("dangjian", *(parts[:-1] if parts[-1] == "__init__" else parts)))


PACKAGES = sorted(dotted(init) for layer in LAYERS for init in (ROOT / layer).rglob("__init__.py"))
MODULES = sorted(dotted(path) for layer in LAYERS for path in (ROOT / layer).rglob("*.py"))


def submodules(package: str) -> set[str]:
    folder = ROOT.joinpath(*package.split(".")[1:])
    return {path.stem for path in folder.glob("*.py")} - {"__init__"} | {p.parent.name for p in folder.glob("*/__init__.py")}


def imported_from_outside(package: str) -> set[str]:
    """Names that modules outside `package` import from it (`from P import name`) or from its modules
    (`from P.m import name`); a name that is also one of its modules' is reached through that module, since
    importing the module would take the name's place on the package."""
    modules, names = submodules(package), set()
    for importer, node in absolute_imports():
        if importer != package and not importer.startswith(package + "."):
            if node.module == package:
                names |= {alias.name for alias in node.names}
            elif node.module.rsplit(".", 1)[0] == package and node.module not in PACKAGES:
                names |= {alias.name for alias in node.names if alias.name not in modules}
    return names


@functools.cache
def absolute_imports() -> list[tuple[str, ast.ImportFrom]]:
    """(importing module, `from X import ...` node) for every absolute from-import in the package."""
    return [(dotted(path), node) for layer in LAYERS for path in sorted((ROOT / layer).rglob("*.py"))
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.ImportFrom) and not node.level and node.module]


@pytest.mark.parametrize("package", [p for p in PACKAGES if p not in PENDING])
def test_public_surface_every_listed_name_imports(package):
    module = importlib.import_module(package)
    for found in pkgutil.iter_modules(module.__path__, package + "."):  # a loaded submodule must not shadow a name
        importlib.import_module(found.name)
    modules = submodules(package)
    for name in module.__all__:
        value = getattr(module, name)
        assert inspect.ismodule(value) == (name in modules), f"{package}.{name}"
        exec(f"from {package} import {name}", {})


@pytest.mark.parametrize("package", [p for p in PACKAGES if p not in PENDING])
def test_public_surface_lists_what_other_packages_import(package):
    missing = imported_from_outside(package) - set(importlib.import_module(package).__all__)
    assert not missing, f"{package}.__all__ lacks {sorted(missing)}, which other packages import from it"


@pytest.mark.parametrize("name", MODULES)
def test_public_surface_module_all_names_exist(name):
    module = importlib.import_module(name)
    assert all(hasattr(module, listed) for listed in getattr(module, "__all__", ()))
