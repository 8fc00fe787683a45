"""The `Store` protocol and its two backends: embedded pyoxigraph on disk, and any SPARQL 1.1 server over HTTP
(its engines, how requests travel, reading its answers, checking its writes), plus noticing that a store changed.

May import dangjian.graph.sparql (the embedded store runs queries with it) and nothing else of the graph: no
lookups, projections or pages, which are all written against this protocol. Import the protocol from here:

    from dangjian.graph.store import Store, StoreError, open_store
"""
from dangjian.graph.store.protocol import (DEFAULT_STORE, STORE_ENV, QueryResult, Store, StoreError,
                                           StoreLockedError, open_store, store_spec)
from dangjian.ontology import lazy_exports

# The protocol at once; the backends and the change watch, by module, each imported when first used.
_LAZY, __getattr__ = lazy_exports(__name__, {
    "embedded": ("EmbeddedStore", "is_snapshot_error", "open_snapshot"),
    "engines": ("ENGINE_ENV", "ENGINES", "QUERY_METHOD_ENV", "QUERY_METHODS", "UPDATE_METHOD_ENV", "UPDATE_METHODS"),
    "watch": ("DirectoryWatch", "SignatureWatch"),
})
__all__ = ["DEFAULT_STORE", "STORE_ENV", "QueryResult", "Store", "StoreError", "StoreLockedError", "open_store",
           "store_spec", *_LAZY]
