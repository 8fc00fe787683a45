"""Running SPARQL text on a pyoxigraph dataset: a query to a serialized, row-limited reply, an update with the
server's checks, what a request would reach outside the store, and user input turned into safe SPARQL terms.

Imports nothing else of dangjian.graph: it knows SPARQL and pyoxigraph, not the Store protocol, its backends or
the processes that run it (those are dangjian.graph.store and dangjian.graph.pool).
"""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {
    "column_order": ("SKIP",),
    "query_exec": ("dataset_clauses", "declares_dataset", "execute", "NotAcceptable", "query_pyoxigraph",
                   "QueryError", "QueryFailed", "QueryOutOfMemory", "QueryRefused", "QueryReply", "QueryRequest",
                   "QueryTimeout", "QueryUnavailable", "SourceFailed"),
    "result_formats": ("FORMATS", "GRAPH", "parse_accept", "pick"),
    "safety": ("article_iri", "entity_iri", "iri", "iri_list", "literal", "term_iri"),
    "update_exec": ("apply_update", "UpdateRequest"),
    "volatile": ("depends_on_data_only",),
})
