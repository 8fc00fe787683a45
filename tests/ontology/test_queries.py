"""Tests of the competency questions (ontology/queries/*.rq) on a small hand-written graph."""
from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from dangjian.ontology import queries_dir

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "ontology" / "good.trig"
LIST_SEPARATOR = "、"  # GROUP_CONCAT separator; the order inside a list is not defined
ID = "https://w3id.org/dangjian/id/"
ARTICLE = "https://w3id.org/dangjian/article/"

# The rows each question returns on fixtures/ontology/good.trig, in the query's order.
EXPECTED = {
    "street-communities": [
        ("竹溪街道", "竹园社区"),
        ("青石街道", "桂花社区"),
        ("青石街道", "荷花社区"),
    ],
    "community-secretaries": [
        ("桂花社区", "桂花社区党委", "李明", "党委书记"),
        ("竹园社区", "竹园社区党支部", "赵强", "党支部书记"),
    ],
    "shared-partners": [
        ("苏州示范银行", "3", "桂花社区、荷花社区、竹园社区"),
    ],
    "community-event-partners": [
        ("桂花社区", "夏日送清凉活动", "2023-07-18", "苏州示范银行", "协办"),
        ("竹园社区", "健康义诊", "2023-08", "苏州示范医院", "协办"),
        ("竹园社区", "健康义诊", "2023-08", "荷花社区", "联合主办"),
        ("荷花社区", "健康义诊", "2023-08", "竹园社区党支部", "联合主办"),
        ("荷花社区", "健康义诊", "2023-08", "苏州示范医院", "协办"),
    ],
    "programs-across-streets": [
        ("红色管家", "2", "青石街道、竹溪街道"),
    ],
    "street-people": [
        ("竹溪街道", "赵强", "党支部书记", "竹园社区党支部"),
        ("竹溪街道", "孙丽", "党工委副书记", "竹溪街道党工委"),
        ("青石街道", "李明", "党委书记", "桂花社区党委"),
        ("青石街道", "王芳", "党委委员", "桂花社区党委"),
    ],
    "entity-mentions": [  # named as a body, or through the statement, post or event the sentence states
        ("夏日送清凉活动", "桂花社区携手银行送清凉", "7月18日，桂花社区党委携手苏州示范银行开展夏日送清凉活动。",
         ID + "event/aaaaaaaaaaaaaaaa/夏日送清凉活动", ARTICLE + "aaaaaaaaaaaaaaaa"),
        ("李明", "桂花社区携手银行送清凉", "桂花社区党委书记李明介绍……",
         ID + "person/李明", ARTICLE + "aaaaaaaaaaaaaaaa"),
        ("李明 桂花社区党委党委书记", "桂花社区携手银行送清凉", "桂花社区党委书记李明介绍……",
         ID + "post/李明/桂花社区党委/党委书记", ARTICLE + "aaaaaaaaaaaaaaaa"),
        ("桂花社区", "两社区联合义诊", "此前，桂花社区已与该行结对共建。",
         ID + "place/320508900001", ARTICLE + "bbbbbbbbbbbbbbbb"),
        ("桂花社区", "桂花社区携手银行送清凉", "7月18日，桂花社区党委携手苏州示范银行开展夏日送清凉活动。",
         ID + "place/320508900001", ARTICLE + "aaaaaaaaaaaaaaaa"),
        ("桂花社区党委", "桂花社区携手银行送清凉", "桂花社区党委书记李明介绍……",
         ID + "party-org/桂花社区党委", ARTICLE + "aaaaaaaaaaaaaaaa"),
        ("苏州示范银行", "两社区联合义诊", "荷花社区与苏州示范银行签订共建协议。",
         ID + "org/苏州示范银行", ARTICLE + "bbbbbbbbbbbbbbbb"),
        ("苏州示范银行", "桂花社区携手银行送清凉", "7月18日，桂花社区党委携手苏州示范银行开展夏日送清凉活动。",
         ID + "org/苏州示范银行", ARTICLE + "aaaaaaaaaaaaaaaa"),
        ("荷花社区", "两社区联合义诊", "荷花社区与苏州示范银行签订共建协议。",
         ID + "place/320508900002", ARTICLE + "bbbbbbbbbbbbbbbb"),
    ],
    "fact-evidence": [
        ("荷花社区", "coBuildsWith", "苏州示范银行", "两社区联合义诊", "荷花社区与苏州示范银行签订共建协议。"),
        ("夏日送清凉活动", "partner", "苏州示范银行", "桂花社区携手银行送清凉",
         "7月18日，桂花社区党委携手苏州示范银行开展夏日送清凉活动。"),
        ("李明", "党委书记", "桂花社区党委", "桂花社区携手银行送清凉", "桂花社区党委书记李明介绍……"),
    ],
    "community-ancestors": [
        ("桂花社区", "1", "青石街道", "Street"),
        ("桂花社区", "2", "姑苏区", "District"),
        ("桂花社区", "3", "苏州市", "City"),
        ("桂花社区", "4", "江苏省", "Province"),
        ("竹园社区", "1", "竹溪街道", "Street"),
        ("竹园社区", "2", "枫林高新区", "Zone"),
        ("竹园社区", "3", "苏州市", "City"),
        ("竹园社区", "4", "江苏省", "Province"),
        ("荷花社区", "1", "青石街道", "Street"),
        ("荷花社区", "2", "姑苏区", "District"),
        ("荷花社区", "3", "苏州市", "City"),
        ("荷花社区", "4", "江苏省", "Province"),
    ],
    "co-organizing-communities": [
        ("荷花社区", "竹园社区", "1", "健康义诊"),
    ],
    "events-per-month": [
        ("2023-07", "2"),
        ("2023-08", "1"),
    ],
    "institution-partners": [
        ("医院", "苏州示范医院", "竹园社区"),
        ("学校", "苏州市第九中学", "桂花社区"),
        ("银行", "苏州示范银行", "桂花社区"),
        ("银行", "苏州示范银行", "竹园社区"),
        ("银行", "苏州示范银行", "荷花社区"),
    ],
    "community-facilities": [
        ("桂花社区", "健康小屋", "1"),
    ],
    "party-hierarchy": [
        ("桂花社区党委", "1", "青石街道党工委"),
        ("桂花社区党委", "2", "姑苏区委"),
        ("竹园社区党支部", "1", "竹溪街道党工委"),
        ("青石街道党工委", "1", "姑苏区委"),
    ],
    "event-audiences": [
        ("残疾人", "1", "桂花社区党委"),
        ("老年人", "1", "荷花社区、竹园社区党支部"),
    ],
}


