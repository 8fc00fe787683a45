"""Any error of dangjian's tree that reaches the command line is one line on stderr and an exit status, never a
traceback: a store that is down, a file that is no text, a query that does not parse."""
from __future__ import annotations

import pytest

from dangjian.api import cli
from dangjian.api.commands import stats
from dangjian.loaders.read.document import ReadError
from dangjian.loaders.read.front_matter import FrontMatterError
from dangjian.ontology.errors import DangjianError


def one_line(done) -> str:
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    return lines[0]


def test_cli_store_error_is_one_line_exit_1(dangjian):
    done = dangjian("stats", "--store", "http://127.0.0.1:9")
    assert done.returncode == 1
    assert one_line(done).startswith("dangjian stats: error: cannot reach the SPARQL server")


def test_cli_extract_on_a_binary_file_prints_one_line_and_exits_1(dangjian, tmp_path):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7\n\x00\x01\x02 binary body")
    done = dangjian("extract", "scan.pdf")
    assert done.returncode == 1 and done.stdout == ""
    assert "scan.pdf: binary file, not text: PDF document" in one_line(done)


def test_cli_extract_on_a_folder_says_to_give_a_file_or_load_the_folder(dangjian, tmp_path):
    (tmp_path / "news").mkdir()
    done = dangjian("extract", "news")
    assert done.returncode == 1 and done.stdout == ""
    assert "news: a directory" in one_line(done) and "dangjian load news" in one_line(done)


def test_cli_query_that_does_not_parse_is_one_line_exit_1(dangjian, tmp_path):
    (tmp_path / "one.ttl").write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    dangjian("load", "one.ttl", check_status=0)
    done = dangjian("query", "SELEC ?x WHERE { ?x ?p ?o }")
    assert done.returncode == 1
    assert one_line(done).startswith("dangjian query: error: ")


def _tree(root: type) -> list[type]:
    return [c for child in root.__subclasses__() for c in (child, *_tree(child)) if not c.__name__.startswith("_")]


def _instance(kind: type) -> DangjianError:
    if issubclass(kind, ReadError):
        return kind("news.txt", "not valid text", line=3, hint="fix the line")
    if issubclass(kind, FrontMatterError):
        return kind("a tab in the front matter", 2)
    if kind.__name__ == "StepFailed":
        return kind("read_people", "article '示例'", KeyError("post"))
    return kind("something went wrong; do this next")


@pytest.mark.parametrize("kind", _tree(DangjianError), ids=lambda kind: kind.__name__)
def test_cli_every_error_of_the_tree_that_a_command_lets_through_is_one_line(kind, monkeypatch, capsys):
    def failing(args):
        raise _instance(kind)
    monkeypatch.setattr(stats, "run", failing)
    if kind.__name__ == "UsageError":
        with pytest.raises(SystemExit) as stopped:
            cli.main(["stats"])
        assert stopped.value.code == 2
        assert capsys.readouterr().err.splitlines()[-1] == "dangjian stats: error: something went wrong; do this next"
        return
    assert cli.main(["stats"]) == 1
    shown = capsys.readouterr().err
    assert shown.splitlines() == [f"dangjian stats: error: {_instance(kind)}"]
