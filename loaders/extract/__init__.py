"""An article's mentions (places, organizations, people, titles, quotes), their resolution to one node each, and
the facts (events, people, co-building) the extractor draws from them.

Imports dangjian.loaders.text, places and articles.
"""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {
    "extract": ("SENTENCE_STEPS", "STEPS", "Extraction", "StepFailed", "extract_articles", "run_steps"),
}, modules=("extract",))
