"""Running SPARQL on a store under a hard time limit: worker processes that open the embedded store read-only,
one writer process for its updates, threads for a remote store.

Builds on dangjian.graph.store and dangjian.graph.sparql; knows nothing of HTTP (the API decides what a
time-out or a refused request answers).
"""
