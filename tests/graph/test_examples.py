"""The examples in the docstrings of the store-side modules run and print what they show."""
from __future__ import annotations

import doctest

import pytest

from dangjian.graph import (client_order, column_order, embedded, engine_writer, engines, export, graph_scope, rdf_files, remote,
                            remote_results, result_formats, results, sparql_reach, sparql_transport, stats, terms,
                            validate, volatile, write_check)
from dangjian.loaders import gold, gold_score

MODULES = [terms, embedded, remote, engines, client_order, graph_scope, remote_results, sparql_transport, write_check, rdf_files,
           results, export, stats, validate, sparql_reach, column_order, result_formats, engine_writer, volatile,
           gold, gold_score]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_examples_in_docstrings_run(module):
    outcome = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert outcome.failed == 0


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_examples_public_surface_exists(module):
    assert all(hasattr(module, name) for name in module.__all__)
