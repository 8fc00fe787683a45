"""Inputs built to break the loaders: deep nesting, odd code points in names, named pipes. One bad file never stops a load."""
from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from dangjian.loaders.read.document import ReadError
from dangjian.loaders.read.read import iter_documents

ARTICLE = "近日，蠡口社区党委开展主题党日活动，社区党员参加。"
ODD = "\ue000\ufffd\U000e0041\U000f0001"  # private use, replacement character, a tag character, a private plane


def _jsonl(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_hostile_input_json_nested_100000_deep_is_one_error_and_the_rest_loads(dangjian, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-deep.jsonl").write_text('{"title": "x"}\n' + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    (folder / "b-deep.json").write_text('{"text":\n' + "[" * 100_000 + "\n" + "]" * 100_000 + "\n}\n", encoding="utf-8")
    (folder / "c-deep.md").write_text("---\ntitle: " + "[" * 100_000 + "\n---\n" + ARTICLE + "\n", encoding="utf-8")
    _jsonl(folder / "d-ok.jsonl", {"title": "蠡口社区开展主题党日活动", "text": ARTICLE})
    done = dangjian("load", str(folder), "--no-progress")
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "a-deep.jsonl:2: JSON nested too deeply" in done.stderr
    assert "b-deep.json:1: JSON nested too deeply" in done.stderr
    assert "c-deep.md:2: front matter nested too deeply" in done.stderr
    assert "1 article(s) loaded" in done.stderr
    titles = dangjian("query", "SELECT ?t WHERE { ?a a <https://w3id.org/dangjian/ontology#Article> ; "
                               "<http://www.w3.org/2000/01/rdf-schema#label> ?t }", "--format", "csv")
    assert "蠡口社区开展主题党日活动" in titles.stdout


def test_hostile_input_odd_code_points_in_quoted_names_keep_the_article(dangjian, tmp_path: Path) -> None:
    text = f"近日，蠡口社区党委开展“红色{ODD}引擎行动”主题党日活动，启动《邻里{ODD}守望计划》项目，社区党员参加。"
    _jsonl(tmp_path / "odd.jsonl", {"title": "蠡口社区开展主题党日活动", "text": text})
    raw = "近日，蠡口社区党委开展“红色".encode() + b"\xff" + "先锋行动”主题党日活动，社区党员参加。".encode()
    (tmp_path / "bytes.txt").write_bytes(raw)
    done = dangjian("load", "odd.jsonl", "bytes.txt", "--no-progress")
    assert done.returncode == 0, done.stderr
    assert "2 article(s) loaded" in done.stderr
    labels = dangjian("query", "SELECT ?l WHERE { ?e a <https://w3id.org/dangjian/ontology#Event> ; "
                               "<http://www.w3.org/2000/01/rdf-schema#label> ?l }", "--format", "json")
    found = [b["l"]["value"] for b in json.loads(labels.stdout)["results"]["bindings"]]
    assert any(f"红色{ODD}引擎行动" in label for label in found), found  # the label keeps the text as written
    assert any("红色\ufffd先锋行动" in label for label in found), found


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def test_hostile_input_named_pipes_are_skipped_with_a_message(dangjian, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _fifo(folder / "pipe.txt")
    _jsonl(folder / "ok.jsonl", {"title": "蠡口社区开展主题党日活动", "text": ARTICLE})
    _fifo(tmp_path / "given.txt")
    _fifo(tmp_path / "given.ttl")
    done = dangjian("load", "given.txt", "given.ttl", str(folder), "--no-progress")
    assert done.returncode == 1, done.stderr
    assert "given.txt: not a regular file" in done.stderr and "given.ttl: not a regular file" in done.stderr
    assert "skipped" in done.stderr and "pipe.txt" in done.stderr
    assert "1 article(s) loaded" in done.stderr


def test_hostile_input_reader_names_a_pipe_instead_of_waiting(tmp_path: Path) -> None:
    pipe = _fifo(tmp_path / "pipe.jsonl")
    result: list = []
    reader = threading.Thread(target=lambda: result.extend(iter_documents([pipe])), daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # unblock the reader so the test run can end
        with open(pipe, "wb"):
            pass
        pytest.fail("reading a named pipe waited for a writer")
    assert len(result) == 1 and isinstance(result[0], ReadError) and "not a regular file" in str(result[0])
