"""The process pool behind --jobs: two jobs give the graph and the messages one job gives, every outcome back in
corpus order."""
import json
import os
import re
from pathlib import Path

from article_helpers import count

from dangjian.loaders.load import workers
from dangjian.loaders.load.options import LoadOptions
from dangjian.loaders.read.document import Document, ReadError

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "samples" / "seed-page.txt"


def test_workers_two_jobs_give_the_same_graph(dangjian, tmp_path):
    corpus = tmp_path / "pages"
    corpus.mkdir()
    for i in range(4):
        (corpus / f"p{i}.txt").write_text(SAMPLE.read_text(encoding="utf-8") + f"\n\n附录{i}\n", encoding="utf-8")
    dangjian("load", str(corpus), "--jobs", "2", "--no-progress", check_status=0)
    store2 = tmp_path / "other"
    dangjian("load", str(corpus), "--jobs", "1", "--no-progress", "--store", str(store2), check_status=0)
    assert count(dangjian, "--store", str(store2)) == count(dangjian) > 0


def test_workers_two_jobs_report_file_and_line_as_one_job(dangjian, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a-page.txt").write_text("青枫社区开展读书会\n\n近日,青枫社区党支部开展读书会。\n", encoding="utf-8")
    (corpus / "b-photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    records = [{"title": "柳湾社区开展义诊", "text": "近日,柳湾社区开展义诊活动。"}, "{not json",
               {"title": "石塘社区开展植树", "text": "近日,石塘社区组织党员植树。"}]
    (corpus / "c-feed.jsonl").write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)
                                                   for r in records) + "\n", encoding="utf-8")
    (corpus / "d-empty.txt").write_text("", encoding="utf-8")
    said = [re.sub(r"in [0-9.]+ s", "in … s", dangjian("load", str(corpus), "--no-progress", "--jobs", jobs,
                                                       "--store", str(tmp_path / f"store-{jobs}")).stderr)
            for jobs in ("1", "2")]
    assert said[0] == said[1]
    errors = [line for line in said[1].splitlines() if line.startswith("error:")]
    assert [Path(e.split(":")[1].strip()).name for e in errors] == ["b-photo.txt", "c-feed.jsonl", "d-empty.txt"]
    assert "c-feed.jsonl:2:" in errors[1]


def _where(item: Document | ReadError, options: LoadOptions) -> tuple[str, int]:
    return item.path, os.getpid()


def test_workers_outcomes_come_back_in_corpus_order_from_the_worker_processes():
    docs = [Document(path=f"{i}.txt", text="社区" * 10_000, kind="text") if i % 3 else ReadError(f"{i}.txt", "unreadable")
            for i in range(12)]
    done = list(workers.outcomes(docs, _where, LoadOptions(jobs=2), prepare=lambda: None))
    assert [item for item, _ in done] == docs
    assert [path for _, (path, _) in done] == [d.path for d in docs]
    assert os.getpid() not in {pid for _, (_, pid) in done}
