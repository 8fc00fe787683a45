"""The examples in the docstrings of the store-side modules run and print what they show."""
from __future__ import annotations

import doctest

import pytest

from dangjian.graph import embedded, export, rdf_files, remote, results, sparql_reach, stats, terms, validate


@pytest.mark.parametrize("module", [terms, embedded, remote, rdf_files, results, export, stats, validate, sparql_reach],
                         ids=lambda m: m.__name__)
def test_examples_in_docstrings_run(module):
    outcome = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert outcome.failed == 0


@pytest.mark.parametrize("module", [terms, embedded, remote, rdf_files, results, export, stats, validate, sparql_reach],
                         ids=lambda m: m.__name__)
def test_examples_public_surface_exists(module):
    assert all(hasattr(module, name) for name in module.__all__)
