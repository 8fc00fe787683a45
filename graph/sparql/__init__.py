"""Running SPARQL text on a pyoxigraph dataset: a query to a serialized, row-limited reply, an update with the
server's checks, what a request would reach outside the store, and user input turned into safe SPARQL terms.

Imports nothing else of dangjian.graph: it knows SPARQL and pyoxigraph, not the Store protocol, its backends or
the processes that run it (those are dangjian.graph.store and dangjian.graph.pool).
"""
