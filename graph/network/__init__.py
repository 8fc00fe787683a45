"""The entity network: the store projected into networkx (kept until the store changes), its analytics
(centrality, components, clusters; also written back as RDF), how many articles support each part, its
exports (GraphML, GEXF, CSV tables) and how each entity class looks in them.

Written against the Store protocol; knows nothing of the graph page (dangjian.graph.viz draws from here) or HTTP.
"""
