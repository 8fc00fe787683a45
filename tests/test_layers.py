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
