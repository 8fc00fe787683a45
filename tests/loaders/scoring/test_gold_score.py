"""The scorer behind `dangjian eval`: how gold names match system nodes, and what counts as right or wrong."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from dangjian.graph.store.embedded import EmbeddedStore
from dangjian.loaders.scoring.gold import Gold, read_gold
from dangjian.loaders.scoring.gold_score import System, read_system, score
from dangjian.loaders.load.options import LoadOptions
from dangjian.loaders.load.pipeline import load_articles

ROOT = Path(__file__).resolve().parents[3]
SHARED_SCORER = ROOT.parent / "shared" / "eval" / "score.py"
TEXT = "红星社区“邻里节”暨文化活动周开幕。红星社区党委书记张丽与蓝天公司共建。"


def system(**nodes) -> System:
    """A System from node → (class, label) keyword pairs, without relations."""
    return System({n: {c} for n, (c, _) in nodes.items()}, {n: {label} for n, (_, label) in nodes.items()}, set(), set())


def test_gold_score_events_match_by_containment_and_names_after_normalizing() -> None:
    gold = Gold([{"type": "Event", "name": "邻里节暨文化活动周"}, {"type": "Community", "name": "红星社区"}], [])
    found = system(e=("Event", "红星社区“邻里节”暨文化活动周"), c=("Community", "红星 社区"))
    report = score(gold, TEXT, found)
    assert report["entities"]["Event"]["tp"] == 1 and report["entities"]["Community"]["tp"] == 1
    assert report["entity_prf"] == (1.0, 1.0, 1.0)


def test_gold_score_duplicates_count_as_wrong_and_ungrounded_names_do_not() -> None:
    gold = Gold([{"type": "Community", "name": "红星社区", "aliases": ["红星"]}], [])
    found = system(a=("Community", "红星社区"), b=("Community", "红星"), c=("Community", "不在文中社区"))
    report = score(gold, TEXT, found)
    assert report["entities"]["Community"] == {"tp": 1, "fp": 1, "fn": 0, "duplicates": 1}
    assert report["ungrounded"] == ["Community: 不在文中社区"]


def test_gold_score_relations_symmetric_optional_and_post_titles() -> None:
    gold = Gold([{"type": "PartyOrganization", "name": "红星社区党委"}, {"type": "Organization", "name": "蓝天公司"},
                 {"type": "Person", "name": "张丽"}, {"type": "Community", "name": "红星社区"}],
                [{"s": "红星社区党委", "p": "coBuildsWith", "o": "蓝天公司"},
                 {"s": "张丽", "p": "post", "o": "红星社区党委", "title": "党委书记"},
                 {"s": "红星社区党委", "p": "hostUnit", "o": "红星社区", "optional": True}])
    found = system(p=("PartyOrganization", "红星社区党委"), o=("Organization", "蓝天公司"), z=("Person", "张丽"))
    found.relations = {("o", "coBuildsWith", "p")}
    found.posts = {("z", "p", "书记")}
    report = score(gold, TEXT, found)
    assert report["relations"]["coBuildsWith"]["tp"] == 1 and report["relations"]["post"]["tp"] == 1
    assert "hostUnit" not in report["relations"] and report["relation_prf"] == (1.0, 1.0, 1.0)
    assert report["post_title_accuracy"] == 1.0


def _shared():
    spec = importlib.util.spec_from_file_location("shared_score", SHARED_SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="../shared/eval/score.py is not beside the checkout")
@pytest.mark.parametrize("gold_file", ["articles/anji-village-gold.json", "articles2", "articles3"])
def test_gold_score_agrees_with_the_shared_scorer(tmp_path: Path, gold_file: str) -> None:
    folder = ROOT / "tests" / "fixtures" / gold_file
    path = folder if folder.is_file() else sorted(folder.glob("*-gold.json"))[0]
    document = ROOT / json.loads(path.read_text(encoding="utf-8-sig"))["document"]
    store = EmbeddedStore(tmp_path / "store")
    load_articles(store, [document], LoadOptions(progress=False))
    text = document.read_text(encoding="utf-8", errors="replace")

    class Project:
        def select(self, sparql: str) -> list[dict]:
            result = store.query(sparql)
            names = [v.value for v in result.variables]
            return [{n: row[n].value for n in names if row[n] is not None} for row in result]

    shared = _shared()
    theirs = shared.score(shared.Gold(json.loads(path.read_text(encoding="utf-8-sig"))), text,
                          *shared.read_system(Project()))
    ours = score(read_gold(path), text, read_system(store))
    store.close()
    for key in ("entities", "relations", "entity_prf", "relation_prf", "post_title_accuracy"):
        assert ours[key] == theirs[key], key
    for key in ("missed", "false_positives", "ungrounded"):
        assert sorted(ours[key]) == sorted(theirs[key]), key
