"""The HTML query page of /sparql: YASGUI when its files were fetched at install, else the plain page."""
from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from dangjian.api import yasgui_assets
from dangjian.api.pages.questions import competency_questions
from dangjian.api.settings import Settings
from dangjian.ontology import PREFIXES

__all__ = ["query_page"]

MISSING_NOTE = (f"YASGUI ({yasgui_assets.PACKAGE} {yasgui_assets.VERSION}) is not installed, so this is the plain "
                f"query page. Reinstall dangjian on a machine that reaches the npm registry (<code>pip install "
                f"-e .</code> fetches it), install a wheel built there, or set <code>{yasgui_assets.ENV}</code> to "
                f"a copy of the tarball and reinstall.")


@lru_cache(maxsize=2)
def _template(name: str) -> str:
    return (resources.files("dangjian.api") / "static" / name).read_text(encoding="utf-8")


def _script_json(value: object) -> str:
    """JSON that cannot close the <script> element it sits in."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def query_page(settings: Settings, query: str = "", *, assets: Path | None = None) -> str:
    """The page, with `query` in the editor (it runs on load when given); YASGUI when `assets` holds it."""
    limits = (f"时限 / time limit {settings.query_timeout:g} s · 最多 / at most {settings.row_limit:,} 行 / rows · "
              f"{'可更新 / updates enabled' if settings.updates_enabled else '只读 / read-only'}")
    workbench = yasgui_assets.installed(assets)
    values = {"EXAMPLES": _script_json(list(competency_questions())), "LIMITS": html.escape(limits),
              "QUERY": _script_json(query) if workbench else html.escape(query),
              "YASGUI_VERSION": yasgui_assets.VERSION, "NOTE": "" if workbench else MISSING_NOTE,
              "PREFIXES": _script_json(PREFIXES)}
    # One pass, so a query that contains a placeholder's name stays as written.
    return re.sub(r"__(EXAMPLES|LIMITS|QUERY|YASGUI_VERSION|NOTE|PREFIXES)__", lambda m: values[m.group(1)],
                  _template("workbench.html" if workbench else "query.html"))
