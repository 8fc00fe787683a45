"""How a load knows a document's articles before extracting them: a record is one article, a page may hold several,
an article at an address keeps its id when edited, and the document's digest follows the metadata a load gives."""
from dataclasses import replace
from pathlib import Path

from dangjian.loaders.load.identity import document_hash, identify
from dangjian.loaders.load.options import LoadOptions
from dangjian.loaders.read.document import Document

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "samples" / "seed-page.txt"
PAGE = "青枫社区开展读书会\n\n近日,青枫社区党支部书记林晓带领党员开展读书会。\n"


def ids(doc: Document, options: LoadOptions = LoadOptions()) -> list[tuple[str, str]]:
    """Each article's (id, content hash)."""
    return list(identify(doc, options)[1].values())


def test_identity_a_page_may_hold_several_articles_a_record_is_one():
    text = SAMPLE.read_text(encoding="utf-8")
    page, _ = identify(Document(path="page.txt", text=text, kind="text"), LoadOptions())
    record, _ = identify(Document(path="feed.jsonl", line=1, text=text, kind="jsonl"), LoadOptions())
    assert (len(page), len(record)) == (8, 1)


def test_identity_an_article_at_an_address_keeps_its_id_when_its_text_is_edited():
    first = Document(path="feed.jsonl", line=1, text=PAGE, kind="jsonl", url="https://example.org/a/7")
    edited = replace(first, text=PAGE.replace("读书会。", "读书会和义诊。"))
    elsewhere = replace(first, url="https://example.org/a/8")
    [(first_id, first_hash)], [(edited_id, edited_hash)], [(other_id, other_hash)] = map(ids, (first, edited, elsewhere))
    assert first_id == edited_id != other_id
    assert first_hash != edited_hash and first_hash == other_hash


def test_identity_without_an_address_the_same_text_is_the_same_article_wherever_it_is():
    assert ids(Document(path="a.txt", text=PAGE, kind="text")) == ids(Document(path="b/c.txt", text=PAGE, kind="text"))


def test_identity_document_digest_follows_the_metadata_a_load_gives():
    silent = Document(path="a.txt", text=PAGE, kind="text")
    dated = replace(silent, date="2023-11-20")
    given = LoadOptions(date="2024-03-05")
    assert document_hash(silent, LoadOptions()) != document_hash(silent, given)
    assert document_hash(dated, LoadOptions()) == document_hash(dated, given)
