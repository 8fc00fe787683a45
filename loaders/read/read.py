"""Reading input: files and directories to `Document`s (one per article file or JSON Lines record) or `ReadError`s.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("蠡口社区开展活动", encoding="gb18030")
>>> [(doc.kind, doc.encoding, doc.text) for doc in iter_documents([folder])]
[('text', 'gb18030', '蠡口社区开展活动')]
>>> import shutil; shutil.rmtree(folder)
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from dangjian.graph.dataset.rdf_suffixes import is_rdf_file
from dangjian.loaders.read.checks import SPLIT_HINT, Limits, finish
from dangjian.loaders.read.document import Document, ReadError
from dangjian.loaders.read.encoding import Decoded, NotText, decode, line_codec, stream_codec
from dangjian.loaders.read.fields import AUTHOR_KEYS, SOURCE_KEYS, TITLE_KEYS, URL_KEYS, date_field, text_field
from dangjian.loaders.read.front_matter import FrontMatterError, split_front_matter
from dangjian.loaders.html.html_text import declared_charset, html_article, looks_like_html
from dangjian.loaders.read.jsonl import TOO_DEEP, _record, iter_jsonl, parse_json
from dangjian.loaders.read.markdown_text import first_heading, markdown_to_text
from dangjian.loaders.read.walk import NOT_REGULAR, NOT_REGULAR_HINT, walk_files

__all__ = ["iter_documents", "read_file", "NOT_REGULAR"]

_KINDS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html",
          ".htm": "html", ".xhtml": "html", ".shtml": "html", ".jsonl": "jsonl", ".ndjson": "jsonl",
          ".jsonlines": "jsonl", ".json": "json"}
_HEAD = 65_536
# Bytes a file may have per allowed character: 4 covers any encoding; HTML markup outweighs its text.
_BYTES_PER_CHAR = {"html": 16}
_BINARY_HINT = ("only text, Markdown, HTML and JSON Lines articles are read: convert the file "
                "(save a Word document as .txt, for instance) or leave it out")


def iter_documents(paths: Iterable[str | Path], *, max_chars: int = 2_000_000,
                   max_line_chars: int = 200_000) -> Iterator[Document | ReadError]:
    """Every document under `paths`, lazily: directories walked in sorted order, hidden and RDF files skipped."""
    limits = Limits(max_chars, max_line_chars)
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found in walk_files(path):
                if isinstance(found, ReadError):
                    yield found
                elif not is_rdf_file(found):
                    yield from _guarded(found, str(found), limits)
        elif is_rdf_file(path):
            continue
        elif not path.exists():
            yield ReadError(str(given), "no such file or directory", hint="check the path")
        else:
            yield from _guarded(path, str(given), limits)


def read_file(path: Path, *, max_chars: int = 2_000_000,
              max_line_chars: int = 200_000) -> list[Document | ReadError]:
    """The documents of one file (several for JSON Lines), or the errors that kept them out."""
    return list(_read(Path(path), str(path), Limits(max_chars, max_line_chars)))


def _guarded(path: Path, shown: str, limits: Limits) -> Iterator[Document | ReadError]:
    """One file's documents; a reader bug ends only that file, named in an error, and the next file is read."""
    try:
        yield from _read(path, shown, limits)
    except Exception as error:
        yield ReadError(shown, f"reading failed ({type(error).__name__}: {error})",
                        hint="please report it with this file; the other files are read")


def _read(path: Path, shown: str, limits: Limits) -> Iterator[Document | ReadError]:
    if is_rdf_file(path):
        yield ReadError(shown, "an RDF file, not an article", hint="give it to `dangjian load`, which loads RDF as is")
        return
    if path.exists() and not path.is_file():  # opening a pipe with no writer would wait forever
        yield ReadError(shown, NOT_REGULAR, hint=NOT_REGULAR_HINT)
        return
    try:
        with path.open("rb") as raw:
            yield from _read_open(raw, shown, _KINDS.get(path.suffix.lower()), limits)
    except OSError as error:
        yield ReadError(shown, f"cannot read the file: {error.strerror or error}",
                        hint="check that it exists and is readable")


