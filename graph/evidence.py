"""The text of an evidence sentence: read from its article's `schema:text` by the annotation's offsets."""
from __future__ import annotations

__all__ = ["sentence_text"]


def sentence_text(annotation: str, var: str) -> str:
    """A SPARQL group binding `?var` to the sentence an annotation targets (unbound for a whole-article one).

    Offsets are code points, `oa:end` exclusive; SPARQL's SUBSTR counts code points from 1.

    >>> "SUBSTR(?_text, ?_start + 1, ?_end - ?_start) AS ?evidence" in sentence_text("?ann", "evidence")
    True
    """
    return (f"OPTIONAL {{ {annotation} oa:hasTarget ?_target . ?_target oa:hasSource ?_article ; oa:hasSelector ?_sel . "
            f"?_sel oa:start ?_start ; oa:end ?_end . ?_article schema:text ?_text "
            f"BIND(SUBSTR(?_text, ?_start + 1, ?_end - ?_start) AS ?{var}) }}")
