"""Loading RDF files (chosen by extension, optionally gzipped: see rdf_suffixes) into the named graph of each file."""
from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

from dangjian.graph.dataset.rdf_suffixes import COMPRESSED, described, rdf_format
from dangjian.graph.store import Store
from dangjian.ontology import GRAPH
from dangjian.ontology.errors import DangjianError

__all__ = ["FILE_GRAPH", "RdfFileError", "LoadedFile", "file_graph", "load_rdf_file"]

FILE_GRAPH = GRAPH + "file/"
_PARSER_PREFIX = re.compile(r"^Parser error (?:at|between) [^:]*: ")


class RdfFileError(DangjianError, ValueError):
    """A file could not be loaded; the message names the file (and line and column for syntax errors)."""


@dataclass(frozen=True)
class LoadedFile:
    """What one file put into the store."""

    path: Path
    graph: str
    quads: int


def file_graph(path: Path) -> str:
    """The named graph of a plain RDF file: `…/graph/file/<file name>`; Chinese stays, unsafe ASCII is %-encoded.

    >>> file_graph(Path("data/街道 名录.ttl"))
    'https://w3id.org/dangjian/graph/file/街道%20名录.ttl'
    """
    return FILE_GRAPH + "".join(c if ord(c) > 127 else quote(c, safe="-._~!$&'()*+,;=:@") for c in path.name)


def load_rdf_file(store: Store, path: Path) -> LoadedFile:
    """Load one file all or nothing; loading it again replaces its graph (quads of TriG/N-Quads keep their graphs)."""
    format = rdf_format(path)
    if format is None:
        raise RdfFileError(f"{path}: not an RDF file (known extensions: {described()})")
    data = _read(path)
    graph = file_graph(path)
    try:
        if format.supports_datasets or store.count(graph) == 0:
            count = store.load(graph, data, format, base_iri=graph)
        else:
            count = store.replace_graph(graph, (q.triple for q in ox.parse(data, format, base_iri=graph)))
    except SyntaxError as error:
        raise RdfFileError(_syntax_message(path, error)) from None
    return LoadedFile(path, graph, count)


def _read(path: Path) -> bytes:
    try:
        data = path.read_bytes()
        return gzip.decompress(data) if path.suffix.lower() == COMPRESSED else data
    except FileNotFoundError:
        raise RdfFileError(f"{path}: no such file") from None
    except PermissionError:
        raise RdfFileError(f"{path}: not readable (permission denied)") from None
    except IsADirectoryError:
        raise RdfFileError(f"{path}: is a directory") from None
    except (gzip.BadGzipFile, EOFError) as error:
        raise RdfFileError(f"{path}: not a valid gzip file ({error})") from None


def _syntax_message(path: Path, error: SyntaxError) -> str:
    message = _PARSER_PREFIX.sub("", str(error.msg))
    where = f"{path}:{error.lineno}:{error.offset}" if error.lineno else str(path)
    return f"{where}: {message} (nothing of this file was loaded; fix it and load it again)"
