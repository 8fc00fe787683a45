"""Each extraction step on hand-made sentences: what it adds is there with the step and gone without it."""
import json

import pytest

from dangjian.loaders.articles.segment import segment
from dangjian.loaders.extract import extract as ex


def extract(text, steps=ex.STEPS):
    (facts,), _ = ex.extract_articles(segment(text), date=None, scope_of=lambda a: "t", steps=steps)
    label = {k: e.label for k, e in facts.entities.items()}
    triples = {(label.get(f.s, f.s), f.p, label.get(f.o, f.o) if isinstance(f.o, str) else f.o.value)
               for f in facts.facts}
    return triples, {(e.label, e.cls) for e in facts.entities.values()}, facts.mentions


def without(step):
    return tuple(s for s in ex.STEPS if s is not step)


def sentences_without(step):
    """The article's steps with `read_sentences` running every sentence step but one."""
    def read_sentences(x):
        ex.run_sentence_steps(x, (s for s in ex.SENTENCE_STEPS if s is not step))
    return tuple(read_sentences if s is ex.read_sentences else s for s in ex.STEPS)


def test_the_order_reads_as_the_pipeline():
    assert [s.__name__ for s in ex.STEPS] == [
        "find_focus", "spread_list_parents", "read_sentences", "finish_joins", "finish_signings",
        "mention_known_people", "merge_short_forms", "place_in_title_street", "place_by_gazetteer", "read_byline"]
    assert ex.read_units in ex.SENTENCE_STEPS and ex.SENTENCE_STEPS[0] is ex.read_units


# -- sentence steps ---------------------------------------------------------------------------

def test_read_units_resolves_a_chain_into_containment_and_host():
    text = "苏州市姑苏区双塔街道桂花社区党委召开党员大会。"
    triples, types, _ = extract(text)
    assert {("桂花社区", "partOf", "双塔街道"), ("桂花社区党委", "hostUnit", "桂花社区")} <= triples
    assert ("桂花社区党委", "PartyOrganization") in types
    assert extract(text, sentences_without(ex.read_units))[0] == set()


def test_read_people_gives_a_post_in_the_organization_named_before_the_title():
    text = "苏州市姑苏区双塔街道桂花社区党委书记王芳主持会议。"
    post = {("王芳 党委书记", "holder", "王芳"), ("王芳 党委书记", "organization", "桂花社区党委"),
            ("王芳 党委书记", "title", "党委书记")}
    assert post <= extract(text)[0]
    triples, types, _ = extract(text, sentences_without(ex.read_people))
    assert not post & triples and ("王芳", "Person") not in types


def test_read_events_gives_organizer_partner_place_and_date():
    text = "3月5日,苏州市姑苏区双塔街道桂花社区联合苏州市第一人民医院在社区广场开展“健康进万家”义诊活动。"
    event = "健康进万家义诊活动"
    expected = {(event, "organizer", "桂花社区"), (event, "partner", "苏州市第一人民医院"),
                (event, "location", "社区广场"), (event, "dateText", "3月5日")}
    assert expected <= extract(text)[0]
    triples, types, _ = extract(text, sentences_without(ex.read_events))
    assert not expected & triples and (event, "Event") not in types


def test_read_events_a_unit_written_before_xieban_is_a_partner_not_an_organizer():
    text = "12月9日上午,由苏州市志愿者协会主办,姑苏区桂花社区党委协办,星辰公益承办的垃圾分类宣传活动在桂花社区开展。"
    triples = extract(text)[0]
    assert ("垃圾分类宣传活动", "partner", "桂花社区党委") in triples
    assert ("垃圾分类宣传活动", "organizer", "桂花社区党委") not in triples


def test_read_cobuilding_pairs_the_units_of_a_signed_agreement():
    text = "苏州市姑苏区双塔街道桂花社区党委与国网苏州供电公司党支部签订党建共建协议。"
    pair = ("桂花社区党委", "coBuildsWith", "国网苏州供电公司党支部")
    assert pair in extract(text)[0]
    assert pair not in extract(text, sentences_without(ex.read_cobuilding))[0]


def test_read_partners_acting_takes_the_units_opening_the_clauses_after_a_count_of_partners():
    text = ("苏州市姑苏区双塔街道桂花社区党委汇聚了15家共建单位。\n"
            "苏州银行姑苏支行认领了助老服务项目;苏州市第一人民医院组建了健康服务队。")
    pairs = {("桂花社区党委", "coBuildsWith", "苏州银行姑苏支行"), ("桂花社区党委", "coBuildsWith", "苏州市第一人民医院")}
    assert pairs <= extract(text)[0]
    assert not pairs & extract(text, sentences_without(ex.read_partners_acting))[0]


# -- article steps ----------------------------------------------------------------------------

def test_find_focus_lets_a_bare_party_committee_refer_to_the_titles_community():
    text = "姑苏区双塔街道桂花社区开展义诊活动\n当天,社区党委组织志愿者为居民服务。"
    host = ("桂花社区党委", "hostUnit", "桂花社区")
    assert host in extract(text)[0]
    assert host not in extract(text, without(ex.find_focus))[0]


def test_spread_list_parents_places_every_community_of_a_list_in_the_first_ones_street():
    text = "姑苏区双塔街道桂花社区、百花社区、竹园社区开展邻里节活动。"
    placed = {("百花社区", "partOf", "双塔街道"), ("竹园社区", "partOf", "双塔街道")}
    assert placed <= extract(text)[0]
    assert not placed & extract(text, without(ex.spread_list_parents))[0]


