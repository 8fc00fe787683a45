"""Regular expressions for long lists of words, built as a trie.

Python's `re` tries the branches of an alternation one by one, so `社区|街道|党委|…` with three hundred
words costs three hundred tries wherever one of their first characters stands. A trie (`党(?:委|工委|…)`)
costs one try a character. Where one word starts another, the longer is tried first: at any position the
pattern matches the longest listed word there, as a flat alternation sorted longest first does.

The pattern is a bare alternation, every branch opening with a literal character: compiled on its own, `re`
then skips at once the positions where no listed word can start. Embedded in a longer pattern it needs a
group around it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["longest_of"]


def longest_of(words: Iterable[str]) -> str:
    """A regex alternation (no group) matching the longest of the words that starts where it is tried.

    >>> re.findall(longest_of(["党委", "党工委", "党", "社区"]), "社区党委和党工委及党员")
    ['社区', '党委', '党工委', '党']
    """
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "|".join(_alternatives(root))


def _alternatives(node: dict) -> list[str]:
    return [re.escape(ch) + _after(child) for ch, child in sorted(node.items()) if ch]


def _after(node: dict) -> str:
    alternatives = _alternatives(node)
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
    return f"(?:{body})?" if "" in node else body
