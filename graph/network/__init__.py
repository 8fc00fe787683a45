"""The entity network: the store projected into networkx (kept until the store changes), its analytics
(centrality, components, clusters; also written back as RDF), how many articles support each part, its
exports (GraphML, GEXF, CSV tables) and how each entity class looks in them.

Written against the Store protocol; knows nothing of the graph page (dangjian.graph.viz draws from here) or HTTP.
"""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {
    "analytics": ("analytics_tables", "analyze"),
    "analytics_rdf": ("write_analytics",),
    "exchange": ("export", "write_gexf", "write_graphml"),
    "network_csv": ("write_csv",),
    "projection": ("date_start", "NODE_CLASSES", "PLACE_CLASSES", "predicate_label", "project", "simple"),
    "projection_cache": ("ProjectionCache",),
    "style": ("CLASS_STYLES", "style_of"),
    "tables": ("tables_to_csv", "to_csv", "to_json", "to_text"),
})
