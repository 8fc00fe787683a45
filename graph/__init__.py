"""Storage, SPARQL, lookups, the entity network and its page (knows nothing of article text or of HTTP).

The subpackages, each importing only the ones before it:

    sparql   running SPARQL text on a pyoxigraph dataset to a serialized, row-limited reply; safe terms
    store    the Store protocol and its two backends, embedded pyoxigraph and any SPARQL 1.1 server
    pool     running SPARQL on a store under a hard time limit (worker processes, or threads)
    dataset  the store as a whole: RDF files in, one RDF document out, SHACL validation, size, result files
    lookup   what the JSON API looks up: search, an entity's card and neighbourhood, articles, summaries
    network  the networkx projection of the store, its analytics and its exports (GraphML, GEXF, CSV)
    viz      the interactive graph page drawn from the projection
"""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {}, modules=("sparql", "store", "pool", "dataset", "lookup", "network",
                                                           "viz"))
