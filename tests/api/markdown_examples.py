"""The examples of a Markdown file: its fenced `sh` and `sparql` blocks, each command line, and what they show.

A block preceded by `<!-- example: not run (reason) -->` is listed with its reason instead of run.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

FENCE = re.compile(r"^```(\w*)\s*$")
NOT_RUN = re.compile(r"<!--\s*example:\s*not run\s*\((.+?)\)\s*-->")


@dataclass(frozen=True)
class Block:
    """One fenced block: its language, text, where it starts, the output block after it, why it is not run."""
    path: Path
    line: int
    language: str
    text: str
    shown: str | None
    not_run: str | None

    @property
    def name(self) -> str:
        return f"{self.path.name}:{self.line}"


def blocks(path: Path) -> list[Block]:
    """The `sh` and `sparql` blocks of `path`, in order; an untagged block right after one is its output."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[tuple[int, str, str, str | None]] = []
    i = 0
    while i < len(lines):
        opened = FENCE.match(lines[i])
        if not opened:
            i += 1
            continue
        end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
        before = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
        reason = NOT_RUN.search(before)
        found.append((i + 1, opened[1], "\n".join(lines[i + 1:end]), reason[1] if reason else None))
        i = end + 1
    result = []
    for k, (line, language, text, reason) in enumerate(found):
        if language not in ("sh", "sparql"):
            continue
        after = found[k + 1] if k + 1 < len(found) else None
        shown = after[2] if after and after[1] == "" and after[0] - line - text.count("\n") <= 4 else None
        result.append(Block(path, line, language, text, shown, reason))
    return result


def command_lines(text: str) -> list[str]:
    """The command lines of a shell block, as bash reads them: a line ending in a backslash or inside quotes
    goes on to the next."""
    commands, current = [], ""
    for raw in text.splitlines():
        current = f"{current}\n{raw}" if current else raw
        if current.endswith("\\"):
            continue
        if _open_quote(current):
            continue
        if current.strip() and not current.lstrip().startswith("#"):
            commands.append(current.strip())
        current = ""
    return commands


def _open_quote(text: str) -> bool:
    quote = None
    for char in text:
        if quote is None and char in "'\"":
            quote = char
        elif char == quote:
            quote = None
        elif quote is None and char == "#":
            break
    return quote is not None


def table_shown(shown: str) -> tuple[list[str], int]:
    """The column names and row count of a table drawn as `dangjian query` draws it (` a | b`, a rule, rows)."""
    rows = [line for line in shown.splitlines() if line.strip()]
    header = [cell.strip() for cell in rows[0].split("|")]
    body = [row for row in rows[1:] if not set(row.strip()) <= set("-+")]
    return header, len(body)


def prose_urls(path: Path, base: str) -> list[str]:
    """The pages under `base` that the text outside fenced blocks tells a reader to open (`base` alone names
    the server, not a page)."""
    outside, fenced = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced:
            outside.append(line)
    found = re.findall(re.escape(base) + r"/[^\s)`'\"]+", "\n".join(outside))
    return sorted({url.rstrip(".,;:") for url in found})
