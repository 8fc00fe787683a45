"""The settings of one load (`LoadOptions`), as the command line's flags give them: every step reads them."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LoadOptions"]


@dataclass
class LoadOptions:
    """Settings of one load; metadata flags fill in what a document does not say itself."""

    date: str | None = None
    source: str | None = None
    url: str | None = None
    jobs: int = 1
    reextract: bool = False
    strict: bool = False
    progress: bool = True
    max_chars: int = 2_000_000
