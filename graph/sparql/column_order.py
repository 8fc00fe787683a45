"""The columns of `SELECT *` in the order their variables first appear in the query, as Jena and Virtuoso send them."""
from __future__ import annotations

import re

__all__ = ["SKIP", "is_select_star", "star_columns"]

# What a keyword or variable search over SPARQL text steps over: strings, IRIs and comments.
SKIP = r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'

_STAR = re.compile(rf"{SKIP}|\b(SELECT)\s*(?:(?:DISTINCT|REDUCED)\s*)?(\*)", re.IGNORECASE)
_VARIABLE = re.compile(rf"{SKIP}|[?$]([A-Za-z_0-9\u00B7\u00C0-\uFFFF]+)")


def is_select_star(sparql: str) -> bool:
    """Whether the query's first SELECT projects `*` (strings, IRIs and comments are skipped).

    >>> is_select_star('SELECT * { ?s ?p ?o }'), is_select_star('SELECT ?s { ?s ?p "SELECT *" }')
    (True, False)
    """
    match = next((m for m in _STAR.finditer(sparql) if m.group(1)), None)
    return match is not None


def star_columns(sparql: str, names: list[str]) -> list[str]:
    """`names` reordered by first appearance in `sparql` when it is a `SELECT *`; unchanged otherwise.

    >>> star_columns('SELECT * WHERE { ?s ?p ?o }', ['o', 'p', 's'])
    ['s', 'p', 'o']
    """
    if "*" not in sparql or not is_select_star(sparql):
        return names
    first: dict[str, int] = {}
    for match in _VARIABLE.finditer(sparql):
        if match.group(1):
            first.setdefault(match.group(1), match.start())
    return sorted(names, key=lambda name: first.get(name, len(sparql)))
