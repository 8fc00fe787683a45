"""The tree of errors drawn in dangjian.ontology.errors is the classes' real hierarchy: every error of ours is in
the drawing, under its real parent, and nothing is drawn that does not exist."""
from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

from dangjian.ontology import errors
from dangjian.ontology.errors import DangjianError

LAYERS = ("ontology", "loaders", "graph", "api")
_BRANCH = re.compile(r"^(?P<indent>[ │]*)[├└]── (?P<name>\w+)")


def import_every_module() -> None:
    for layer in LAYERS:
        package = importlib.import_module(f"dangjian.{layer}")
        for found in pkgutil.walk_packages(package.__path__, f"dangjian.{layer}."):
            importlib.import_module(found.name)


def drawn_tree(text: str) -> set[tuple[str, str]]:
    """(class, parent) for every branch of the drawing; a branch's parent is the nearest line drawn left of it."""
    pairs, parents = set(), {0: "DangjianError"}
    for line in text.splitlines():
        match = _BRANCH.match(line.strip("\n").removeprefix("    "))
        if match:
            depth = len(match["indent"]) // 5 + 1
            pairs.add((match["name"], parents[depth - 1]))
            parents[depth] = match["name"]
    return pairs


def real_tree(root: type) -> set[tuple[str, str]]:
    """(class, parent) for every public subclass of `root`, the parent being its nearest base inside the tree."""
    pairs = set()
    for child in root.__subclasses__():
        if not child.__name__.startswith("_"):
            pairs.add((child.__name__, root.__name__))
        pairs |= real_tree(child)
    return pairs


def test_errors_docstring_draws_the_real_tree():
    import_every_module()
    assert drawn_tree(errors.__doc__) == real_tree(DangjianError)


def test_errors_tree_reader_sees_depth():
    drawing = "    DangjianError\n     ├── A   a\n     │    └── B   b\n     └── C   c\n"
    assert drawn_tree(drawing) == {("A", "DangjianError"), ("B", "A"), ("C", "DangjianError")}


@pytest.mark.parametrize(("name", "builtin"), [("RdfFileError", ValueError), ("StoreError", RuntimeError),
                                                ("GoldError", ValueError), ("ReachRefused", ValueError)])
def test_errors_keep_the_builtin_base_callers_catch(name, builtin):
    import_every_module()
    found = {cls.__name__: cls for cls in _all_subclasses(DangjianError)}
    assert issubclass(found[name], builtin)


def _all_subclasses(root: type) -> list[type]:
    return [c for child in root.__subclasses__() for c in (child, *_all_subclasses(child))]
