"""JSON Lines of articles read as a stream: one object a line; a broken line is an error and the rest still loads."""
from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import BinaryIO

from dangjian.loaders.read.checks import Limits, finish
from dangjian.loaders.read.document import Document, ReadError
from dangjian.loaders.read.encoding import Decoded
from dangjian.loaders.read.fields import (AUTHOR_KEYS, SOURCE_KEYS, TEXT_KEYS, TITLE_KEYS, URL_KEYS, clean_text,
                                          date_field, first_value, has_surrogates, lower_keys, text_field)
from dangjian.loaders.html.html_text import html_article, looks_like_html

_FIX_HINT = "fix or remove this line; the other lines are read"
TOO_DEEP = "JSON nested too deeply to read (more than about 900 levels of [ and {)"


def parse_json(text: str):
    """`json.loads`, with nesting too deep for Python's parser raised as ValueError(TOO_DEEP), not RecursionError.

    >>> parse_json("[" * 100_000 + "]" * 100_000)
    Traceback (most recent call last):
    ...
    ValueError: JSON nested too deeply to read (more than about 900 levels of [ and {)
    """
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError(TOO_DEEP) from None


def iter_jsonl(raw: BinaryIO, path: str, found: Decoded, limits: Limits) -> Iterator[Document | ReadError]:
    """Documents and errors, one per non-blank line of `raw` (rewound first), in file order."""
    raw.seek(0)
    cap = limits.max_chars * 6 + 4096  # a \uXXXX escape takes six characters per Chinese character
    wide = found.codec.startswith(("utf-16", "utf-32"))
    lines = _wide_lines(raw, found, cap) if wide else _byte_lines(raw, found, cap)
    for number, line, label, problem in lines:
        if problem:
            yield ReadError(path, problem, line=number, hint=_FIX_HINT)
        elif line.strip():
            yield _record(line, number, path, label, limits)


def _byte_lines(raw: BinaryIO, found: Decoded, cap: int) -> Iterator[tuple[int, str, str, str | None]]:
    """ASCII-compatible encodings: split on bytes, decode each line alone so one bad line spoils only itself."""
    number = 0
    while chunk := raw.readline(cap):
        number += 1
        if len(chunk) >= cap and not chunk.endswith(b"\n"):
            while chunk and not chunk.endswith(b"\n"):
                chunk = raw.readline(1 << 20)
            yield number, "", "", f"line longer than {cap:,} bytes, too long for one article"
            continue
        yield (number, *_decode_line(chunk, found))


def _decode_line(chunk: bytes, found: Decoded) -> tuple[str, str, str | None]:
    for codec, label in ((found.codec, found.label), ("utf-8", "utf-8"), ("gb18030", "gb18030")):
        try:
            return chunk.decode(codec), label, None
        except (UnicodeDecodeError, LookupError):
            continue
    return "", "", f"bytes on this line are neither {found.label}, UTF-8 nor GB18030"


def _wide_lines(raw: BinaryIO, found: Decoded, cap: int) -> Iterator[tuple[int, str, str, str | None]]:
    """UTF-16/32: newlines are several bytes wide, so decode the stream as a whole; a bad byte ends the file."""
    stream = io.TextIOWrapper(raw, encoding=found.codec, errors="strict", newline=None)
    number = 0
    try:
        while line := stream.readline(cap):
            number += 1
            if len(line) >= cap and not line.endswith("\n"):
                while line and not line.endswith("\n"):
                    line = stream.readline(1 << 20)
                yield number, "", "", f"line longer than {cap:,} characters, too long for one article"
                continue
            yield number, line, found.label, None
    except UnicodeDecodeError:
        yield number + 1, "", "", f"not valid {found.label} after line {number}; the rest of the file was not read"
    finally:
        stream.detach()


def _record(line: str, number: int, path: str, label: str, limits: Limits) -> Document | ReadError:
    try:
        record = parse_json(line.lstrip("\ufeff"))
    except json.JSONDecodeError as error:
        return ReadError(path, f"not valid JSON: {error.msg} (column {error.colno})", line=number, hint=_FIX_HINT)
    except ValueError as error:
        return ReadError(path, str(error), line=number, hint=_FIX_HINT)
    if not isinstance(record, dict):
        return ReadError(path, f'a record must be a JSON object {{"title": …, "text": …}}, not {type(record).__name__}',
                         line=number, hint=_FIX_HINT)
    record = lower_keys(record)
    text = first_value(record, TEXT_KEYS)
    if not isinstance(text, str) or not text.strip():
        return ReadError(path, 'record has no text (no "text", "content" or "body" string)', line=number,
                         hint="add the article's text to this record, or remove the line")
    page = html_article(text) if looks_like_html(text) else None
    warnings = ("lone UTF-16 surrogates replaced by U+FFFD",) if has_surrogates(line) else ()
    doc = Document(
        path=path, text=clean_text(page.text if page else text), kind="jsonl", line=number,
        title=text_field(record, TITLE_KEYS) or (page and page.title),
        date=date_field(record) or (page and page.date),
        source=text_field(record, SOURCE_KEYS) or (page and page.source),
        url=text_field(record, URL_KEYS) or (page and page.url),
        author=text_field(record, AUTHOR_KEYS) or (page and page.author), encoding=label, warnings=warnings,
    )
    return finish(doc, limits, empty="record has no text")
