"""Events named in a sentence: quoted themes, events named by their kind, lists of quoted events."""
import pytest

from dangjian.loaders.extract.quoted import find_events


def events(sentence):
    return [e.label for e in find_events(sentence)]


@pytest.mark.parametrize("sentence, name", [
    ("两个党支部联合开展了以“同心向党 携手前行”为主题的党建联建活动。", "同心向党 携手前行"),
    ("共同开展了主题为“红色引领 温暖邻里”的志愿服务活动。", "红色引领 温暖邻里"),
    ("青松社区党委以“邻里守望·幸福相伴生活节”为主题,汇聚了8家共建单位。", "邻里守望·幸福相伴生活节"),
    ("6月1日,“童心向党 快乐成长”——2024青松社区亲子运动会在广场举行。", "童心向党 快乐成长"),
    ("在青松社区开展环境整治暨“美化家园”主题党日活动。", "美化家园"),
    ("社区开展党群共建“邻里日”便民活动。", "邻里日"),
    ("这里曾上演过一场十分热闹的“议事大会”。", "议事大会"),
])
def test_quoted_a_quoted_theme_names_its_event(sentence, name):
    assert name in events(sentence)


def test_quoted_each_quoted_name_of_a_list_is_an_event():
    assert events("联合三家单位开展“法律进小区”“消防安全课”“反诈讲座”等宣传5场次") == ["法律进小区", "消防安全课", "反诈讲座"]


def test_quoted_an_event_named_by_its_kind_alone():
    assert "签约仪式" in events("在镇政府举行了签约仪式。")
    assert "第三届邻里节" in events("三家单位联合举办第三届邻里节。")


@pytest.mark.parametrize("sentence", ["社区还开展了各类文明实践活动。", "全体党员共同参加本次活动。", "平时组织阅读活动。"])
def test_quoted_a_kind_of_activity_is_no_event(sentence):
    assert events(sentence) == []


def test_events_named_before_the_verb_that_says_they_were_held():
    labels = [e.label for e in find_events("3月1日,青松社区与白云社区、红星社区联谊共建活动如期举行。")]
    assert labels == ["联谊共建活动"]
    assert [e.label for e in find_events("签约仪式在村委会会议室举行。")] == ["签约仪式"]
    assert find_events("会议在社区举行。") == [] and find_events("各类活动如期举行。") == []


def test_a_ceremony_attended_or_spoken_at_is_an_event():
    assert [e.label for e in find_events("双方书记出席签约仪式。")] == ["签约仪式"]
    assert [e.label for e in find_events("在揭牌仪式上,书记讲了话。")] == ["揭牌仪式"]


@pytest.mark.parametrize("sentence", [
    "社区举办读书分享活动、亲子手工等文化活动20场。",
    "社区开展便民服务日等活动30场。",
    "志愿者为居民开展法律咨询和政策宣讲。",
    "街道开展了形式多样的文体活动。",
    "河湾社区开展系列“我为邻居办实事”实践活动。",
])
def test_quoted_kinds_listed_counted_or_described_and_series_are_no_events(sentence):
    assert find_events(sentence) == []


def test_quoted_an_event_the_verb_says_was_held_keeps_its_name():
    assert [e.label for e in find_events("在青松学院举行的结对帮扶河湾村赠款仪式上,村支书发了言。")] == [
        "结对帮扶河湾村赠款仪式"]


def test_quoted_the_first_of_a_chain_of_quoted_themes_names_the_event():
    sentence = "河湾社区在广场开展“同心过大年”——“腊八粥暖人心”暨“我们的节日”春节联谊活动。"
    (event,) = find_events(sentence)
    assert event.label == "同心过大年"


def test_quoted_an_event_said_to_unfold_there_is_held():
    assert [e.label for e in find_events("日前,“邻里同乐”移风易俗主题活动在此展开,500余名居民参加。")] == ["移风易俗主题活动"]


@pytest.mark.parametrize("sentence, name", [
    ("三家单位的党员一同开展了“楼道清洁”行动,清运垃圾5车。", "楼道清洁"),
    ("社区联合卫生院共同开展“邻里暖心”公益服务大集,居民排起长队。", "邻里暖心公益服务大集"),
])
def test_quoted_a_clean_up_action_and_a_fair_in_quotes_are_events(sentence, name):
    assert name in events(sentence)


def test_quoted_a_campaign_named_action_is_no_event():
    assert events("街道开展“百日攻坚”行动。") == []


def test_quoted_a_launched_clean_up_campaign_is_no_event():
    assert events("社区和驻地单位一起,启动“微环境整治”行动。") == []


def test_quoted_a_standing_practice_is_no_event_and_a_talk_held_is_one():
    assert events("社区组织居民开展“每周有约、邻里说事”活动,以唠家常的形式议事。") == []
    assert events("双方党组织开展交流座谈,介绍了各自情况。") == ["交流座谈"]


def test_quoted_the_opening_of_a_place_named_in_quotes_is_an_event():
    assert events("3月16日,河湾社区“邻里菜园”正式开园,居民报名近300人。") == ["邻里菜园正式开园"]
    assert events("打造“红色驿站”开放的空间") == []


def test_an_event_named_by_its_kind_after_a_description_and_held_somewhere_is_that_event():
    labels = [e.label for e in find_events("3月8日上午,一场别开生面的主题党日活动在东川社区青松小区举行")]
    assert labels == ["主题党日活动"]
    assert find_events("一场热闹的会议在社区举行") == []


@pytest.mark.parametrize("sentence", ["根据《东川市党员进社区系列志愿服务活动方案》文件要求,社区组织宣传",
                                      "”东川市党员进社区系列志愿服务活动方案》文件要求,社区组织宣传"])
def test_words_inside_a_documents_title_name_no_event(sentence):
    assert find_events(sentence) == []
