"""The hash check: a load skips what the store holds with the same text, metadata and extractor version, replaces
what changed, and writes everything again when asked to (--reextract)."""
import json
from pathlib import Path

from article_helpers import count, graphs

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "samples" / "seed-page.txt"


def test_known_loading_the_sample_page_twice_changes_nothing(dangjian):
    dangjian("load", str(SAMPLE), "--no-progress", check_status=0)
    first = (count(dangjian), graphs(dangjian))
    again = dangjian("load", str(SAMPLE), "--no-progress", check_status=0)
    assert "8 unchanged" in again.stderr
    assert (count(dangjian), graphs(dangjian)) == first
    assert len([g for g in first[1] if "/graph/article/" in g]) == 8


def test_known_changed_article_replaces_its_graph(dangjian, tmp_path):
    feed = tmp_path / "feed.jsonl"
    record = {"title": "石牌岭社区开展义诊", "text": "近日,石牌岭社区开展义诊活动。", "url": "https://example.org/a/1"}
    feed.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    dangjian("load", str(feed), "--no-progress", check_status=0)
    record["text"] = "近日,石牌岭社区联合武汉市第三医院开展义诊活动。"
    feed.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    out = dangjian("load", str(feed), "--no-progress", check_status=0)
    assert "1 replaced" in out.stderr
    articles = [g for g in graphs(dangjian) if "/graph/article/" in g]
    assert len(articles) == 1
    found = dangjian("query", "--format", "json",
                     "ASK { ?o <http://www.w3.org/2000/01/rdf-schema#label> \"武汉市第三医院\"@zh }", check_status=0)
    assert json.loads(found.stdout)["boolean"] is True


def test_known_reextract_writes_every_stored_article_again_and_the_graph_stays(dangjian, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("青枫社区开展读书会\n\n近日,青枫社区党支部书记林晓带领党员开展读书会。\n", encoding="utf-8")
    dangjian("load", str(page), "--no-progress", check_status=0)
    before = count(dangjian)
    again = dangjian("load", str(page), "--reextract", "--no-progress", check_status=0)
    assert "1 article(s) loaded, 0 unchanged, 1 replaced" in again.stderr
    assert count(dangjian) == before
