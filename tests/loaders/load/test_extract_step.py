"""The extraction step: what `dangjian extract` prints of one file, article by article, and the metadata flags
filling in only what a document does not say itself."""
import json
from pathlib import Path

import pyoxigraph as ox

from dangjian.loaders.load.extract_step import extract_document
from dangjian.loaders.load.options import LoadOptions
from dangjian.loaders.read.document import Document

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "samples" / "seed-page.txt"
PAGE = "青枫社区开展读书会\n\n近日,青枫社区党支部书记林晓带领党员开展读书会。\n"


def test_extract_step_prints_what_one_file_yields(dangjian):
    out = dangjian("extract", str(SAMPLE), "--format", "json", check_status=0)
    data = json.loads(out.stdout)
    assert len(data) == 8 and data[1]["authors"] == ["高达"]
    assert any(f["p"] == "organizer" and f["s"] == "青年党员学习交流活动" for f in data[1]["facts"])
    turtle = dangjian("extract", str(SAMPLE), "--format", "turtle", check_status=0).stdout
    assert len(list(ox.parse(turtle.encode(), format=ox.RdfFormat.TRIG))) > 500


def test_extract_step_says_in_one_line_what_it_cannot_read_and_goes_on(dangjian, tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    binary = dangjian("extract", str(tmp_path / "photo.txt"), check_status=1)
    assert binary.stdout == "" and len(binary.stderr.splitlines()) == 1 and "photo.txt" in binary.stderr
    lines = ["{broken json", json.dumps({"title": "建元社区开展活动", "text": "近日,建元社区开展活动。"}, ensure_ascii=False)]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    feed = dangjian("extract", str(tmp_path / "feed.jsonl"), check_status=1)
    assert [a["title"] for a in json.loads(feed.stdout)] == ["建元社区开展活动"]
    assert len(feed.stderr.splitlines()) == 1 and "feed.jsonl:1" in feed.stderr


def test_extract_step_flags_fill_in_only_what_the_document_does_not_say():
    options = LoadOptions(date="2024-03-05", source="示例晚报", url="https://example.org/given")
    (silent,) = extract_document(Document(path="feed.jsonl", line=4, text=PAGE, kind="jsonl"), options)
    (own,) = extract_document(Document(path="feed.jsonl", line=5, text=PAGE, kind="jsonl", date="2023-11-20",
                                       source="青枫社区公众号", url="https://example.org/own"), options)
    assert (silent.facts.date, silent.facts.source, silent.facts.url) == ("2024-03-05", "示例晚报", "https://example.org/given")
    assert (own.facts.date, own.facts.source, own.facts.url) == ("2023-11-20", "青枫社区公众号", "https://example.org/own")
    assert (silent.facts.source_file, own.facts.source_file) == ("feed.jsonl:4", "feed.jsonl:5")
