"""The examples in the docstrings of the store-side modules run and print what they show."""
from __future__ import annotations

import doctest

import pytest

from dangjian.graph.dataset import export, rdf_files, results, stats, validate
from dangjian.graph.sparql import column_order, engine_writer, reach, result_formats, volatile
from dangjian.graph.store import (client_order, embedded, engines, graph_scope, remote, remote_results, terms, transport,
                                  write_check)
from dangjian.loaders.scoring import gold, gold_score

MODULES = [terms, embedded, remote, engines, client_order, graph_scope, remote_results, transport, write_check, rdf_files,
           results, export, stats, validate, reach, column_order, result_formats, engine_writer, volatile,
           gold, gold_score]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_examples_in_docstrings_run(module):
    outcome = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert outcome.failed == 0


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_examples_public_surface_exists(module):
    assert all(hasattr(module, name) for name in module.__all__)
