"""Every example in every docstring of the package runs and prints what it shows: one test per module, found by
walking the packages, so a new module's examples run without being listed anywhere."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

LAYERS = ("ontology", "loaders", "graph", "api")


def package_modules() -> list[str]:
    """The name of every module and package under the four layers, in a stable order."""
    names = []
    for layer in LAYERS:
        package = importlib.import_module(f"dangjian.{layer}")
        names.append(package.__name__)
        names.extend(found.name for found in pkgutil.walk_packages(package.__path__, f"{package.__name__}."))
    return sorted(names)


@pytest.mark.parametrize("name", package_modules())
def test_docstring_examples_run(name):
    outcome = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert outcome.failed == 0, f"{outcome.failed} of {outcome.attempted} examples in {name} failed (see above)"
