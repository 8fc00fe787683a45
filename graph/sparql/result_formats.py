"""The serializations a SPARQL result can be sent in, and choosing one from a client's media-type preferences."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pyoxigraph as ox

__all__ = ["Format", "FORMATS", "SOLUTIONS", "GRAPH", "parse_accept", "pick", "by_name"]

SOLUTIONS, GRAPH = "solutions", "graph"


@dataclass(frozen=True)
class Format:
    """One serialization: its short name (for `?format=`), media type, aliases and the kind of result it fits."""

    name: str
    media_type: str
    kind: str
    ox_format: ox.QueryResultsFormat | ox.RdfFormat
    aliases: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        return f"{self.media_type}; charset=utf-8"


# The first format of each kind is the default for `*/*` or no Accept header.
FORMATS = (
    Format("json", "application/sparql-results+json", SOLUTIONS, ox.QueryResultsFormat.JSON, ("application/json",)),
    Format("xml", "application/sparql-results+xml", SOLUTIONS, ox.QueryResultsFormat.XML,
           ("application/xml", "text/xml")),
    Format("csv", "text/csv", SOLUTIONS, ox.QueryResultsFormat.CSV),
    Format("tsv", "text/tab-separated-values", SOLUTIONS, ox.QueryResultsFormat.TSV),
    Format("turtle", "text/turtle", GRAPH, ox.RdfFormat.TURTLE, ("application/x-turtle", "application/turtle", "ttl")),
    Format("nt", "application/n-triples", GRAPH, ox.RdfFormat.N_TRIPLES, ("text/plain", "ntriples")),
    Format("nquads", "application/n-quads", GRAPH, ox.RdfFormat.N_QUADS, ("nq",)),
    Format("trig", "application/trig", GRAPH, ox.RdfFormat.TRIG),
    Format("jsonld", "application/ld+json", GRAPH, ox.RdfFormat.JSON_LD,
           ("application/json", "json-ld", "application/x-json+ld")),
    Format("rdfxml", "application/rdf+xml", GRAPH, ox.RdfFormat.RDF_XML, ("application/xml", "text/xml", "xml")),
    # Turtle is N3 without N3's rules and formulae, so N3 clients (SPARQLWrapper's `N3`) can read it.
    Format("n3", "text/n3", GRAPH, ox.RdfFormat.TURTLE, ("text/rdf+n3", "application/n3")),
)


def by_name(name: str, kind: str) -> Format | None:
    """The format of `kind` called `name` (short name, media type or alias), else None."""
    name = name.split(";")[0].strip().lower()
    for fmt in FORMATS:
        if fmt.kind == kind and (name == fmt.name or name == fmt.media_type or name in fmt.aliases):
            return fmt
    return None


def parse_accept(header: str | None) -> list[str]:
    """Media ranges of an Accept header, most preferred first; `*/*` when absent.

    Ranges that are malformed (no `type/subtype`, a q that is no number from 0 to 1) or have q=0 are
    dropped, so a header of nothing but those yields [] (nothing acceptable: 406). A bare `*` counts
    as `*/*`, as old HTTP clients send it.

    >>> parse_accept("text/csv;q=0.5, application/json, ;;;, */*;q=-1")
    ['application/json', 'text/csv']
    """
    if not header or not header.strip():
        return ["*/*"]
    ranked = []
    for position, part in enumerate(header.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        media = "*/*" if media == "*" else media.lower()
        q = _quality(params)
        kind, _, sub = media.partition("/")
        if q and _TOKEN.match(kind) and _TOKEN.match(sub):
            ranked.append((-q, position, media))
    return [media for _, _, media in sorted(ranked)]


_TOKEN = re.compile(r"^[!#$%&'*+.^_`|~0-9a-z-]+$")


def _quality(params: list[str]) -> float:
    """The q parameter's value (1 when absent), or 0 when it is not a number from 0 to 1."""
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "q":
            try:
                q = float(value)
            except ValueError:
                return 0.0
            return q if 0 <= q <= 1 else 0.0
    return 1.0


def pick(kind: str, accept: list[str], requested: str | Sequence[str] | None = None) -> Format | None:
    """The format for a result of `kind`: the first requested one that fits, else the first acceptable one.

    `requested` holds the `format=` values, each a name or a comma-separated list of media types (as
    SPARQLWrapper sends them); a value that names nothing usable falls back to the Accept header.

    >>> pick(GRAPH, ["application/ld+json"], ["n3x", "application/ld+json,application/x-json+ld"]).name
    'jsonld'
    >>> pick(SOLUTIONS, ["text/csv"], "turtle").name
    'csv'
    """
    for value in [requested] if isinstance(requested, str) else requested or ():
        found = next(filter(None, (by_name(name, kind) for name in value.split(",") if name.strip())), None)
        if found:
            return found
    candidates = [f for f in FORMATS if f.kind == kind]
    for media in accept:
        if media == "*/*":
            return candidates[0]
        if media.endswith("/*"):
            prefix = media[:-1]
            found = next((f for f in candidates if f.media_type.startswith(prefix)), None)
        else:
            found = by_name(media, kind)
        if found:
            return found
    return None