def query_files() -> list[Path]:
    return sorted(queries_dir().glob("*.rq"))


@pytest.fixture(scope="module")
def union_store() -> ox.Store:
    """The fixture as the project stores it: one named graph per article, plus the gazetteer."""
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    return store


def cell(term) -> str | frozenset[str] | None:
    if term is None:
        return None
    return frozenset(term.value.split(LIST_SEPARATOR)) if LIST_SEPARATOR in term.value else term.value


def answer(store: ox.Store, stem: str) -> list[tuple]:
    solutions = store.query((queries_dir() / f"{stem}.rq").read_text(encoding="utf-8"),
                            use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    return [tuple(cell(row[n]) for n in names) for row in solutions]


def expected(stem: str) -> list[tuple]:
    return [tuple(frozenset(v.split(LIST_SEPARATOR)) if LIST_SEPARATOR in v else v for v in row)
            for row in EXPECTED[stem]]


def test_queries_cover_at_least_twelve_questions():
    assert len(query_files()) >= 12


def test_queries_each_have_a_test():
    assert {p.stem for p in query_files()} == set(EXPECTED)


@pytest.mark.parametrize("path", query_files(), ids=lambda p: p.stem)
def test_queries_state_the_question_in_chinese_and_english(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert re.fullmatch(r"# zh: .*[\u4e00-\u9fff].*[？?]", lines[0]), f"{path.name}: line 1 must be '# zh: …？'"
    assert re.fullmatch(r"# en: [A-Z].*\?", lines[1]), f"{path.name}: line 2 must be '# en: …?'"
    assert any(line.startswith("PREFIX ") for line in lines)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", path.stem), f"{path.name}: name it in kebab-case"


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_queries_answer_on_the_hand_written_graph(union_store, stem):
    assert answer(union_store, stem) == expected(stem)


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_queries_answer_nothing_on_an_empty_store(stem):
    assert answer(ox.Store(), stem) == []


def test_queries_are_listed_in_the_ontology_readme():
    readme = (queries_dir().parent / "README.md").read_text(encoding="utf-8")
    missing = [p.stem for p in query_files() if f"`{p.stem}`" not in readme]
    assert not missing, f"list these competency questions in ontology/README.md: {missing}"


def test_queries_readme_example_finds_a_facts_article_and_sentence(union_store):
    readme = (queries_dir().parent / "README.md").read_text(encoding="utf-8")
    sparql = re.search(r"```sparql\n(.*?)```", readme, re.S).group(1)
    rows = [{v.value: row[v.value].value for v in solutions.variables if row[v.value] is not None}
            for solutions in [union_store.query(sparql, use_default_graph_as_union=True)] for row in solutions]
    assert rows == [{
        "unitName": "荷花社区", "partnerName": "苏州示范银行", "article": ARTICLE + "bbbbbbbbbbbbbbbb",
        "title": "两社区联合义诊", "evidence": "荷花社区与苏州示范银行签订共建协议。", "start": "20", "end": "38",
    }]


def test_queries_answer_the_same_on_every_store(store):
    """Every question on the embedded store, `oxigraph serve` and Virtuoso: the same rows, 、 and all."""
    store.load("https://w3id.org/dangjian/graph/file/good.trig", FIXTURE.read_bytes(), ox.RdfFormat.TRIG)
    wrong = []
    for stem in sorted(EXPECTED):
        solutions = store.query((queries_dir() / f"{stem}.rq").read_text(encoding="utf-8"))
        names = [v.value for v in solutions.variables]
        if [tuple(cell(row[n]) for n in names) for row in solutions] != expected(stem):
            wrong.append(stem)
    assert wrong == []


def test_queries_event_audiences_keep_the_organizers_when_one_event_has_none():
    """Regression: one event without organizer emptied its audience's whole list on Oxigraph."""
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    store.update('PREFIX dj: <https://w3id.org/dangjian/ontology#> INSERT DATA { GRAPH <urn:g> { '
                 '<urn:e> a dj:Event ; dj:audience "老年人"@zh } }')
    assert answer(store, "event-audiences") == [("老年人", "2", frozenset({"荷花社区", "竹园社区党支部"})),
                                                ("残疾人", "1", "桂花社区党委")]
