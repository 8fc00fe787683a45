"""The gazetteer: administrative divisions and functional zones (`data/zones.tsv`), their index and name forms.

Imports nothing else of dangjian.loaders.
"""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {
    "gazetteer": ("get_gazetteer", "Place"),
})
