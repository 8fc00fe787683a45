"""Reading input files: each format, each encoding, and each kind of bad input."""
from __future__ import annotations

import codecs
import pickle
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dangjian.loaders.read.document import Document, ReadError
from dangjian.loaders.read.read import iter_documents, read_file

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "read"
ARTICLE = "蠡口社区党委书记祝晓菲带领青年党员开展学习交流活动。\n建元社区、莫阳社区联合参加。\n"


def only(results: list) -> Document:
    assert len(results) == 1 and isinstance(results[0], Document), results
    return results[0]


def error_of(results: list) -> ReadError:
    assert len(results) == 1 and isinstance(results[0], ReadError), results
    return results[0]


def write(tmp_path: Path, name: str, data: bytes | str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


# --- formats -------------------------------------------------------------------------------------

def test_read_plain_text_keeps_original_characters(tmp_path):
    text = "富元社区党建引领,打造“15分钟党建服务圈”（ＡＢＣ）。\n\n归丹 徐晓安\n"
    doc = only(read_file(write(tmp_path, "page.txt", text)))
    assert (doc.kind, doc.text, doc.encoding, doc.title) == ("text", text, "utf-8", None)


def test_read_crlf_line_ends_become_newlines(tmp_path):
    doc = only(read_file(write(tmp_path, "page.txt", "第一段社区。\r\n第二段社区。\r第三段。")))
    assert doc.text == "第一段社区。\n第二段社区。\n第三段。"


def test_read_markdown_front_matter_gives_metadata():
    doc = only(read_file(FIXTURES / "article.md"))
    assert doc.kind == "markdown"
    assert doc.title == "莫阳社区开展“红色物业”议事会"
    assert (doc.date, doc.source, doc.author) == ("2023-07-20", "相城日报", "高达、归丹")
    assert doc.url == "https://example.org/news/moyang-hongse-wuye"
    assert "莫阳社区党委联合物业公司召开议事会" in doc.text
    assert not any(mark in doc.text for mark in ("**", "](", "# ", "title:", "photo.jpg"))


def test_read_markdown_without_front_matter_takes_heading_as_title(tmp_path):
    doc = only(read_file(write(tmp_path, "a.md", "# 建元社区结对共建\n\n建元社区与银行结对。\n")))
    assert doc.title == "建元社区结对共建" and doc.date is None


def test_read_markdown_broken_front_matter_names_the_line():
    error = error_of(read_file(FIXTURES / "broken-front-matter.md"))
    assert error.line == 4 and "front matter" in error.reason
    assert str(error).startswith(f"{FIXTURES / 'broken-front-matter.md'}:4: ")


def test_read_markdown_unclosed_front_matter_is_an_error(tmp_path):
    error = error_of(read_file(write(tmp_path, "a.md", "---\ntitle: 社区\n正文没有结束线。\n")))
    assert error.line == 1 and "never closed" in error.reason


def test_read_html_drops_scripts_styles_and_page_chrome():
    doc = only(read_file(FIXTURES / "page.html"))
    assert doc.kind == "html"
    for noise in ("脚本", "写入的段落", "样式文字", "党建频道", "热门文章", "版权所有", "广告框", "请启用脚本",
                  "分享到", "发表评论", "责任编辑", "text-indent", "tracking"):
        assert noise not in doc.text, noise
    assert "近日，姚祥社区党委组织在职党员回社区报到，认领志愿服务岗位。" in doc.text.split("\n")
    assert "要把服务送到居民家门口。\n活动共吸引党员42名。" in doc.text  # <br> is a line break
    assert "“报到不是走过场”" in doc.text  # entities decoded


def test_read_html_finds_title_date_source_and_url():
    doc = only(read_file(FIXTURES / "page.html"))
    assert doc.title == "姚祥社区党委开展“双报到”活动"
    assert (doc.date, doc.source) == ("2023-07-21", "相城日报")
    assert doc.url == "https://example.org/news/yaoxiang-shuangbaodao.html"


def test_read_html_in_declared_gbk_charset(tmp_path):
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
            "<title>蠡口社区党委书记领学</title></head><body><div id='content'><p>蠡口社区党委书记祝晓菲领学。</p>"
            "</div></body></html>")
    doc = only(read_file(write(tmp_path, "p.htm", page, "gb18030")))
    assert doc.encoding == "gb18030" and doc.text == "蠡口社区党委书记祝晓菲领学。"
    assert doc.title == "蠡口社区党委书记领学"


