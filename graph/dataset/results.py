"""Writing query results: standard SPARQL result documents, RDF serializations, and a terminal table."""
from __future__ import annotations

import unicodedata
from typing import BinaryIO

import pyoxigraph as ox

from dangjian.graph.store import QueryResult
from dangjian.ontology import PREFIXES
from dangjian.ontology.errors import DangjianError

__all__ = ["QUERY_FORMATS", "SOLUTION_FORMATS", "GRAPH_FORMATS", "FormatMismatch", "write_result", "render_table",
           "table", "shorten", "display_width", "used_prefixes"]

SOLUTION_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
QUERY_FORMATS = ("table", *SOLUTION_FORMATS, *GRAPH_FORMATS)
MAX_CELL = 60


class FormatMismatch(DangjianError, ValueError):
    """The chosen output format does not fit the kind of result (e.g. Turtle for a SELECT)."""


def write_result(result: QueryResult, format: str, out: BinaryIO) -> int | None:
    """Write a query result in `format` (one of QUERY_FORMATS); returns the rows or triples written when known."""
    if format == "table":
        text, count = render_table(result)
        out.write(text.encode() if text.endswith("\n") else (text + "\n").encode())
        return count
    if isinstance(result, ox.QueryTriples):
        if format not in GRAPH_FORMATS:
            raise FormatMismatch(f"--format {format} is for SELECT and ASK results; "
                                 f"for a graph use table, {', '.join(GRAPH_FORMATS)}")
        triples = list(result)
        ox.serialize(triples, out, GRAPH_FORMATS[format], prefixes=used_prefixes(triples))
        return len(triples)
    if format not in SOLUTION_FORMATS:
        raise FormatMismatch(f"--format {format} is for CONSTRUCT and DESCRIBE results; "
                             f"use table, {', '.join(SOLUTION_FORMATS)}")
    # pyoxigraph's serializers write exactly the SPARQL 1.1 result documents, streaming.
    result.serialize(out, SOLUTION_FORMATS[format])
    if format in ("json", "xml"):
        out.write(b"\n")  # the documents end without one; CSV and TSV rows already end their lines
    return 1 if isinstance(result, ox.QueryBoolean) else None


def used_prefixes(triples: list[ox.Triple]) -> dict[str, str]:
    """The entries of PREFIXES that some term of the triples uses, so Turtle output starts short."""
    iris = {t.value for triple in triples for t in (triple.subject, triple.predicate, triple.object)
            if isinstance(t, ox.NamedNode)}
    iris |= {t.datatype.value for triple in triples for t in (triple.object,) if isinstance(t, ox.Literal)}
    return {p: ns for p, ns in PREFIXES.items() if any(iri.startswith(ns) for iri in iris)}


def shorten(term: object, prefixes: dict[str, str] = PREFIXES) -> str:
    """A readable cell: prefixed name for a known namespace, <iri> otherwise, a literal's text, _:id for blank nodes.

    >>> shorten(ox.NamedNode("https://w3id.org/dangjian/ontology#Community"))
    'dj:Community'
    """
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in prefixes.items():
            local = term.value[len(namespace):]
            if term.value.startswith(namespace) and local and all(c.isalnum() or c in "_-." for c in local):
                return f"{prefix}:{local}"
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def display_width(text: str) -> int:
    """Terminal columns of a string: wide and full-width characters (Chinese) take two, combining marks none.

    >>> display_width("蠡口社区 ok")
    11
    """
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def render_table(result: QueryResult) -> tuple[str, int]:
    """A boxed text table of a result, columns aligned by display width; returns the text and the row count."""
    if isinstance(result, ox.QueryBoolean):
        return ("true" if result else "false") + "\n", 1
    if isinstance(result, ox.QueryTriples):
        header = ["subject", "predicate", "object"]
        rows = [[shorten(t.subject), shorten(t.predicate), shorten(t.object)] for t in result]
    else:
        header = [v.value for v in result.variables]
        rows = [[shorten(solution[v]) for v in result.variables] for solution in result]
    return table(header, rows), len(rows)


def table(header: list[str], rows: list[list[str]]) -> str:
    """Align cells in columns; long cells are cut with an ellipsis, line breaks shown as ⏎."""
    cells = [[_fit(c) for c in row] for row in [header, *rows]]
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(header))]
    rule = "+".join("-" * (w + 2) for w in widths)
    return "\n".join([_line(cells[0], widths), rule, *(_line(row, widths) for row in cells[1:])]) + "\n"


def _line(row: list[str], widths: list[int]) -> str:
    return "|".join(f" {cell}{' ' * (width - display_width(cell))} " for cell, width in zip(row, widths)).rstrip()


def _fit(cell: str) -> str:
    cell = cell.replace("\r\n", "⏎").replace("\n", "⏎").replace("\t", " ")
    if display_width(cell) <= MAX_CELL:
        return cell
    kept = ""
    for char in cell:
        if display_width(kept + char) > MAX_CELL - 1:
            break
        kept += char
    return kept + "…"
