"""The errors dangjian raises on purpose, as one tree under `DangjianError`, so a caller catches one root.

It lives in the lowest layer so that loaders, graph and api can all subclass it. Each line: the class, the
module that raises it, and what the user sees. Classes keep a built-in base where callers catch that one
(`ValueError` for bad input, `RuntimeError` for a store that refuses).

    DangjianError                 any of ours: `dangjian` prints "dangjian CMD: error: MESSAGE" (what went wrong,
     │                            what to do next) on stderr and exits 1, never a traceback
     ├── ReadError                loaders.read.document: an input yields no article, "path:line: reason — what to do";
     │                            load and extract print it per file and go on, exit 1
     ├── NotText                  loaders.read.encoding: the bytes are no text; the reader turns it into a ReadError
     ├── FrontMatterError         loaders.read.front_matter: unreadable YAML front matter; becomes a ReadError
     ├── GoldError                loaders.scoring.gold: a gold file that cannot be read; `dangjian eval` exits 1
     ├── StepFailed               loaders.extract.extract: an extraction step raised, named with the article and
     │                            sentence; the load adds the file and line, reports it and goes on
     ├── ClusterError             loaders.load.distributed: the Dask cluster is out of reach or lost a batch
     ├── StoreError               graph.store: a store is down, locked or refuses; the HTTP API answers 503
     │    ├── StoreLockedError    graph.store.embedded: another process holds the store's directory
     │    └── StoreFormatError    loaders.rdf.store_format: the store was written by another layout; rebuild it
     ├── QueryError               graph.sparql.query_exec: a query or update could not be answered; /sparql
     │    │                       answers with the status each kind stands for
     │    ├── QueryTimeout        the time limit passed, or every query slot stayed busy that long (503)
     │    ├── NotAcceptable       no format the client accepts fits the result (406)
     │    ├── QueryRefused        a SERVICE endpoint the server does not allow (400)
     │    ├── QueryOutOfMemory    the query needed more memory than allowed (503)
     │    ├── QueryUnavailable    a load in another process is rewriting the store (503, Retry-After)
     │    ├── SourceFailed        a source an update LOADs could not be fetched (502)
     │    └── QueryFailed         the store failed while evaluating (500)
     ├── ReachRefused             graph.sparql.reach: a SERVICE or LOAD target the server does not allow
     ├── RdfFileError             graph.dataset.rdf_files: an RDF file that cannot be loaded, named with its line
     ├── FormatMismatch           graph.dataset.results: --format does not fit the result; `query` exits 2
     ├── CommandError             api.commands.common: a command cannot do what was asked; exit 1
     └── UsageError               api.commands.common: the arguments make no sense together; the command's
                                  usage line and the message, exit 2

A malformed SPARQL query or update raises the built-in `SyntaxError` (as pyoxigraph does), and an unreadable file
`OSError`: the command line reports both the same way. `AssetError` (api.yasgui_assets) stays outside the tree:
setup.py loads that module by path, before dangjian is installed.
"""
from __future__ import annotations

__all__ = ["DangjianError"]


class DangjianError(Exception):
    """Something dangjian cannot do, said in a message that names what went wrong and what to do next.

    >>> issubclass(DangjianError, Exception)
    True
    """
