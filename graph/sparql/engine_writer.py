"""SELECT results serialized by pyoxigraph itself and passed through as bytes, with their rows counted.

Writing a result term by term in Python costs more than evaluating a small query; the engine writes
JSON, XML and TSV results directly. The row limit still holds: the rows are counted in the bytes, and
a result over the limit is cut by reading the bytes back. The engine's writing is stopped once it passes
`MAX_BYTES`, so a huge result is never written whole; the caller then runs the query again and writes
the first rows itself.
"""
from __future__ import annotations

import pyoxigraph as ox

from dangjian.graph.sparql.result_formats import Format
from dangjian.graph.sparql.result_writers import Written, write_result

__all__ = ["MAX_BYTES", "ENGINE_FORMATS", "engine_solutions"]

MAX_BYTES = 8 << 20
# CSV is left to the Python writer: oxigraph cannot read CSV back, and a quoted value may hold a line break.
ENGINE_FORMATS = frozenset({"json", "xml", "tsv"})


class _Full(Exception):
    """The engine wrote more than the cap."""


class _CappedBuffer:
    """A binary output that refuses to grow past `cap` bytes."""

    def __init__(self, cap: int) -> None:
        self.parts: list[bytes] = []
        self.size, self.cap = 0, cap

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.cap:
            raise _Full
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        """Nothing is held back."""


def _rows(body: bytes, fmt: Format) -> int:
    if fmt.name == "xml":  # text escapes `<`, so each `<result>` is a row
        return body.count(b"<result>")
    if fmt.name == "tsv":  # terms escape line breaks: one line a row after the header
        return body.count(b"\n") - 1
    return sum(1 for _ in ox.parse_query_results(body, format=fmt.ox_format))


def engine_solutions(result: ox.QuerySolutions, fmt: Format, row_limit: int,
                     max_bytes: int = MAX_BYTES) -> Written | None:
    """`result` written by the engine in `fmt` (one of ENGINE_FORMATS), at most `row_limit` rows; None when it
    passed `max_bytes` (the result is then used up: run the query again and use `write_result`).

    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("一")))
    >>> from dangjian.graph.sparql.result_formats import by_name
    >>> engine_solutions(store.query("SELECT ?s { ?s ?p ?o }"), by_name("tsv", "solutions"), 10)
    Written(body=b'?s\\n<urn:a>\\n', rows=1, truncated=False)
    """
    out = _CappedBuffer(max_bytes)
    try:
        result.serialize(out, format=fmt.ox_format)
    except _Full:
        return None
    body = b"".join(out.parts)
    rows = _rows(body, fmt)
    if rows <= row_limit:
        return Written(body, rows, False)
    return write_result(ox.parse_query_results(body, format=fmt.ox_format), fmt, row_limit)
