"""Choosing a result format from Accept headers and format names."""
from __future__ import annotations

from dangjian.graph.sparql.result_formats import GRAPH, SOLUTIONS, parse_accept, pick


def test_result_formats_accept_is_ordered_by_quality_then_position() -> None:
    assert parse_accept("text/csv;q=0.5, application/sparql-results+xml, */*;q=0.1") == [
        "application/sparql-results+xml", "text/csv", "*/*"]
    assert parse_accept(None) == ["*/*"]
    assert parse_accept("text/csv;q=0") == []


def test_result_formats_pick_fits_the_kind_of_result() -> None:
    assert pick(SOLUTIONS, ["*/*"]).name == "json"
    assert pick(GRAPH, ["*/*"]).name == "turtle"
    assert pick(GRAPH, ["application/json"]).name == "jsonld"
    assert pick(SOLUTIONS, ["application/json"]).name == "json"
    assert pick(GRAPH, ["text/*"]).name == "turtle"
    assert pick(SOLUTIONS, ["text/*"]).name == "csv"
    assert pick(GRAPH, ["application/sparql-results+json"]) is None
    assert pick(SOLUTIONS, ["*/*"], "tsv").name == "tsv"
    assert pick(SOLUTIONS, ["text/turtle"], "turtle") is None


def test_result_formats_pick_falls_back_to_accept_when_format_names_nothing_usable() -> None:
    assert pick(SOLUTIONS, ["*/*"], "turtle").name == "json"
    assert pick(GRAPH, ["application/ld+json"], ["json-ld", "application/ld+json,application/x-json+ld"]).name == "jsonld"
    assert pick(GRAPH, ["application/n-triples"], ["unknown", "text/html,application/n-triples"]).name == "nt"
    assert pick(GRAPH, ["text/turtle"], "n3").media_type == "text/n3"
