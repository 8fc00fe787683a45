"""Writing a SPARQL result in a chosen format, cut at a row limit (the cut is reported, never silent)."""
from __future__ import annotations

import csv
import io
import itertools
import json
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from dangjian.graph.sparql.result_formats import Format
from dangjian.ontology import PREFIXES

__all__ = ["Written", "write_result"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_PREFIXED = {ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML}


@dataclass(frozen=True)
class Written:
    """A serialized result: its bytes, how many rows (or triples) it holds, and whether the limit cut it."""

    body: bytes
    rows: int
    truncated: bool


def write_result(result, fmt: Format, row_limit: int, columns: list[str] | None = None) -> Written:
    """Serialize a pyoxigraph query result in `fmt`, keeping at most `row_limit` rows or triples; solutions
    get `columns` in that order when given (the engine's own order otherwise)."""
    if isinstance(result, ox.QueryBoolean):
        return Written(result.serialize(format=fmt.ox_format), 1, False)
    if isinstance(result, ox.QuerySolutions):
        names = columns or [v.value for v in result.variables]
        rows = list(itertools.islice(result, row_limit + 1))
        kept = [[row[n] for n in names] for row in rows[:row_limit]]
        return Written(_SOLUTION_WRITERS[fmt.name](names, kept), len(kept), len(rows) > row_limit)
    triples = list(itertools.islice(result, row_limit + 1))
    prefixes = PREFIXES if fmt.ox_format in _PREFIXED else None
    body = ox.serialize(triples[:row_limit], format=fmt.ox_format, prefixes=prefixes)
    return Written(body, min(len(triples), row_limit), len(triples) > row_limit)


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                        "predicate": _json_term(term.predicate), "object": _json_term(term.object)}}


def _json(names: list[str], rows: list[list]) -> bytes:
    bindings = [{n: _json_term(t) for n, t in zip(names, row) if t is not None} for row in rows]
    doc = {"head": {"vars": names}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != _XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
            f"</predicate><object>{_xml_term(term.object)}</object></triple>")


def _xml(names: list[str], rows: list[list]) -> bytes:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
    out += [f"<variable name={quoteattr(n)}/>" for n in names]
    out.append("</head><results>")
    for row in rows:
        out.append("<result>")
        out += [f"<binding name={quoteattr(n)}>{_xml_term(t)}</binding>" for n, t in zip(names, row) if t is not None]
        out.append("</result>")
    out.append("</results></sparql>\n")
    return "".join(out).encode()


def _csv(names: list[str], rows: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow(["" if t is None else (f"_:{t.value}" if isinstance(t, ox.BlankNode) else
                                               t.value if not isinstance(t, ox.Triple) else str(t)) for t in row])
    return buffer.getvalue().encode()


def _tsv(names: list[str], rows: list[list]) -> bytes:
    lines = ["\t".join(f"?{n}" for n in names)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode()


_SOLUTION_WRITERS = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}
