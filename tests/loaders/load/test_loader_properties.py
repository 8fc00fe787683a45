"""Properties of the loaders on arbitrary input (hypothesis): readers, segmenter, extractor and RDF writer never
crash, keep the text they were given, and write RDF that parses back. DANGJIAN_HYPOTHESIS=long hunts longer."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st

from dangjian.loaders.read.document import Document, ReadError
from dangjian.loaders.load.extract_step import extract_document
from dangjian.loaders.load.options import LoadOptions
from dangjian.loaders.read.read import read_file
from dangjian.loaders.articles.segment import segment
from dangjian.loaders.rdf.to_rdf import entity_iri, iri_part
from dangjian.ontology import ID

# Words the extractor reacts to, so arbitrary text reaches its deeper steps, mixed with anything at all.
WORDS = ["社区", "街道", "党委", "党支部", "书记", "蠡口", "元和", "开展", "活动", "“", "”", "《", "》", "，", "。",
         "\n", "\n\n", "记者", "通讯员", "近日", "联合", "共建", "单位", "苏州市", "相城区", "村", "银行", "(", ")",
         "2023年7月20日", "·", "\u3000", "---", "<p>", "</p>", "{", "}", "\\"]
ANY_CHAR = st.characters(codec=None, exclude_categories=())  # every code point, surrogates and controls too
TEXT = st.lists(st.one_of(st.sampled_from(WORDS), st.text(ANY_CHAR, max_size=4)), max_size=60).map("".join)
SUFFIXES = [".txt", ".md", ".html", ".jsonl", ".json", ".xyz", ""]


def _utf8_safe(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _read(data: bytes, suffix: str) -> list[Document | ReadError]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        return read_file(path)


@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_loader_properties_readers_take_any_bytes(data: bytes, suffix: str) -> None:
    for item in _read(data, suffix):
        assert isinstance(item, (Document, ReadError))
        if isinstance(item, Document):  # what reaches the store must be encodable text
            assert _utf8_safe(item.text) and all(_utf8_safe(v) for v in (item.title or "", item.source or ""))


@given(text=TEXT, suffix=st.sampled_from([".txt", ".md", ".html"]),
       encoding=st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-8-sig"]))
def test_loader_properties_readers_take_any_text_in_any_encoding(text: str, suffix: str, encoding: str) -> None:
    data = text.encode(encoding, "surrogatepass") if encoding.startswith("utf") else text.encode(encoding, "replace")
    for item in _read(data, suffix):
        assert isinstance(item, (Document, ReadError))
        if isinstance(item, Document):
            assert _utf8_safe(item.text)


@given(record=st.dictionaries(st.sampled_from(["title", "text", "date", "source", "url", "author", "x"]),
                              st.one_of(TEXT, st.integers(), st.none(), st.lists(TEXT, max_size=3))),
       ascii_only=st.booleans())
def test_loader_properties_json_lines_take_any_record(record: dict, ascii_only: bool) -> None:
    line = json.dumps(record, ensure_ascii=ascii_only) if ascii_only else json.dumps(record, ensure_ascii=False)
    data = line.encode("utf-8", "surrogatepass") + b"\n"
    for item in _read(data, ".jsonl"):
        assert isinstance(item, (Document, ReadError))
        if isinstance(item, Document):
            assert _utf8_safe(item.text) and _utf8_safe(item.title or "")


@given(text=TEXT)
def test_loader_properties_segmenter_keeps_paragraphs_inside_the_page(text: str) -> None:
    articles = segment(text)
    for article in articles:
        for paragraph in article.paragraphs:
            assert isinstance(paragraph, str)
        assert isinstance(article.title, str)


@settings(max_examples=settings().max_examples // 2)
@given(text=TEXT, title=st.one_of(st.none(), TEXT), url=st.one_of(st.none(), TEXT))
def test_loader_properties_extractor_and_rdf_writer_on_any_article(text: str, title: str | None, url: str | None) -> None:
    text = "".join(c for c in text if _utf8_safe(c))  # readers hand over encodable text only (see above)
    doc = Document("page.txt", text, "text", title=title and "".join(c for c in title if _utf8_safe(c)),
                   url=url and "".join(c for c in url if _utf8_safe(c)))
    for result in extract_document(doc, LoadOptions(date="2023-07-20")):
        facts = result.facts
        for fact in facts.facts:
            if fact.evidence:
                assert 0 <= fact.evidence.start <= fact.evidence.end <= len(facts.text)
        for mention in facts.mentions:
            assert facts.text[mention.span.start:mention.span.end]
        data = ox.serialize(result.triples, format=ox.RdfFormat.N_TRIPLES)
        assert len(list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))) == len(set(result.triples))


@given(text=st.text(ANY_CHAR))
def test_loader_properties_entity_iris_are_valid_for_any_name_and_decode_back_to_it(text: str) -> None:
    node = entity_iri(f"event/x/{text}")  # pyoxigraph checks the IRI; a bad code point would raise
    assert node.value.startswith(ID)
    assert unquote(iri_part(text), errors="surrogatepass") == text
