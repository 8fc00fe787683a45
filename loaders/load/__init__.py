"""The pipeline over files: read, segment, extract, write RDF to a store, in one process, many, or on Dask.

Imports dangjian.loaders.read, text, articles, extract and rdf.
"""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {
    "distributed": ("cluster_client", "ClusterError", "load_on_cluster", "parse_scheduler"),
    "pipeline": ("ArticleResult", "extract_file", "load_articles", "LoadOptions", "LoadReport"),
})
