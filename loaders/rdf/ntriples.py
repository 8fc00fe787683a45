"""RDF terms and quads written as N-Triples / N-Quads text: what the load path hands the store's bulk loader,
built without a Python object per term.

>>> t = (iri("https://w3id.org/dangjian/id/x"), iri("http://www.w3.org/2000/01/rdf-schema#label"), zh('蠡口"社区"'))
>>> nquads([t], "https://w3id.org/dangjian/graph/knowledge")
'<https://w3id.org/dangjian/id/x> <http://www.w3.org/2000/01/rdf-schema#label> "蠡口\\\\"社区\\\\""@zh <https://w3id.org/dangjian/graph/knowledge> .\\n'
"""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from dangjian.ontology import XSD

__all__ = ["Triple", "iri", "literal", "zh", "typed", "nquads", "to_ox"]

Triple = tuple[str, str, str]   # subject, predicate, object, each a term in N-Triples syntax

# What a string literal may not hold as is: the quote, the backslash, line ends; other controls are escaped too.
_ESCAPES = str.maketrans({**{chr(c): f"\\u{c:04X}" for c in (*range(0x20), 0x7f)},
                          "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def iri(value: str) -> str:
    """An IRI already known to be valid (minted here, or checked by `pyoxigraph.NamedNode`)."""
    return f"<{value}>"


def literal(value: str) -> str:
    return f'"{value.translate(_ESCAPES)}"'


def zh(value: str) -> str:
    return f'"{value.translate(_ESCAPES)}"@zh'


def typed(value: str, xsd_name: str) -> str:
    return f'"{value.translate(_ESCAPES)}"^^<{XSD}{xsd_name}>'


def nquads(triples: Iterable[Triple], graph: str) -> str:
    """The triples as N-Quads lines in one named graph (given by its IRI)."""
    g = f" <{graph}> .\n"
    return "".join(f"{s} {p} {o}{g}" for s, p, o in triples)


def to_ox(triples: Iterable[Triple]) -> list[ox.Triple]:
    """The same triples as pyoxigraph objects (for `dangjian extract` and tests, not the load path)."""
    text = "".join(f"{s} {p} {o} .\n" for s, p, o in triples)
    return list(ox.parse(text.encode(), format=ox.RdfFormat.N_TRIPLES))
