"""`dangjian eval GOLD.json [TEXT]` as a researcher with their own annotations runs it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SEED_GOLD = ROOT.parent / "shared" / "eval" / "seed-gold.json"
ARTICLE = "桃源社区开展邻里节活动\n\n7月20日，桃源社区党委联合示例银行开展邻里节活动。桃源社区党委书记王芳带领党员为居民服务。\n"
ENTITIES = [{"type": "Article", "name": "桃源社区开展邻里节活动"}, {"type": "Community", "name": "桃源社区"},
            {"type": "PartyOrganization", "name": "桃源社区党委"}, {"type": "Organization", "name": "示例银行"},
            {"type": "Person", "name": "王芳"}, {"type": "Event", "name": "邻里节活动"}]
RELATIONS = [{"s": "桃源社区党委", "p": "hostUnit", "o": "桃源社区"},
             {"s": "王芳", "p": "post", "o": "桃源社区党委", "title": "党委书记"},
             {"s": "邻里节活动", "p": "organizer", "o": "桃源社区党委"},
             {"s": "邻里节活动", "p": "partner", "o": "示例银行"},
             {"s": "示例银行", "p": "coBuildsWith", "o": "桃源社区党委"}]


def write_gold(folder: Path, entities: list[dict], relations: list[dict], name: str = "gold.json") -> Path:
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    path = folder / name
    path.write_text(json.dumps({"document": "article.txt", "entities": entities, "relations": relations},
                               ensure_ascii=False), encoding="utf-8")
    return path


def test_cli_eval_scores_a_complete_gold_at_one(dangjian, tmp_path: Path) -> None:
    write_gold(tmp_path, ENTITIES, RELATIONS)
    done = dangjian("eval", "gold.json", check_status=0)
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["entity", "class", "tp", "fp", "fn", "P", "R", "F1"]
    assert "Person                  1    0    0   1.00  1.00  1.00" in lines
    assert lines[-1] == "entities P=1.00 R=1.00 F1=1.00; relations P=1.00 R=1.00 F1=1.00"
    assert not (tmp_path / "dangjian-data").exists()  # the user's store is not touched


def test_cli_eval_json_counts_what_the_gold_lacks_and_what_the_text_misses(dangjian, tmp_path: Path) -> None:
    entities = [e for e in ENTITIES if e["name"] != "示例银行"] + [{"type": "Person", "name": "李明"}]
    relations = [r for r in RELATIONS if r["p"] != "partner"]
    gold = write_gold(tmp_path, entities, relations)
    report = json.loads(dangjian("eval", str(gold), "article.txt", "--format", "json", check_status=0).stdout)
    person = report["entities"]["Person"]
    assert (person["tp"], person["fp"], person["fn"], person["recall"]) == (1, 0, 1, 0.5)
    assert report["entities"]["Organization"]["fp"] == 1 and report["entities"]["Organization"]["precision"] == 0
    assert report["relations"]["partner"]["fp"] == 1
    assert "Person: 李明" in report["missed"] and "Organization: 示例银行" in report["false_positives"]
    assert report["total"]["entities"]["recall"] == round(5 / 6, 4)


def test_cli_eval_bad_gold_names_file_and_line(dangjian, tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text('{"entities": [\n  {"type": "Person" "name": "王芳"}\n]}', encoding="utf-8")
    done = dangjian("eval", "broken.json", "x.txt")
    assert done.returncode == 1 and "broken.json:2:" in done.stderr and "Traceback" not in done.stderr
    write_gold(tmp_path, [{"type": "Person"}], [])
    unnamed = dangjian("eval", "gold.json")
    assert unnamed.returncode == 1 and "entities item 1 has no 'name'" in unnamed.stderr
    (tmp_path / "elsewhere.json").write_text('{"document": "gone.txt", "entities": []}', encoding="utf-8")
    missing = dangjian("eval", "elsewhere.json")
    assert missing.returncode == 1 and "dangjian eval elsewhere.json TEXT" in missing.stderr


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="../shared/eval/seed-gold.json is not beside the checkout")
def test_cli_eval_scores_the_seed_gold_at_one(dangjian) -> None:
    done = dangjian("eval", str(SEED_GOLD), str(ROOT / "samples" / "seed-page.txt"), check_status=0)
    assert done.stdout.splitlines()[-1] == "entities P=1.00 R=1.00 F1=1.00; relations P=1.00 R=1.00 F1=1.00"
