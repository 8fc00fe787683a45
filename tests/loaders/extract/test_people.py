"""People and their posts: names after titles, before speech verbs, after cue nouns; words that are not names."""
from dangjian.loaders.extract.mentions import find_units
from dangjian.loaders.extract.people import find_people


def people(sentence):
    found, posts = find_people(sentence, find_units(sentence))
    return [p.name for p in found], [(p.person.name, p.title) for p in posts]


def test_people_name_after_a_title_has_a_post():
    assert people("由蠡口社区党委书记祝晓菲进行领学") == (["祝晓菲"], [("祝晓菲", "党委书记")])
    assert people("莫阳社区党委书记陈丽说") == (["陈丽"], [("陈丽", "党委书记")])


def test_people_two_titles_before_one_name():
    names, posts = people("苏州市委党校副校长、苏州行政学院副院长方伟说")
    assert names == ["方伟"] and sorted(posts) == [("方伟", "副校长"), ("方伟", "副院长")]


def test_people_enumeration_of_titles_and_names():
    names, posts = people("会上,街道党工委书记杨帆、副书记周敏、党工委委员陈刚分别与新成员单位负责人签订共建协议")
    assert names == ["杨帆", "周敏", "陈刚"]


def test_people_name_before_a_post_in_parentheses():
    assert people("黄丽(双和社区党委书记)介绍,") == (["黄丽"], [("黄丽", "党委书记")])


def test_people_cue_nouns_and_speech_verbs():
    assert people("座谈会上,快递员孟凡宇提出,送件高峰时段进不了小区")[0] == ["孟凡宇"]
    assert people("“真是太好了。”张凤说")[0] == ["张凤"]
    assert people("居民王秀英今年72岁")[0] == ["王秀英"]


def test_people_ordinary_words_are_not_names():
    assert people("参与志愿者高达1200余人次")[0] == []
    assert people("独居老人占比高达三成")[0] == []
    assert people("汇聚新业态新就业群体党员和在职党员合力")[0] == []
    assert people("组织委员和社区居民代表一起商量")[0] == []


def test_people_a_list_of_names_after_a_verb_of_attending():
    found, _ = find_people("会上,王建华、李蓉、陈静等党员参加了学习。", [])
    assert [p.name for p in found] == ["王建华", "李蓉", "陈静"]


def test_people_names_listed_after_a_titled_one_share_its_title():
    found, posts = find_people("支委会副主委韩冬生、赵中伟,秘书长张茂松参加", [])
    assert {(p.person.name, p.title) for p in posts} >= {("韩冬生", "副主委"), ("赵中伟", "副主委"), ("张茂松", "秘书长")}


def test_people_a_list_of_common_words_is_no_list_of_names():
    assert find_people("社区、街道、单位等共同参与", [])[0] == []


def test_people_a_name_right_after_a_village_is_a_person():
    units = find_units("常山县青松村韩冬生和东川县石桥村孟庆山结为师徒")
    found, _ = find_people("常山县青松村韩冬生和东川县石桥村孟庆山结为师徒", units)
    assert {"韩冬生", "孟庆山"} <= {p.name for p in found}


def test_people_a_cue_noun_before_a_name_with_a_middle_dot():
    found, _ = find_people("居民阿依古丽·吐尔逊用积分兑换了生活用品", [])
    assert [p.name for p in found] == ["阿依古丽·吐尔逊"]


def test_people_ordinary_words_after_a_title_or_cue_are_no_names():
    for sentence in ("活动中,社区书记向现场群众讲解了政策。", "听取了社区负责人有关情况汇报。", "全村党员齐上阵:清理河道。",
                     "党员志愿者包路段的方式推进整治。", "村民都很满意。", "让村民富起来。", "村党支部书记动情地说:“好日子来了。”",
                     "居民肖奶奶告诉记者,楼道亮了。", "共建单位的尹律师感慨道:“真好。”"):
        names, _ = people(sentence)
        assert names == [], sentence


def test_people_names_made_of_common_words_stay_names():
    for sentence, name in (("社区书记王光明介绍,要办好实事。", "王光明"), ("党员黄海燕表示,愿意参加。", "黄海燕"),
                           ("村支书许文明带领大家干。", "许文明"), ("居民包文华说,很高兴。", "包文华"),
                           ("书记张国庆介绍,一起干。", "张国庆")):
        names, _ = people(sentence)
        assert name in names, sentence


def test_people_a_dictionary_word_after_a_title_is_no_name():
    names, _ = people("召开村(社区)党组织书记、后备力量交流座谈会。")
    assert names == []


def test_a_verb_and_its_particle_after_a_title_is_no_name_and_executive_deputies_hold_posts():
    from article_helpers import facts_of, posts
    _, _, types = facts_of("会议\n\n居民代表在听了社区党委书记汇报后,上台发言。\n")
    assert not any(cls == "Person" for _, cls in types)
    _, triples, _ = facts_of("会议\n\n区委组织部常务副部长何一流参加会议。\n")
    assert ("何一流", "区委组织部", "常务副部长") in posts(triples)


def test_a_bodys_own_committee_named_after_its_title_is_the_bodys():
    from article_helpers import facts_of, posts
    text = "签约\n\n东川县城管局与石门村签约。县城管局副局长、机关党委书记王海表示,要做好工作。\n"
    _, triples, _ = facts_of(text)
    assert {("王海", "东川县城管局", "副局长"), ("王海", "东川县城管局机关党委", "机关党委书记")} <= posts(triples)
    assert ("东川县城管局机关党委", "hostUnit", "东川县城管局") in triples


def test_people_no_title_where_one_place_name_runs_into_the_next():
    # 市长 across 许昌市|长葛市 and 白山市|长白…县, 省长 across 吉林省|长春市: no mayor and no person after them
    assert people("河南省许昌市长葛市大周镇赵庄村党支部书记王芳带领党员开展活动") == (["王芳"], [("王芳", "党支部书记")])
    assert people("吉林省白山市长白朝鲜族自治县新华社区开展活动") == ([], [])
    assert people("吉林省长春市朝阳区桂林街道党工委书记李明介绍") == (["李明"], [("李明", "党工委书记")])
    assert people("苏州市市长吴庆文出席") == (["吴庆文"], [("吴庆文", "市长")])


def test_people_a_surname_and_an_honorific_or_an_adverb_after_a_cue_are_no_names():
    assert people("居民刘先生说:“活动很好。”")[0] == []
    assert people("每一名志愿者都热情高涨")[0] == []


def test_people_a_name_after_a_cue_noun_may_be_followed_by_a_verb():
    assert people("舞台侧方,老人钟志强手持自拍杆全程录像")[0] == ["钟志强"]
    assert people("年轻妈妈符丹妮带着孩子们随节拍摇摆")[0] == ["符丹妮"]


def test_people_a_demonstrative_is_no_given_name():
    assert people("不少居民来此看书")[0] == []



def test_people_a_verb_opening_with_a_surname_and_a_place_word_after_a_cue_are_no_names():
    assert people("党员深入居民楼院清理杂物") == ([], [])
    assert people("针对无主管楼院及自管楼院分类施策") == ([], [])
    assert people("省农科院副研究员钟晓平向村民宣讲党的政策")[0] == ["钟晓平"]
