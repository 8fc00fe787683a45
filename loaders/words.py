"""jieba, loaded once and quietly: word segmentation, part-of-speech tags and word frequencies."""
from __future__ import annotations

from functools import lru_cache
from types import ModuleType


@lru_cache(maxsize=1)
def _jieba() -> ModuleType:
    import logging

    import jieba
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """The words of a short text, by dictionary only (no guessing of unknown words)."""
    return tuple(_jieba().lcut(text, HMM=False))


@lru_cache(maxsize=65536)
def guessed_words(text: str) -> tuple[str, ...]:
    """The words of a short text with jieba's guessing of unknown words (names it has never seen) on."""
    return tuple(_jieba().lcut(text, HMM=True))


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    import jieba.posseg
    _jieba()
    return jieba.posseg.dt.word_tag_tab


# Tags jieba's dictionary gets wrong for words common in this genre.
TAG_FIXES = {"超市": "n"}


def tag(word: str) -> str:
    """jieba's part-of-speech tag of a dictionary word, `x` for an unknown one."""
    return TAG_FIXES.get(word) or _tags().get(word, "x")


def frequency(word: str) -> int:
    """How common a word is in jieba's dictionary (0 when it is not there)."""
    return _jieba().dt.FREQ.get(word, 0)
