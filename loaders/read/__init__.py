"""Files to documents: bytes to text (encoding detected), plain text, Markdown with front matter, HTML and JSON Lines
records, each checked, with `ReadError` naming file and line; the directory walk `dangjian load` shares.

Imports dangjian.loaders.html only, and from the graph the RDF suffix table (dangjian.graph.dataset.rdf_suffixes),
so that the reader leaves to the RDF loader exactly the files it loads.
"""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {
    "document": ("Document", "ReadError"),
    "read": ("iter_documents", "read_file"),
    "walk": ("NOT_REGULAR", "walk_files"),
})
