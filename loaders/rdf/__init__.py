"""Facts to RDF: N-Quads text of an article's facts, the store formats, and retracting a source's facts.

Imports dangjian.loaders.articles only.
"""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {
    "ntriples": ("nquads", "to_ox", "Triple"),
    "retract": ("article_ids_of", "retract_article", "stored_documents", "stored_hashes"),
    "store_format": ("check_store_format", "format_quad"),
    "to_rdf": ("article_graph", "article_triples", "gazetteer_triples", "knowledge_triples"),
})
