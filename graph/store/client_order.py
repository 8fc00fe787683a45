"""Ordering a query's rows in the client when the server cannot: Virtuoso refuses to sort rows that hold a
string longer than about 4,000 bytes (a long GROUP_CONCAT), so the query runs without its ORDER BY and the
rows are sorted here, as SPARQL orders them."""
from __future__ import annotations

import json
import re
from collections.abc import Iterable

import pyoxigraph as ox

__all__ = ["split_order", "ordered"]

_KEY = r"(?:(ASC|DESC)\s*\(\s*)?(STR\s*\(\s*)?\?(\w+)\s*(?:\)\s*)?(?:\)\s*)?"
_ORDER_BY = re.compile(rf"\bORDER\s+BY\s+((?:{_KEY})+)$", re.IGNORECASE)
_NUMERIC = ("integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger")
Key = tuple[str, bool, bool]  # variable, descending, by STR()


def split_order(sparql: str) -> tuple[str, list[Key]] | None:
    """The query without its final ORDER BY and that clause's keys; None unless the query ends with an ORDER BY
    of variables (each maybe in STR(), ASC() or DESC()).

    >>> split_order("SELECT ?a ?n WHERE { ?a ?p ?n } ORDER BY DESC(?n) STR(?a)")
    ('SELECT ?a ?n WHERE { ?a ?p ?n } ', [('n', True, False), ('a', False, True)])
    """
    found = _ORDER_BY.search(sparql.rstrip())
    if found is None:
        return None
    keys = [(m.group(3), (m.group(1) or "").upper() == "DESC", bool(m.group(2)))
            for m in re.finditer(_KEY, found.group(1))]
    return sparql[:found.start()], keys


def _rank(term: ox.NamedNode | ox.BlankNode | ox.Literal | None, by_str: bool) -> tuple:
    """SPARQL's order: unbound, blank nodes, IRIs, then literals (numbers by value, the rest by their text)."""
    if term is None:
        return (0,)
    if by_str or isinstance(term, ox.Literal):
        numeric = isinstance(term, ox.Literal) and not by_str and term.datatype.value.endswith(_NUMERIC)
        return (3, 0, float(term.value), "") if numeric else (3, 1, 0.0, term.value)
    return (1 if isinstance(term, ox.BlankNode) else 2, term.value)


def ordered(solutions: ox.QuerySolutions, keys: list[Key]) -> ox.QuerySolutions:
    """The rows sorted by `keys`, as a QuerySolutions again."""
    names = [v.value for v in solutions.variables]
    rows = list(solutions)
    for name, descending, by_str in reversed(keys):  # stable sorts, last key first
        rows.sort(key=lambda row: _rank(row[name] if name in names else None, by_str), reverse=descending)
    document = {"head": {"vars": names}, "results": {"bindings": [_binding(row, names) for row in rows]}}
    return ox.parse_query_results(json.dumps(document).encode(), ox.QueryResultsFormat.JSON)


def _binding(row: ox.QuerySolution, names: Iterable[str]) -> dict:
    found = {}
    for name in names:
        term = row[name]
        if isinstance(term, ox.NamedNode):
            found[name] = {"type": "uri", "value": term.value}
        elif isinstance(term, ox.BlankNode):
            found[name] = {"type": "bnode", "value": term.value}
        elif isinstance(term, ox.Literal):
            found[name] = {"type": "literal", "value": term.value}
            if term.language:
                found[name]["xml:lang"] = term.language
            elif not term.datatype.value.endswith("#string"):
                found[name]["datatype"] = term.datatype.value
    return found
