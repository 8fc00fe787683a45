"""What reading yields: a `Document` (decoded text plus its metadata) or a `ReadError` saying what to fix."""
from __future__ import annotations

from dataclasses import dataclass

from dangjian.ontology.errors import DangjianError

KINDS = ("text", "markdown", "html", "jsonl")


@dataclass(frozen=True)
class Document:
    """One input article or page, decoded; `text` keeps the original characters for evidence.

    >>> Document(path="a.txt", text="蠡口社区", kind="text").encoding
    'utf-8'
    """

    path: str
    text: str
    kind: str
    line: int | None = None
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    encoding: str = "utf-8"
    author: str | None = None
    warnings: tuple[str, ...] = ()


class ReadError(DangjianError):
    """An input that yields no document; `str()` reads "path:line: reason — what to do".

    >>> str(ReadError("a.jsonl", "not valid JSON", line=3, hint="fix or remove the line"))
    'a.jsonl:3: not valid JSON — fix or remove the line'
    """

    def __init__(self, path: str, reason: str, *, line: int | None = None, hint: str = "") -> None:
        self.path = str(path)
        self.reason = reason
        self.line = line
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}" + (f" — {self.hint}" if self.hint else "")

    def __reduce__(self):
        # Errors cross process boundaries under --jobs; keyword-only arguments need an explicit recipe.
        return _rebuild_error, (self.path, self.reason, self.line, self.hint)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ReadError) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))


def _rebuild_error(path: str, reason: str, line: int | None, hint: str) -> ReadError:
    return ReadError(path, reason, line=line, hint=hint)
