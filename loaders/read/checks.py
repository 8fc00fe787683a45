"""The checks every decoded document passes before it is handed on: not empty, not oversized, some Chinese in it."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from dangjian.loaders.read.document import Document, ReadError

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
SPLIT_HINT = "split it into one file per article, or into JSON Lines (one article per line)"


@dataclass(frozen=True)
class Limits:
    """Size limits: a document's characters, and one line's (a page with no line breaks cannot be segmented)."""

    max_chars: int = 2_000_000
    max_line_chars: int = 200_000


def has_chinese(text: str | None) -> bool:
    """True when `text` holds at least one Han character.

    >>> has_chinese("Party building"), has_chinese("社区 community")
    (False, True)
    """
    return bool(text) and _HAN.search(text) is not None


def finish(doc: Document, limits: Limits, *, first_line: int | None = None, empty: str = "empty file",
           empty_hint: str = "remove the file or give it some article text") -> Document | ReadError:
    """`doc` if it passes; else a ReadError. A title-only document keeps its title as its text.

    `first_line` is the file line where `doc.text` starts, so a too-long line can be named.
    """
    text = doc.text
    if not text.strip():
        if not (doc.title and doc.title.strip()):
            return _error(doc, empty, empty_hint)
        text = doc.title.strip()
        doc = replace(doc, text=text)
    if len(text) > limits.max_chars:
        return _error(doc, f"{len(text):,} characters, over the limit of {limits.max_chars:,} for one document",
                      SPLIT_HINT)
    if len(text) > limits.max_line_chars and (long := _long_line(text, limits.max_line_chars)):
        number, length = long
        return ReadError(doc.path, f"{length:,} characters on one line, over the limit of {limits.max_line_chars:,} "
                         "(a whole page without line breaks?)", line=first_line + number - 1 if first_line else doc.line,
                         hint="put line breaks between paragraphs, or " + SPLIT_HINT)
    if not has_chinese(text) and not has_chinese(doc.title):
        return _error(doc, "no Chinese text found",
                      "dangjian reads Chinese articles: check the file's encoding, or leave the file out")
    return doc


def _error(doc: Document, reason: str, hint: str) -> ReadError:
    return ReadError(doc.path, reason, line=doc.line, hint=hint)


def _long_line(text: str, limit: int) -> tuple[int, int] | None:
    """(1-based number, length) of the first line longer than `limit`, scanning without copying lines."""
    start, number = 0, 1
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > limit:
            return number, end - start
        start, number = end + 1, number + 1
    return None