def test_read_jsonl_broken_line_keeps_the_other_records():
    results = read_file(FIXTURES / "articles.jsonl")
    docs = [r for r in results if isinstance(r, Document)]
    errors = {r.line: r for r in results if isinstance(r, ReadError)}
    assert [d.line for d in docs] == [1, 3, 6]
    assert sorted(errors) == [2, 5, 7]
    assert "not valid JSON" in errors[2].reason and str(errors[2]).startswith(f"{FIXTURES / 'articles.jsonl'}:2: ")
    assert "no text" in errors[5].reason


def test_read_jsonl_fields_and_text_aliases():
    docs = [r for r in read_file(FIXTURES / "articles.jsonl") if isinstance(r, Document)]
    first, second = docs[0], docs[1]
    assert (first.title, first.date, first.source, first.url) == (
        "建元社区开展青年党员学习交流", "2023-07-18", "相城日报", "https://example.org/a1")
    assert second.text == "蠡口社区党委书记祝晓菲进行领学。" and second.date == "2023-07-20"  # "content" accepted
    assert all(doc.kind == "jsonl" for doc in docs)


def test_read_jsonl_record_with_html_body_is_extracted(tmp_path):
    line = '{"title": "社区活动", "text": "<p>第一段社区。</p><script>var a=\\"脚本\\"</script><p>第二段。</p>"}\n'
    doc = only(read_file(write(tmp_path, "a.jsonl", line)))
    assert doc.text == "第一段社区。\n第二段。"


@pytest.mark.parametrize("codec", ["gb18030", "utf-16", "utf-8-sig"])
def test_read_jsonl_in_other_encodings(tmp_path, codec):
    lines = '{"title": "一", "text": "蠡口社区党委书记。"}\n{"title": "二", "text": "建元社区。"}\n'
    results = read_file(write(tmp_path, "a.jsonl", lines, codec))
    assert [r.text for r in results] == ["蠡口社区党委书记。", "建元社区。"]


def test_read_jsonl_line_in_another_encoding_still_reads(tmp_path):
    data = ('{"text": "建元社区。"}\n'.encode() + '{"text": "蠡口社区党委书记。"}\n'.encode("gb18030")
            + b'{"text": "\xff\xfe\xfd"}\n' + '{"text": "莫阳社区。"}'.encode())
    results = read_file(write(tmp_path, "mixed.jsonl", data))
    assert [(r.line, r.encoding) for r in results[:2]] == [(1, "utf-8"), (2, "gb18030")]
    assert isinstance(results[2], ReadError) and results[2].line == 3
    assert results[3].text == "莫阳社区。"


def test_read_damaged_utf8_is_read_with_a_warning(tmp_path):
    data = ("蠡口社区党委书记。" * 200).encode() + b"\xff\xfe" + "建元社区。".encode()
    doc = only(read_file(write(tmp_path, "a.txt", data)))
    assert doc.encoding == "utf-8" and "\ufffd" in doc.text and "replaced" in doc.warnings[0]


# --- encodings -----------------------------------------------------------------------------------

@pytest.mark.parametrize("codec, label", [("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16-le"),
                                          ("utf-16-be", "utf-16-be"), ("gb18030", "gb18030")])
def test_read_detects_encoding(tmp_path, codec, label):
    data = ARTICLE.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    doc = only(read_file(write(tmp_path, "a.txt", data)))
    assert (doc.text, doc.encoding) == (ARTICLE, label)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_read_utf16_without_bom(tmp_path, codec):
    doc = only(read_file(write(tmp_path, "a.txt", ARTICLE, codec)))
    assert (doc.text, doc.encoding) == (ARTICLE, codec)


