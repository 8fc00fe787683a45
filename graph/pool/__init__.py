"""Running SPARQL on a store under a hard time limit: worker processes that open the embedded store read-only,
one writer process for its updates, threads for a remote store.

Builds on dangjian.graph.store and dangjian.graph.sparql; knows nothing of HTTP (the API decides what a
time-out or a refused request answers).
"""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {
    "query_pool": ("default_memory_limit", "make_runner", "ProcessPool", "ThreadRunner"),
})
