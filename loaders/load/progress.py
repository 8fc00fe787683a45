"""What a user sees of a load on stderr: a one-line progress report while it runs (on a terminal), each error as
it comes, and at the end the summary (`LoadReport.summary`), whose counts also decide the exit status."""
from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field

__all__ = ["LoadReport", "Progress"]


@dataclass
class LoadReport:
    """What a load did, for the summary line and the exit status."""

    files: int = 0
    articles: int = 0
    unchanged: int = 0
    replaced: int = 0
    facts: int = 0
    entities: dict[str, str] = field(default_factory=dict)   # entity IRI → class, each entity once
    loaded: list[str] = field(default_factory=list)          # ids of the articles written (new or replaced)
    failed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        per_class = ", ".join(f"{cls} {n}" for cls, n in sorted(Counter(self.entities.values()).items()))
        lines = [f"{self.articles} article(s) loaded, {self.unchanged} unchanged, {self.replaced} replaced, "
                 f"{self.facts} facts from {self.files} document(s) in {self.seconds:.1f} s"]
        if per_class:
            lines.append(f"distinct entities the loaded articles name: {per_class}")
        if self.failed:
            lines.append(f"{len(self.failed)} skipped:")
            lines.extend(f"  {reason}" for reason in self.failed)
        return "\n".join(lines)


class Progress:
    """A one-line progress report on stderr: documents, articles/s, errors so far."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.started = time.monotonic()
        self.last = 0.0

    def step(self, report: LoadReport) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.last < 0.2:
            return
        self.last = now
        rate = (report.articles + report.unchanged) / max(now - self.started, 1e-6)
        sys.stderr.write(f"\r{report.files} document(s), {report.articles} article(s) loaded, "
                         f"{rate:.0f} articles/s, {len(report.failed)} error(s)")
        sys.stderr.flush()

    def error(self, message: str) -> None:
        sys.stderr.write(("\n" if self.enabled else "") + f"error: {message}\n")

    def done(self, report: LoadReport) -> None:
        if self.enabled:
            sys.stderr.write("\n")
