"""Plain result tables and their renderings for the terminal, CSV and JSON."""
from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Table:
    """A named table: column names and rows of plain values (str, int, float)."""

    name: str
    title: str
    columns: tuple[str, ...]
    rows: list[tuple] = field(default_factory=list)

    def records(self) -> list[dict]:
        """The rows as dicts keyed by column name."""
        return [dict(zip(self.columns, row)) for row in self.rows]


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def _width(text: str) -> int:
    """Terminal columns a string takes: CJK characters are two wide."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def to_text(tables: list[Table]) -> str:
    """Aligned columns under a title per table, for reading in a terminal."""
    out = []
    for table in tables:
        cells = [list(table.columns)] + [[_cell(v) for v in row] for row in table.rows]
        widths = [max(_width(row[i]) for row in cells) for i in range(len(table.columns))]
        out.append(f"== {table.title} ({len(table.rows)})")
        for i, row in enumerate(cells):
            out.append("  ".join(_pad(c, w) for c, w in zip(row, widths)).rstrip())
            if i == 0:
                out.append("  ".join("-" * w for w in widths))
        out.append("")
    return "\n".join(out)


def to_csv(table: Table) -> str:
    """One table as CSV with a header row."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows(table.rows)
    return buf.getvalue()


def tables_to_csv(tables: list[Table]) -> str:
    """Several tables as CSV blocks, each after a `# name` line and separated by a blank line."""
    return "\n".join(f"# {t.name}\n{to_csv(t)}" for t in tables)


def to_json(tables: list[Table]) -> str:
    """An object mapping each table's name to its list of records."""
    return json.dumps({t.name: t.records() for t in tables}, ensure_ascii=False, indent=2)