def test_read_gb18030_long_text(tmp_path):
    text = ARTICLE * 3000 + "最后一行：𠀀与㐀也能读。\n"  # beyond the sniffed head, with four-byte characters
    doc = only(read_file(write(tmp_path, "a.txt", text, "gb18030")))
    assert (doc.text, doc.encoding) == (text, "gb18030")


def test_read_big5_via_charset_detection(tmp_path):
    text = ("蠡口社區黨委書記祝曉菲帶領青年黨員開展學習交流活動，學習貫徹市委全會精神。"
            "近日，相城高新區（元和街道）蠡口社區、建元社區聯合開展活動。\n") * 3
    doc = only(read_file(write(tmp_path, "a.txt", text, "big5")))
    assert doc.text == text and "big5" in doc.encoding


# --- bad input -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name, data", [
    ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
    ("report.txt", b"%PDF-1.7\n" + bytes(range(256))),
    ("notes.docx", b"PK\x03\x04" + bytes(200)),
    ("blob.bin", bytes(range(256)) * 40),
    ("nul.txt", "社区".encode() + b"\x00\x01\x02\x03" * 50),
])
def test_read_binary_file_is_an_error(tmp_path, name, data):
    error = error_of(read_file(write(tmp_path, name, data)))
    assert error.reason.startswith("binary file, not text") and error.path.endswith(name)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t", "\ufeff\u3000\n".encode("utf-8")])
def test_read_empty_file_is_an_error(tmp_path, content):
    for name in ("a.txt", "a.md", "a.jsonl", "a.html"):
        error = error_of(read_file(write(tmp_path, name, content)))
        assert error.reason == "empty file", name


@pytest.fixture(scope="module")
def huge_line(tmp_path_factory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("huge")
    path = folder / "huge"
    with path.open("wb") as out:
        chunk = "社区党建".encode() * 87_382  # about 1 MB, no line break anywhere
        for _ in range(50):
            out.write(chunk)
    yield path
    shutil.rmtree(folder)  # pytest keeps old temporary folders; 50 MB each is too much to leave behind


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".jsonl", ""])
def test_read_50mb_single_line_is_refused_quickly(huge_line, suffix):
    path = huge_line.with_suffix(suffix)
    if not path.exists():
        path.hardlink_to(huge_line)
    started = time.perf_counter()
    error = error_of(read_file(path))
    assert time.perf_counter() - started < 1.0
    assert error.path == str(path) and ("MB" in error.reason or "too long" in error.reason)
    assert "split" in error.hint or "remove this line" in error.hint


def test_read_long_line_is_named(tmp_path):
    text = "标题社区\n" + "社" * 300_000 + "\n结尾。\n"
    error = error_of(read_file(write(tmp_path, "long.txt", text)))
    assert error.line == 2 and "300,000 characters on one line" in error.reason and "line breaks" in error.hint
    markdown = "---\ntitle: 社区\n---\n标题社区\n" + "社" * 300_000
    assert error_of(read_file(write(tmp_path, "long.md", markdown))).line == 5


def test_read_document_over_max_chars_says_split(tmp_path):
    text = ARTICLE * 10
    error = error_of(read_file(write(tmp_path, "a.txt", text), max_chars=len(text) - 1))
    assert f"{len(text):,} characters, over the limit of {len(text) - 1:,}" in error.reason
    assert "split" in error.hint
    error = error_of(read_file(write(tmp_path, "b.txt", text), max_chars=10))
    assert "bytes is more than one document of at most 10 characters" in error.reason and "split" in error.hint


def test_read_title_only_article_is_a_document(tmp_path):
    doc = only(read_file(write(tmp_path, "t.txt", "富元社区党建引领探索“红色治理”\n")))
    assert doc.text == "富元社区党建引领探索“红色治理”\n"
    doc = only(read_file(write(tmp_path, "t.md", "---\ntitle: 蠡口社区开展活动\n---\n\n")))
    assert doc.text == doc.title == "蠡口社区开展活动"


