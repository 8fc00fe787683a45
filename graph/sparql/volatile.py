"""Whether a query's answer is decided by the data alone, so it may be kept until the data changes."""
from __future__ import annotations

import re

from dangjian.graph.sparql.reach import unescaped

__all__ = ["depends_on_data_only"]

# The clock, random numbers, fresh identifiers, other endpoints. Matched anywhere, strings and
# comments too: a query kept for nothing is only asked again.
_WORDS = ("NOW", "RAND", "UUID", "BNODE", "SERVICE")  # STRUUID contains UUID
_VOLATILE = re.compile(rf"\b({'|'.join(_WORDS)}|STRUUID)\b", re.IGNORECASE)


def depends_on_data_only(sparql: str) -> bool:
    """Whether `sparql` names none of NOW, RAND, UUID, STRUUID, BNODE or SERVICE (escapes read first).

    >>> depends_on_data_only('SELECT ?s { ?s ?p ?o }'), depends_on_data_only('SELECT (n\\\\u006Fw() AS ?t) {}')
    (True, False)
    """
    text = unescaped(sparql)
    upper = text.upper()
    if not any(word in upper for word in _WORDS):  # the usual case, without a regex over the whole query
        return True
    return _VOLATILE.search(text) is None