def _read_open(raw: BinaryIO, shown: str, kind: str | None, limits: Limits) -> Iterator[Document | ReadError]:
    head = raw.read(_HEAD)
    try:
        if kind in ("jsonl", "json"):
            found = line_codec(head)
        else:
            found = stream_codec(head, declared=declared_charset(head) if kind == "html" else None)
    except NotText as error:
        yield ReadError(shown, str(error), hint=_BINARY_HINT)
        return
    if len(head) < _HEAD and not found.text.strip():
        yield ReadError(shown, "empty file", hint="remove the file or give it some article text")
        return
    kind = kind or _sniff(found.text)
    if kind == "json":
        if not found.text.lstrip("\ufeff \t\r\n").startswith("{"):
            yield ReadError(shown, "a JSON file that is not one article object per line",
                            hint='convert it to JSON Lines: one {"title": …, "text": …} object per line (.jsonl)')
            return
        whole = _one_json_object(raw, found, limits)
        if whole == TOO_DEEP:
            yield ReadError(shown, TOO_DEEP, line=1, hint="flatten the record: one article object per line")
            return
        if whole is not None:  # a pretty-printed object: one article, or one error for the whole file
            yield _record(whole, 1, shown, found.label, limits)
            return
        kind = "jsonl"
    if kind == "jsonl":
        yield from iter_jsonl(raw, shown, found, limits)
        return
    yield _whole_file(raw, head, shown, kind, limits)


def _one_json_object(raw: BinaryIO, found: Decoded, limits: Limits) -> str | None:
    """The file as one JSON object on one line, when the whole file is a single object spread over lines.

    TOO_DEEP when it nests deeper than can be read.
    """
    raw.seek(0)
    data = raw.read(limits.max_chars * 6 + 4096)
    try:
        value = parse_json(data.decode(found.codec))
    except LookupError:
        return None
    except ValueError as error:  # UnicodeDecodeError and JSONDecodeError among them
        return TOO_DEEP if str(error) == TOO_DEEP else None
    if not isinstance(value, dict) or b"\n" not in data.strip():
        return None
    return json.dumps(value, ensure_ascii=False)


def _sniff(head: str) -> str:
    """The kind of a file without a known extension, judged by how it starts."""
    start = head.lstrip("\ufeff \t\r\n\u3000")
    if start.startswith("{"):
        return "jsonl"
    if start.startswith("<") and looks_like_html(start):
        return "html"
    if start.partition("\n")[0].strip() == "---":
        return "markdown"
    return "text"


def _whole_file(raw: BinaryIO, head: bytes, shown: str, kind: str, limits: Limits) -> Document | ReadError:
    size = raw.seek(0, 2)
    cap = limits.max_chars * _BYTES_PER_CHAR.get(kind, 4)
    if size > cap:
        return ReadError(shown, f"{_size(size)} is more than one document of at most "
                         f"{limits.max_chars:,} characters can hold", hint=SPLIT_HINT)
    raw.seek(0)
    try:
        decoded = decode(raw.read(), declared=declared_charset(head) if kind == "html" else None)
    except NotText as error:
        return ReadError(shown, str(error), hint=_BINARY_HINT)
    text = decoded.text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _BUILDERS[kind](text, shown, decoded, limits)


def _size(size: int) -> str:
    return f"{size / 1e6:,.1f} MB" if size >= 1e6 else f"{size:,} bytes"


def _text(text: str, shown: str, decoded: Decoded, limits: Limits) -> Document | ReadError:
    doc = Document(shown, text, "text", encoding=decoded.label, warnings=decoded.warnings)
    return finish(doc, limits, first_line=1)


def _markdown(text: str, shown: str, decoded: Decoded, limits: Limits) -> Document | ReadError:
    try:
        front = split_front_matter(text)
    except FrontMatterError as error:
        return ReadError(shown, error.reason, line=error.line,
                         hint="fix the YAML between the two '---' lines (quote values that contain ':')")
    meta = front.meta
    doc = Document(shown, markdown_to_text(front.body), "markdown",
                   title=text_field(meta, TITLE_KEYS) or first_heading(front.body), date=date_field(meta),
                   source=text_field(meta, SOURCE_KEYS), url=text_field(meta, URL_KEYS),
                   author=text_field(meta, AUTHOR_KEYS), encoding=decoded.label, warnings=decoded.warnings)
    return finish(doc, limits, first_line=front.body_line)


def _html(text: str, shown: str, decoded: Decoded, limits: Limits) -> Document | ReadError:
    page = html_article(text)
    doc = Document(shown, page.text, "html", title=page.title, date=page.date, source=page.source, url=page.url,
                   author=page.author, encoding=decoded.label, warnings=decoded.warnings)
    return finish(doc, limits, empty="no article text found in the HTML page",
                  empty_hint="pages that fill in their text with JavaScript cannot be read: save the article text")


_BUILDERS = {"text": _text, "markdown": _markdown, "html": _html}
