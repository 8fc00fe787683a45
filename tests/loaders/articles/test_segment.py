"""Splitting pages into articles: titles, bylines in every position, captions, cut paragraphs, truncation."""
import json
from pathlib import Path

import pytest

from dangjian.loaders.articles.segment import parse_byline, segment

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "samples" / "seed-page.txt"
GOLD = ROOT.parent / "shared" / "eval" / "seed-gold.json"


def test_segment_splits_sample_page_into_its_eight_articles_with_bylines():
    articles = segment(SAMPLE.read_text(encoding="utf-8"))
    got = [(a.title, a.authors) for a in articles]
    expected = [
        ("富元社区党建引领探索“红色治理”", ["归丹", "徐晓安"]),
        ("元和街道多社区学习贯彻市委十三届五次全会精神", ["高达"]),
        ("双塔街道探索社区治理“子城样本”", ["高达"]),
        ("金阊街道“共享厨房”解决公寓生活难题", ["李欣", "徐晓安"]),
        ("相城经开区集成指挥中心 党建引领志愿服务", ["高达"]),
        ("元和街道多社区开展助残活动", ["高达"]),
        ("情系新业态,凝聚“新”力量", ["徐晓安"]),
        ("绿色时光社区开展便民服务", ["高达"]),
    ]
    assert got == expected
    if GOLD.exists():
        gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
        assert [(g["title"], g["authors"]) for g in gold] == expected


def test_segment_rejoins_a_paragraph_cut_by_the_layout():
    articles = segment(SAMPLE.read_text(encoding="utf-8"))
    text = articles[2].text
    assert "通过党建引领,进一步细化探索方向" in text


def test_segment_flags_articles_that_end_mid_sentence():
    articles = segment(SAMPLE.read_text(encoding="utf-8"))
    assert [a.truncated for a in articles] == [False, False, False, False, True, False, True, False]
    assert articles[6].paragraphs[-1] == "为切实维护新业态新就业群"


def test_segment_keeps_subheadings_inside_their_article():
    first = segment(SAMPLE.read_text(encoding="utf-8"))[0]
    assert first.subheadings == ["升级阵地,打造宜居舒心“生活圈”", "搭建平台,理好急难愁盼“家务事”",
                                 "整合资源,形成基层治理“凝聚力”"]


def test_segment_reads_photo_captions_and_unit_prefixed_bylines():
    article = segment(SAMPLE.read_text(encoding="utf-8"))[4]
    assert article.captions == ["“洁美家园”志愿服务活动现场 相城经开区供图"]
    assert article.authors == ["高达"] and article.byline_units == ["相经开"]


def test_segment_byline_forms():
    assert parse_byline("记者 王晓明 通讯员 李华") == (["王晓明", "李华"], [])
    assert parse_byline("文/图 赵敏") == (["赵敏"], [])
    assert parse_byline("■本报记者 韩雪 通讯员 高翔") == (["韩雪", "高翔"], [])
    assert parse_byline("鼓楼区委组织部 陈静") == (["陈静"], ["鼓楼区委组织部"])
    assert parse_byline("（刘畅 摄）") is None or parse_byline("（刘畅 摄）")[0] == []
    assert parse_byline("升级阵地,打造宜居舒心“生活圈”") is None


def test_segment_inline_byline_at_the_start_of_the_lead():
    page = ("湛山社区与工商银行结对共建\n\n"
            "本报讯(记者 张伟 通讯员 刘晓娜)7月15日,湛山社区党委与中国工商银行青岛湛山支行党支部签订党建共建协议。\n")
    (article,) = segment(page)
    assert article.authors == ["张伟", "刘晓娜"]


def test_segment_byline_stuck_to_the_last_paragraph():
    page = ("双塔街道探索社区治理\n\n日前,双塔街道召开座谈会。\n\n"
            "街道将在各个社区进行党建品牌的梳理。高达\n\n"
            "金阊街道推出共享厨房\n\n近日,金阊街道一公寓推出共享厨房。\n\n李欣 徐晓安\n")
    first, second = segment(page)
    assert first.authors == ["高达"] and first.paragraphs[-1].endswith("梳理。")
    assert second.authors == ["李欣", "徐晓安"]


