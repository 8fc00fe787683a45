"""Text helpers: a length-keeping normalization for matching, sentence splitting with offsets, name keys."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from dangjian.loaders.text.lexicon import CLOSING, FINAL_PUNCT

# Full-width ASCII forms become half-width, one character for one, so offsets stay valid.
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
# Brackets and corner quotes fold to the forms the extractor's patterns use; ideographic and no-break
# spaces to a space; the radical 丨, which sites use as a bar between a title's parts, to a bar.
_WIDTH.update(str.maketrans("\u3000\u00a0〔〕【】﹝﹞「」『』丨", "  ()()()“”‘’|"))


_FOLDED = {chr(cp): chr(to) for cp, to in _WIDTH.items()}
# str.translate looks every character up in the table; the characters to fold are a few in a text
_TO_FOLD = re.compile("[" + "".join(re.escape(ch) for ch in _FOLDED) + "]")


@lru_cache(maxsize=256)  # an article's text is folded for its hash, its sentences and its extractor
def for_matching(text: str) -> str:
    """The same text with full-width forms folded to half-width; always the same length as the input."""
    return _TO_FOLD.sub(lambda m: _FOLDED[m.group()], text)


_QUOTES = "“”‘’\"'「」『』《》〈〉"


@lru_cache(maxsize=4096)  # an article names its entities again and again; small, so the collector's walks stay short
def name_key(name: str) -> str:
    """A normalized key for a name: NFKC, quotes and white space removed (how names are compared)."""
    text = unicodedata.normalize("NFKC", name)
    return "".join(ch for ch in text if ch not in _QUOTES and not ch.isspace())


def clean_label(name: str) -> str:
    """A label as written, with quotes stripped and inner white space collapsed."""
    text = "".join(ch for ch in name if ch not in _QUOTES)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


_SENT_END = re.compile(f"[{re.escape(FINAL_PUNCT)}]+[{re.escape(CLOSING)}]*|\n+")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their code-point offsets; a sentence ends at 。！？；… (with closing quotes) or a line break."""
    out: list[Sentence] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        end = m.end() if not m.group().startswith("\n") else m.start()
        _append(out, text, pos, end)
        pos = m.end()
    _append(out, text, pos, len(text))
    return out


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))


def ends_sentence(line: str) -> bool:
    """Whether a line ends with sentence-final punctuation (closing quotes allowed after it)."""
    stripped = line.rstrip().rstrip(CLOSING)
    return bool(stripped) and stripped[-1] in FINAL_PUNCT
