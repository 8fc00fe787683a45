"""The package's layers import one way: graph knows nothing of articles' text (loaders) or of HTTP (api), loaders
nothing of HTTP; only api and the command line put them together."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# what each layer may import of the others (itself always)
ALLOWED = {"ontology": set(), "graph": {"ontology"}, "loaders": {"ontology", "graph"},
           "api": {"ontology", "graph", "loaders"}}


def imported_layers(path: Path, layer: str) -> set[tuple[str, int]]:
    """Every (layer, line) a module imports, module-level or inside a function, absolute or relative."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # from . import x, from ..graph import y
                parts = path.relative_to(ROOT).parent.parts
                names = [".".join(("dangjian", *parts[:len(parts) - node.level + 1], node.module or ""))]
            else:
                names = [node.module or ""]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "dangjian" and len(parts) > 1 and parts[1] in ALLOWED and parts[1] != layer:
                found.add((parts[1], node.lineno))
    return found


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layers_import_only_the_ones_before_them(layer):
    wrong = [f"{path.relative_to(ROOT)}:{line} imports dangjian.{other}"
             for path in sorted((ROOT / layer).rglob("*.py"))
             for other, line in imported_layers(path, layer) if other not in ALLOWED[layer]]
    assert not wrong, "\n".join(wrong)


def test_layers_check_sees_an_import_inside_a_function(tmp_path):
    module = tmp_path / "probe.py"
    module.write_text("import json\n\ndef f():\n    from dangjian.api import app\n", encoding="utf-8")
    assert imported_layers(module, "graph") == {("api", 4)}


def store_probes(path: Path) -> list[int]:
    """Lines that ask a store what it is (isinstance against a store class, hasattr on a store) instead of using
    what the Store protocol says every store has."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and len(node.args) == 2):
            continue
        subject, probe = ast.unparse(node.args[0]).lower(), ast.unparse(node.args[1])
        if node.func.id == "isinstance" and probe.endswith(("EmbeddedStore", "RemoteStore", "Store")):
            lines.append(node.lineno)
        elif node.func.id == "hasattr" and "store" in subject:
            lines.append(node.lineno)
    return lines


def test_layers_no_module_asks_a_store_what_it_is():
    probes = [f"{path.relative_to(ROOT)}:{line}" for layer in ALLOWED for path in sorted((ROOT / layer).rglob("*.py"))
              for line in store_probes(path)]
    assert not probes, "\n".join(probes)


def test_layers_store_probe_check_sees_one(tmp_path):
    module = tmp_path / "probe.py"
    module.write_text("def f(store):\n    return isinstance(store, EmbeddedStore) or hasattr(self.store, 'x')\n",
                      encoding="utf-8")
    assert store_probes(module) == [2, 2]


# what each layer's subpackages may import of the others (itself always): the order of graph/__init__.py and
# loaders/__init__.py
SUBPACKAGES_ALLOWED = {
    "graph": {"sparql": set(), "store": {"sparql"}, "pool": {"sparql", "store"}, "dataset": {"store"},
              "lookup": {"sparql", "store"}, "network": {"store"}, "viz": {"store", "lookup", "network"}},
    "loaders": {"html": set(), "read": {"html"}, "places": set(), "text": {"places"},
                "articles": {"text", "places"}, "extract": {"text", "places", "articles"}, "rdf": {"articles"},
                "scoring": set(), "load": {"read", "text", "articles", "extract", "rdf"}},
}


def imported_subpackages(path: Path, layer: str) -> set[tuple[str, int]]:
    """Every (subpackage of the layer, line) a module imports, as `imported_layers` finds layers."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            # from dangjian.loaders import lexicon names the subpackage after `import`
            names = ([f"{node.module}.{alias.name}" for alias in node.names] if node.module == f"dangjian.{layer}"
                     else [node.module or ""])
        else:
            names = []
        for name in names:
            parts = name.split(".")
            if parts[:2] == ["dangjian", layer] and len(parts) > 2:
                found.add((parts[2], node.lineno))
    return found


@pytest.mark.parametrize(("layer", "package"),
                         [(layer, package) for layer, packages in SUBPACKAGES_ALLOWED.items() for package in packages])
def test_layers_subpackages_import_only_the_ones_before_them(layer, package):
    allowed = SUBPACKAGES_ALLOWED[layer][package]
    wrong = [f"{path.relative_to(ROOT)}:{line} imports dangjian.{layer}.{other}"
             for path in sorted((ROOT / layer / package).rglob("*.py"))
             for other, line in imported_subpackages(path, layer) if other != package and other not in allowed]
    assert not wrong, "\n".join(wrong)


def test_layers_subpackage_check_sees_a_module_imported_from_the_layer(tmp_path):
    module = tmp_path / "probe.py"
    module.write_text("from dangjian.loaders import text\nfrom dangjian.loaders.read.read import read_file\n", encoding="utf-8")
    assert imported_subpackages(module, "loaders") == {("text", 1), ("read", 2)}


@pytest.mark.parametrize("layer", sorted(SUBPACKAGES_ALLOWED))
def test_layers_order_names_every_subpackage(layer):
    assert {path.parent.name for path in (ROOT / layer).glob("*/__init__.py")} == set(SUBPACKAGES_ALLOWED[layer])


def crowded(folders: list[Path]) -> list[str]:
    """Folders holding more than twelve modules."""
    return [f"{folder.relative_to(ROOT)}: {count} modules" for folder in sorted(set(folders))
            if (count := len(list(folder.glob("*.py")))) > 12]


@pytest.mark.parametrize("layer", ["graph", "api", "loaders"])
def test_layers_folders_hold_at_most_twelve_modules_each_package_says_what_it_holds(layer):
    folders = [ROOT / layer, *(path.parent for path in (ROOT / layer).rglob("__init__.py"))]
    silent = [str(folder.relative_to(ROOT)) for folder in sorted(set(folders))
              if not ast.get_docstring(ast.parse((folder / "__init__.py").read_text(encoding="utf-8")))]
    assert not crowded(folders) and not silent, \
        "\n".join(crowded(folders) + [f"{name}: no opening docstring" for name in silent])


def test_layers_test_folders_hold_at_most_twelve_modules():
    folders = {path.parent for path in (ROOT / "tests").rglob("*.py")}
    assert not crowded(list(folders)), "\n".join(crowded(list(folders)))
