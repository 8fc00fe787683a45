"""The interactive graph page: which nodes it shows, folding and layout, the timeline, its text in Chinese
and English, and the HTML, scripts and styles in templates/.

Draws from dangjian.graph.network (and an entity's card from dangjian.graph.lookup); nothing below imports it.
"""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {
    "page": ("ASSETS", "build_page", "FILTER_PLACES", "offline_cards", "PageLinks", "payload"),
    "page_text": ("page_lang",),
    "select": ("DEFAULT_CAP", "Filters", "find_node", "MAX_CAP"),
}, modules=("timeline",))