def test_segment_title_only_document_gives_one_article():
    (article,) = segment("石牌岭社区开展夏日送清凉活动\n")
    assert article.title == "石牌岭社区开展夏日送清凉活动" and article.paragraphs == []


def test_segment_a_page_header_phrase_opening_with_wen_is_no_byline():
    assert parse_byline("美丽青城 文明花开") is None


DASH_SUBTITLE = ("青松社区联合区人社局开展主题党日活动\n结对共建聚合力\n"
                 "——东川街道青松社区联合区人社局开展“微心愿”认领活动\n\n"
                 "新东川讯(东川日报记者 王明远)为加强党员与群众的联系,青松社区开展活动。\n\n活动持续了一个上午。\n")
# short lines and a byline under a title open no second article before any body
CAPTIONS_AND_BYLINE = ("邻里同心 共建美好家园\n\n青松街道凝聚多方力量推进社区治理\n\n"
                       "陈明和李华共同启动“青松红”共建项目\n新一届区域化党建联席会议成员单位代表领取聘书\n\n"
                       "□记者 周文 整理报道\n\n12月10日上午,青松街道召开区域化党建联席会议,二十余家单位参加。\n")


@pytest.mark.parametrize("page, title, author", [
    (DASH_SUBTITLE, "青松社区联合区人社局开展主题党日活动", "王明远"),
    (CAPTIONS_AND_BYLINE, "邻里同心", "周文"),
], ids=["dash-subtitle", "captions-and-byline"])
def test_segment_lines_under_a_title_stay_with_it_and_the_lead_keeps_its_credits(page, title, author):
    articles = segment(page)
    assert len(articles) == 1
    assert articles[0].title.startswith(title)
    assert author in articles[0].authors


def test_segment_a_papers_headline_list_is_no_article():
    page = ("第03版:要闻\n青松街道签约共建\n河湾社区办起长桌宴\n东山村修好了路\n版面导航\n"
            "3上一篇  下一篇4 2024年05月06日 放大 缩小 默认\n让居民议事有地方\n河湾社区议事厅启用\n\n"
            "本报讯 5月5日,河湾社区议事厅正式启用。 (王明远)\n")
    (article,) = segment(page)
    assert article.title.endswith("河湾社区议事厅启用") and article.authors == ["王明远"]


def test_segment_a_title_ending_like_a_sentence_over_a_byline():
    page = "“这样的议事会就该常开!”\n■ 本报记者 周文\n青松社区的议事会开到了楼下。居民都来了。\n"
    (article,) = segment(page)
    assert article.title == "“这样的议事会就该常开!”" and article.authors == ["周文"]


def test_segment_a_byline_ending_the_lead_keeps_the_subheading_in_the_article():
    page = ("河湾社区:\n新春送暖\n\n新春将至,河湾社区开展送温暖活动。记者 周文\n\n关爱老人,传递温暖\n\n"
            "为解决老人吃饭难,2月10日,社区开展了一场活动。\n")
    (article,) = segment(page)
    assert article.authors == ["周文"] and "关爱老人,传递温暖" in article.subheadings


@pytest.mark.parametrize("header", ["青山日报 数字报纸\n\n00015版:今日青山\n\n", "日期:\n来源:青山发布\n"])
def test_segment_a_papers_edition_line_and_an_empty_label_are_no_title(header):
    page = header + "绿地添新景\n\n王小明 李红\n\n  每天早晨,河湾社区的志愿者在小区里巡查。社区党委书记赵青介绍了做法。\n"
    (article,) = segment(page)
    assert article.title == "绿地添新景"
    assert "数字报纸" not in article.text and "日期" not in article.text


@pytest.mark.parametrize("para", [
    "6月27日,青松街道在广场举办主题党日活动,200多名党员重温入党誓词。(钟戉摄)",
    "6月27日,青松街道在河湾社区的文化广场举办主题党日活动,200多名党员重温入党誓词,并参加了便民服务、政策宣传、"
    "微心愿征集、党史知识问答等活动,现场气氛热烈。(钟戉摄)",
])
def test_segment_a_name_stuck_to_she_in_brackets_is_the_photographer(para):
    (article,) = segment("绿地添新景\n\n  " + para + "\n\n  社区党委书记赵青介绍了做法。\n")
    assert article.credits == ["钟戉"] and article.authors == []
    assert not any("钟戉" in p and "介绍了做法" in p for p in article.paragraphs)
