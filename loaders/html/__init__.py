"""HTML pages to text and metadata: the parsed tree, the article body, title/date/source meta, publication dates.

Imports nothing else of dangjian.loaders.
"""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {
    "html_text": ("declared_charset", "html_article", "looks_like_html"),
    "pubdate": ("normalize_date",),
})
