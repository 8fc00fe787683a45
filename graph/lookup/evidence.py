"""The text of an evidence sentence: read from its article's `schema:text` by the sentence's offsets."""
from __future__ import annotations

__all__ = ["sentence_text"]


def sentence_text(sentence: str, var: str) -> str:
    """A SPARQL group binding `?var` to a sentence's text (unbound when the node is a whole article).

    Offsets are code points, `dj:end` exclusive; SPARQL's SUBSTR counts code points from 1.

    >>> "SUBSTR(?_text, ?_start + 1, ?_end - ?_start) AS ?evidence" in sentence_text("?sentence", "evidence")
    True
    """
    return (f"OPTIONAL {{ {sentence} dj:start ?_start ; dj:end ?_end ; dct:isPartOf ?_article . "
            f"?_article schema:text ?_text "
            f"BIND(SUBSTR(?_text, ?_start + 1, ?_end - ?_start) AS ?{var}) }}")
