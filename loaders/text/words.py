"""jieba, loaded once and quietly: word segmentation, part-of-speech tags and word frequencies."""
from __future__ import annotations

from functools import lru_cache
from types import ModuleType

from dangjian.loaders.text.word_route import WordRoute


@lru_cache(maxsize=1)
def _jieba() -> ModuleType:
    import logging

    import jieba
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@lru_cache(maxsize=1)
def _route() -> WordRoute:
    import jieba.finalseg

    @lru_cache(maxsize=4096)  # the same name is guessed in each sentence that names it
    def guess(run: str) -> tuple[str, ...]:
        return tuple(jieba.finalseg.cut(run))

    return WordRoute(_jieba().dt, guess)


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """The words of a short text, by dictionary only (no guessing of unknown words): jieba's `lcut(HMM=False)`."""
    return tuple(_route().cut(text))


@lru_cache(maxsize=65536)
def guessed_words(text: str) -> tuple[str, ...]:
    """The words of a short text with jieba's guessing of unknown words (names it has never seen) on:
    jieba's `lcut(HMM=True)`."""
    return tuple(_route().cut(text, guess=True))


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    """jieba's word → tag table, read from its dictionary as `jieba.posseg` reads it (`word freq tag` a line),
    without importing posseg: its line-by-line loader costs several times more, most of it in the garbage
    collector once a load has filled the heap."""
    with _jieba().dt.get_dict_file() as f:
        fields = f.read().decode("utf-8").split()
    if len(fields) % 3:
        raise ValueError("jieba's dictionary has a line that is not `word frequency tag`")
    return dict(zip(fields[0::3], fields[2::3]))


# Tags jieba's dictionary gets wrong for words common in this genre.
TAG_FIXES = {"超市": "n"}


def tag(word: str) -> str:
    """jieba's part-of-speech tag of a dictionary word, `x` for an unknown one."""
    return TAG_FIXES.get(word) or _tags().get(word, "x")


def frequency(word: str) -> int:
    """How common a word is in jieba's dictionary (0 when it is not there)."""
    return _jieba().dt.FREQ.get(word, 0)
