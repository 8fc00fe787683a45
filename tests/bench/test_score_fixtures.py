"""Tests of bench/score_fixtures.py: the fixture gold files are consistent, and the script reports totals and failures clearly."""
from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bench" / "score_fixtures.py"


def _load_script():
    spec = importlib.util.spec_from_file_location("score_fixtures", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sf = _load_script()
if not sf.SCORER.is_file():
    pytest.skip(f"{sf.SCORER} not found (the shared folder sits next to the repository)", allow_module_level=True)
norm = sf.load_scorer().norm
FIXTURE_GOLD = sorted(sf.FIXTURES.glob("*-gold.json"))


def _check(gold: Path) -> list[str]:
    data = json.loads(gold.read_text(encoding="utf-8"))
    text = sf.document_path(gold, data).read_text(encoding="utf-8-sig")
    return sf.check_gold(data, norm(text), norm)


@pytest.mark.parametrize("gold", FIXTURE_GOLD, ids=[sf.doc_name(g) for g in FIXTURE_GOLD])
def test_score_fixtures_gold_file_is_consistent(gold):
    assert _check(gold) == []


def test_score_fixtures_seed_gold_passes_the_same_checks():
    assert _check(sf.SEED_GOLD) == []


def test_score_fixtures_corpus_covers_every_input_format():
    documents = {Path(json.loads(g.read_text(encoding="utf-8"))["document"]).suffix for g in FIXTURE_GOLD}
    assert {".txt", ".md", ".html", ".jsonl"} <= documents
    assert len(FIXTURE_GOLD) >= 12


def test_score_fixtures_check_names_a_relation_to_an_unknown_entity():
    data = {
        "articles": [],
        "entities": [{"type": "Community", "name": "杭富村"}],
        "relations": [{"s": "杭富村", "p": "partOf", "o": "双浦镇"}],
    }
    assert sf.check_gold(data, norm("双浦镇杭富村"), norm) == ["relation 杭富村 partOf 双浦镇: object names no entity"]


def test_score_fixtures_check_flags_required_names_missing_from_the_text():
    data = {"articles": [], "entities": [{"type": "Person", "name": "周建国"}], "relations": []}
    problems = sf.check_gold(data, norm("杭富村党委书记周建华说"), norm)
    assert problems == ["entity 周建国: required but neither its name nor an alias is in the document"]


def test_score_fixtures_check_flags_an_author_missing_from_the_articles_list():
    data = {
        "articles": [{"title": "标题", "authors": []}],
        "entities": [{"type": "Article", "name": "标题"}, {"type": "Person", "name": "王晓燕"}],
        "relations": [{"s": "标题", "p": "author", "o": "王晓燕"}],
    }
    assert any("王晓燕" in p for p in sf.check_gold(data, norm("标题 王晓燕"), norm))


def test_score_fixtures_micro_totals_pool_counts_across_documents():
    def report(ent, rel, posts, acc):
        return {"entities": {"Person": dict(zip(("tp", "fp", "fn"), ent))},
                "relations": {"post": dict(zip(("tp", "fp", "fn"), rel)), "partOf": {"tp": 0, "fp": 0, "fn": posts}},
                "post_title_accuracy": acc}

    totals = sf.micro_totals([report((3, 1, 0), (2, 0, 0), 0, 1.0), report((1, 0, 3), (2, 2, 0), 4, 0.5)],
                             ["Person"], ["post", "partOf"])
    assert totals["entity_prf"][:2] == (4 / 5, 4 / 7)
    assert totals["relation_prf"][:2] == (4 / 6, 4 / 8)
    assert totals["post_title_accuracy"] == 0.75


def test_score_fixtures_unknown_only_name_exits_2_and_lists_names(capsys):
    assert sf.main(["--only", "no-such-article"]) == 2
    err = capsys.readouterr().err
    assert "no-such-article" in err and "hangzhou-village" in err


def test_score_fixtures_missing_cli_exits_2_with_a_hint(capsys):
    assert sf.main(["--cli", "/nonexistent/dangjian", "--only", "qingdao-bank"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "/nonexistent/dangjian" in captured.err and "--cli" in captured.err


def test_score_fixtures_check_mode_prints_nothing_for_valid_gold(capsys):
    assert sf.main(["--check"]) == 0
    assert capsys.readouterr().out == ""


def test_score_fixtures_runs_from_any_folder_with_the_readme_paths(tmp_path):
    python = Path(sys.executable)
    checked = subprocess.run([str(python), str(SCRIPT), "--check", "--dir", "tests/fixtures/articles2"], cwd=tmp_path,
                             capture_output=True, text=True, timeout=120)
    assert checked.returncode == 0, checked.stderr
    scored = subprocess.run([str(python), str(SCRIPT), "--only", "seed", "--cli", str(python.parent / "dangjian")],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert scored.returncode == 0, scored.stderr
    assert re.search(r"^seed\s+\d\.\d\d", scored.stdout, re.M), scored.stdout


def test_score_fixtures_without_the_shared_folder_says_where_to_point_it(tmp_path):
    done = subprocess.run([sys.executable, str(SCRIPT), "--check"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=60, env={**os.environ, "DANGJIAN_SHARED": str(tmp_path / "nowhere")})
    assert done.returncode == 2 and "DANGJIAN_SHARED" in done.stderr
