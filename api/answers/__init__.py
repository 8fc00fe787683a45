"""Answers kept until the store changes: JSON and SPARQL answers per store generation, sent with an ETag, and
the middleware that answers a repeat before routing.

Knows the store only through its generation; knows nothing of the routes or the app that mounts it.
"""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {
    "answer_cache": ("AnswerCache", "cached_json", "encode", "not_modified", "request_etag", "unchanged",
                     "validated"),
    "cached_answers": ("CachedAnswers", "SEEN_STORE"),
    "sparql_answers": ("kept_answer",),
})