def test_finish_joins_makes_alliance_members_partners_of_the_articles_unit():
    text = "双塔街道成立党建联盟。苏州银行姑苏支行加入联盟成为成员单位。"
    pair = ("双塔街道", "coBuildsWith", "苏州银行姑苏支行")
    assert pair in extract(text)[0]
    assert pair not in extract(text, without(ex.finish_joins))[0]


def test_finish_signings_makes_the_signers_organizers_of_the_ceremony():
    text = "桂花社区与苏州银行姑苏支行签订共建协议。在签约仪式上,双方负责人讲话。"
    organizers = {("签约仪式", "organizer", "桂花社区"), ("签约仪式", "organizer", "苏州银行姑苏支行")}
    assert organizers <= extract(text)[0]
    assert not organizers <= extract(text, without(ex.finish_signings))[0]


def test_mention_known_people_finds_a_name_again_where_no_title_stands():
    text = "桂花社区党委书记王芳介绍了情况。会后,王芳带领志愿者走访老人。"
    def wang_fang(mentions):
        return sum(1 for m in mentions if m.key.endswith("王芳"))
    assert wang_fang(extract(text)[2]) == 2
    assert wang_fang(extract(text, without(ex.mention_known_people))[2]) == 1


def test_merge_short_forms_takes_a_short_name_said_first_for_the_full_one_said_later():
    text = "高科党支部党员走进桂花社区。苏州市姑苏区双塔街道桂花社区与苏州清华高科党支部结对。"
    assert ("高科党支部", "PartyOrganization") not in extract(text)[1]
    assert ("高科党支部", "PartyOrganization") in extract(text, without(ex.merge_short_forms))[1]


def test_place_in_title_street_places_the_communities_of_a_title_naming_one_street():
    text = "双塔街道多社区开展助残活动\n近日,桂花社区、百花社区组织志愿者上门服务。"
    placed = {("桂花社区", "partOf", "双塔街道"), ("百花社区", "partOf", "双塔街道")}
    assert placed <= extract(text)[0]
    assert not placed & extract(text, without(ex.place_in_title_street))[0]


def test_place_by_gazetteer_relates_two_places_the_article_names_apart():
    text = "南京市召开社区工作会议。鼓楼区作交流发言。"
    inside = ("鼓楼区", "partOf", "南京市")
    assert inside in extract(text)[0]
    assert inside not in extract(text, without(ex.place_by_gazetteer))[0]


def test_read_byline_keeps_the_reporter_and_the_medium():
    text = "桂花社区开展活动\n来源:苏州日报 记者 李明\n桂花社区组织志愿者开展活动。"
    byline = {("苏州日报", "Organization"), ("李明", "Person")}
    assert byline <= extract(text)[1]
    assert not byline & extract(text, without(ex.read_byline))[1]


# -- failures ---------------------------------------------------------------------------------

def test_a_failing_step_is_named_with_the_article_and_sentence():
    def read_quotas(x, sent, units):
        raise KeyError("quota")

    def read_sentences(x):
        ex.run_sentence_steps(x, ex.SENTENCE_STEPS + (read_quotas,))
    steps = tuple(read_sentences if s is ex.read_sentences else s for s in ex.STEPS)
    with pytest.raises(ex.StepFailed, match=r"step read_quotas failed on article '桂花社区开展活动', "
                                            r"sentence at character 0 \(KeyError: 'quota'\)"):
        extract("桂花社区开展活动\n桂花社区组织志愿者开展活动。", steps)


def test_a_failing_article_step_is_named_with_the_article():
    def rank_units(x):
        raise ValueError("no rank")
    with pytest.raises(ex.StepFailed, match="step rank_units failed on article '桂花社区开展活动'"):
        extract("桂花社区开展活动\n桂花社区组织志愿者开展活动。", ex.STEPS + (rank_units,))


def test_a_load_names_the_failing_step_and_the_file_line_and_keeps_the_other_articles(tmp_path, monkeypatch):
    from dangjian.graph.store import open_store
    from dangjian.loaders.extract.facts_people import PeopleFacts
    from dangjian.loaders.load.pipeline import LoadOptions, load_articles

    read_byline = PeopleFacts.read_byline

    def failing_on_credits(self):
        if self.state.article.authors:
            raise ValueError("unreadable byline")
        read_byline(self)
    monkeypatch.setattr(PeopleFacts, "read_byline", failing_on_credits)
    lines = [{"text": "桂花社区开展活动\n桂花社区组织志愿者开展邻里节活动。"},
             {"text": "百花社区开展活动\n作者:李明\n百花社区组织志愿者开展义诊活动。", "author": "李明"},
             {"text": "竹园社区开展活动\n竹园社区组织志愿者开展读书活动。"}]
    (tmp_path / "news.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), "utf-8")
    store = open_store(str(tmp_path / "store"))
    try:
        report = load_articles(store, [tmp_path / "news.jsonl"], LoadOptions(progress=False))
    finally:
        store.close()
    assert report.articles == 2
    (failure,) = report.failed
    assert failure.startswith(f"{tmp_path / 'news.jsonl'}:2: ")
    assert "step read_byline failed on article '百花社区开展活动'" in failure and "unreadable byline" in failure