def test_read_text_without_chinese_is_an_error(tmp_path):
    error = error_of(read_file(write(tmp_path, "en.txt", "Party building in the community.\n")))
    assert error.reason == "no Chinese text found"
    jsonl = write(tmp_path, "en.jsonl", '{"text": "English only"}\n{"text": "中文"}\n')
    first, second = read_file(jsonl)
    assert isinstance(first, ReadError) and first.line == 1 and isinstance(second, Document)


def test_read_hostile_labels_are_kept_as_text(tmp_path):
    hostile = '名为<script>alert("x")</script>的“海棠先锋”{队} \'引号\' 社区\n'
    assert only(read_file(write(tmp_path, "h.txt", hostile))).text == hostile
    doc = only(read_file(FIXTURES / "page.html"))
    assert '<script>alert("x")</script> 与 {大括号}' in doc.text
    docs = [r for r in read_file(FIXTURES / "articles.jsonl") if isinstance(r, Document)]
    assert docs[-1].title == '标题里有<script>和"引号"{括号}'


def test_read_unknown_extension_is_sniffed(tmp_path):
    assert only(read_file(write(tmp_path, "article", "蠡口社区开展活动。"))).kind == "text"
    assert only(read_file(write(tmp_path, "page.php", "<!DOCTYPE html><p>建元社区。</p>"))).kind == "html"
    assert only(read_file(write(tmp_path, "rec.log", '{"text": "莫阳社区。"}\n'))).kind == "jsonl"


def test_read_json_array_asks_for_json_lines(tmp_path):
    error = error_of(read_file(write(tmp_path, "a.json", '[{"text": "社区"}]')))
    assert "JSON Lines" in error.hint


def test_read_missing_path_is_an_error(tmp_path):
    (error,) = iter_documents([tmp_path / "nope.txt"])
    assert isinstance(error, ReadError) and "no such file" in error.reason


def test_read_directory_mixes_documents_and_errors_skips_rdf_and_hidden(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / ".git").mkdir()
    for name in ("article.md", "page.html", "articles.jsonl"):
        shutil.copy(FIXTURES / name, corpus / name)
    write(corpus, "b-gbk.txt", ARTICLE, "gb18030")
    write(corpus / "sub", "a-utf16.txt", ARTICLE, "utf-16")
    write(corpus, "empty.txt", b"")
    write(corpus, "image.png", b"\x89PNG\r\n\x1a\n" + bytes(100))
    write(corpus, "english.txt", "no Chinese here")
    write(corpus, "graph.ttl", "<urn:a> <urn:b> <urn:c> .")
    write(corpus, "data.nq", "")
    write(corpus, ".hidden.txt", ARTICLE)
    write(corpus / ".git", "HEAD.txt", ARTICLE)
    results = list(iter_documents([corpus]))
    names = [(Path(r.path).name, r.line, type(r).__name__) for r in results]
    assert names == [
        ("article.md", None, "Document"),
        ("articles.jsonl", 1, "Document"), ("articles.jsonl", 2, "ReadError"), ("articles.jsonl", 3, "Document"),
        ("articles.jsonl", 5, "ReadError"), ("articles.jsonl", 6, "Document"), ("articles.jsonl", 7, "ReadError"),
        ("b-gbk.txt", None, "Document"),
        ("empty.txt", None, "ReadError"),
        ("english.txt", None, "ReadError"),
        ("image.png", None, "ReadError"),
        ("page.html", None, "Document"),
        ("a-utf16.txt", None, "Document"),
    ]
    assert capsys.readouterr().out == ""


def test_read_rdf_file_given_directly_is_skipped(tmp_path):
    assert list(iter_documents([write(tmp_path, "g.ttl", "<urn:a> <urn:b> <urn:c> .")])) == []


def test_read_errors_and_documents_survive_pickling():
    results = read_file(FIXTURES / "articles.jsonl")
    copies = pickle.loads(pickle.dumps(results))
    assert [str(r) if isinstance(r, ReadError) else r for r in copies] == \
           [str(r) if isinstance(r, ReadError) else r for r in results]
    error = next(r for r in copies if isinstance(r, ReadError))
    assert (error.line, error.hint) == (2, "fix or remove this line; the other lines are read")
