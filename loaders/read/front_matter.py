"""YAML front matter at the top of a Markdown file: split it off and read `title`, `date`, `source`, `url`."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from dangjian.ontology.errors import DangjianError

_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")


class FrontMatterError(DangjianError, ValueError):
    """Front matter that cannot be read; `line` is 1-based in the file."""

    def __init__(self, reason: str, line: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


@dataclass(frozen=True)
class FrontMatter:
    """The mapping found (empty when there is none) and the body after it, starting at `body_line`."""

    meta: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 1


def split_front_matter(text: str) -> FrontMatter:
    """Split `---`-fenced YAML off the top of `text`; raises FrontMatterError naming the line at fault.

    >>> split_front_matter("---\\ntitle: 党建\\n---\\n正文").meta
    {'title': '党建'}
    """
    first, _, rest = text.partition("\n")
    if first.strip() != "---":
        return FrontMatter({}, text, 1)
    lines = rest.split("\n")
    end = next((i for i, line in enumerate(lines) if _FENCE.match(line)), None)
    if end is None:
        raise FrontMatterError("front matter opened with '---' is never closed", 1)
    meta = _parse("\n".join(lines[:end]))
    return FrontMatter(meta, "\n".join(lines[end + 1:]), end + 3)


def _parse(source: str) -> dict:
    try:
        meta = yaml.safe_load(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = 2 + (mark.line if mark else 0)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise FrontMatterError(f"front matter is not valid YAML: {problem}", line) from None
    except RecursionError:
        raise FrontMatterError("front matter nested too deeply to read", 2) from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise FrontMatterError("front matter must be a mapping of keys (title:, date:, source:, url:)", 2)
    return {str(key).lower(): value for key, value in meta.items()}
