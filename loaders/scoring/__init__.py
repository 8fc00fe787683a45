"""Gold annotations and scoring a store's entities and relations against them (precision, recall, F1).

Imports nothing else of dangjian.loaders.
"""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {
    "gold": ("GoldError", "read_gold"),
    "gold_score": ("CORE_PREDICATES", "CORE_TYPES", "prf", "read_system", "score", "SECONDARY_PREDICATES",
                   "SECONDARY_TYPES"),
})
