"""The pipeline over files: read, segment, extract, write RDF to a store, in one process, many, or on Dask.

Imports dangjian.loaders.read, text, articles, extract and rdf. The load's steps, each in a module of its own:

    options       LoadOptions, the settings of one load
    identity      a document's articles, their ids and content hashes, the document's digest
    known         the hash check: what the store holds already is skipped before extraction
    extract_step  one document's articles to facts and triples (ArticleResult), for `dangjian extract` too
    encoded       an article as N-Quads bytes, what a worker hands back
    workers       the process pool behind --jobs, outcomes in corpus order
    batches       store batching: bulk loads by a writer thread, content hashes last
    progress      the progress line, errors as they come, the summary (LoadReport)
    pipeline      the flow: read → hash check → identify → extract → encode → write (load_articles)
    distributed   extraction on a Dask cluster, the store written here
"""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {
    "distributed": ("cluster_client", "ClusterError", "load_on_cluster", "parse_scheduler"),
    "extract_step": ("ArticleResult", "extract_file"),
    "options": ("LoadOptions",),
    "pipeline": ("load_articles",),
    "progress": ("LoadReport",),
})
