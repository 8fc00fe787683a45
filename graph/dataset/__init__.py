"""The store as a whole RDF dataset: RDF files loaded into their named graphs, the store exported as one
document, validated against the SHACL shapes, counted; query results written for a file or a terminal.

Written against the Store protocol (dangjian.graph.store); knows nothing of lookups, projections or pages.
"""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {
    "export": ("export_store", "EXPORTERS"),
    "rdf_files": ("load_rdf_file", "RdfFileError"),
    "rdf_suffixes": ("described", "is_rdf_file"),
    "results": ("FormatMismatch", "write_result"),
    "stats": ("store_stats",),
    "validate": ("validate_articles", "validate_store"),
})
