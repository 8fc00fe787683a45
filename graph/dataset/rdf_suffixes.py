"""Which file names are RDF, and in which format: the one table the RDF loader, the article reader and
`dangjian load --help` all read, so they never disagree about a file."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

__all__ = ["RDF_EXTENSIONS", "COMPRESSED", "rdf_format", "is_rdf_file", "described"]

RDF_EXTENSIONS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json-ld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}
# An RDF file name may end with this after its format's extension: the file is gzipped.
COMPRESSED = ".gz"


def rdf_format(path: str | Path) -> ox.RdfFormat | None:
    """The RDF format of a file name (`x.ttl`, `x.ttl.gz`, any case), or None when it is not an RDF file.

    >>> rdf_format(Path("places.TTL.gz")).name
    'Turtle'
    >>> rdf_format("archive.gz") is None
    True
    """
    suffixes = [s.lower() for s in Path(path).suffixes]
    if suffixes and suffixes[-1] == COMPRESSED:
        suffixes.pop()
    return RDF_EXTENSIONS.get(suffixes[-1]) if suffixes else None


def is_rdf_file(path: str | Path) -> bool:
    """True for a file name with one of RDF_EXTENSIONS, optionally followed by .gz.

    >>> is_rdf_file("news/places.json-ld"), is_rdf_file("news/page.html")
    (True, False)
    """
    return rdf_format(path) is not None


def described() -> str:
    """The extensions as help text says them.

    >>> described()
    '.ttl .nt .nq .trig .jsonld .json-ld .rdf .owl .xml, optionally followed by .gz'
    """
    return f"{' '.join(RDF_EXTENSIONS)}, optionally followed by {COMPRESSED}"
