"""A page to its articles: segmenting on titles, bylines and credits, and the article model the extractor fills.

Imports dangjian.loaders.text and places.
"""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {
    "credits": ("opening_words",),
    "model": ("ArticleFacts", "Entity", "Fact", "KIND_SLUG", "Literal", "MentionRecord", "Span", "unique_entities"),
    "segment": ("Article",),
}, modules=("segment",))
