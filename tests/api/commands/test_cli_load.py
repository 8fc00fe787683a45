"""`dangjian load` as a user reruns it: metadata given for an unchanged article, and a summary that agrees with
`dangjian stats`."""
from __future__ import annotations

import json
import re
from pathlib import Path

ARTICLE = "桃源社区开展邻里节活动\n\n7月20日，桃源社区党委联合示例银行开展邻里节活动。桃源社区党委书记王芳带领党员为居民服务。\n"
META = ("PREFIX schema: <https://schema.org/> PREFIX dct: <http://purl.org/dc/terms/> "
        "SELECT ?date ?source WHERE { ?a a <https://w3id.org/dangjian/ontology#Article> "
        "OPTIONAL { ?a schema:datePublished ?date } OPTIONAL { ?a dct:source ?source } }")
SAMPLE = Path(__file__).resolve().parents[3] / "samples" / "seed-page.txt"


def metadata(dangjian) -> list[tuple[str | None, str | None]]:
    rows = json.loads(dangjian("query", "--format", "json", META, check_status=0).stdout)["results"]["bindings"]
    return [(r.get("date", {}).get("value"), r.get("source", {}).get("value")) for r in rows]


def test_cli_load_applies_date_and_source_given_for_an_unchanged_article(dangjian, tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(ARTICLE, encoding="utf-8")
    dangjian("load", "page.txt", "--no-progress", check_status=0)
    assert metadata(dangjian) == [(None, None)]
    again = dangjian("load", "page.txt", "--date", "2023-07-21", "--source", "示例日报", "--no-progress", check_status=0)
    assert "1 replaced" in again.stderr
    assert metadata(dangjian) == [("2023-07-21", "示例日报")]
    same = dangjian("load", "page.txt", "--date", "2023-07-21", "--source", "示例日报", "--no-progress", check_status=0)
    assert "0 article(s) loaded, 1 unchanged" in same.stderr
    assert metadata(dangjian) == [("2023-07-21", "示例日报")]


def test_cli_load_summary_states_the_counts_stats_shows(dangjian) -> None:
    done = dangjian("load", str(SAMPLE), "--no-progress", check_status=0)
    line = next(line for line in done.stderr.splitlines() if line.startswith("the store now holds"))
    held = {name: int(n) for name, n in re.findall(r"(\w+) (\d+)", line.split(": ", 1)[1])}
    stats = json.loads(dangjian("stats", "--format", "json", check_status=0).stdout)["entities"]
    assert held == {name: n for name, n in stats.items() if n}
    assert "distinct entities the loaded articles name:" in done.stderr
