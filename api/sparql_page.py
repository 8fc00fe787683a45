"""The HTML query page of /sparql: the template in api/static filled with the examples, limits and a query."""
from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from importlib import resources

from dangjian.api.questions import competency_questions
from dangjian.api.settings import Settings

__all__ = ["query_page"]


@lru_cache(maxsize=1)
def _template() -> str:
    return (resources.files("dangjian.api") / "static" / "query.html").read_text(encoding="utf-8")


def _script_json(value: object) -> str:
    """JSON that cannot close the <script> element it sits in."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def query_page(settings: Settings, query: str = "") -> str:
    """The page, with `query` in the editor (it runs on load when given)."""
    limits = (f"时限 / time limit {settings.query_timeout:g} s · 最多 / at most {settings.row_limit:,} 行 / rows · "
              f"{'可更新 / updates enabled' if settings.updates_enabled else '只读 / read-only'}")
    values = {"EXAMPLES": _script_json(list(competency_questions())), "LIMITS": html.escape(limits),
              "QUERY": html.escape(query)}
    # One pass, so a query that contains a placeholder's name stays as written.
    return re.sub(r"__(EXAMPLES|LIMITS|QUERY)__", lambda m: values[m.group(1)], _template())
