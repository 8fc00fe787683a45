"""One router module per resource."""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {}, modules=("articles", "entities", "graph_page", "meta", "sparql"))
