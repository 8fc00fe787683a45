"""Unit names in a sentence: where a name begins, chains of units, words that only look like names."""
import pytest

from dangjian.loaders.extract.mentions import find_units


def units(sentence):
    return [(u.text, u.cls) for u in find_units(sentence) if not u.bare]


def test_mentions_name_stops_at_partnering_verbs():
    assert units("蠡口社区联合朱巷社区、富民社区开展活动") == [
        ("蠡口社区", "Community"), ("朱巷社区", "Community"), ("富民社区", "Community")]


@pytest.mark.parametrize("sentence", ["充分体现社区党建的力量", "推进社区治理、增进民生福祉", "开放式街区社区、老新村社区面临难题",
                                      "切实提升搬迁安置小区居民幸福感", "以前去银行办事,现在用手机银行"])
def test_mentions_common_words_before_a_suffix_are_no_names(sentence):
    assert units(sentence) == []


def test_mentions_place_chain_links_each_place_to_its_container():
    found = find_units("该公寓位于苏州市姑苏区金阊街道天库前55号")
    by_text = {u.text: u for u in found}
    assert by_text["金阊街道"].parent.text == "姑苏区"
    assert by_text["姑苏区"].parent.text == "苏州市"


def test_mentions_parenthesis_chain():
    found = find_units("今年以来,相城高新区(元和街道)富元社区凝聚居民智慧")
    by_text = {u.text: u for u in found}
    assert by_text["富元社区"].parent.text == "元和街道"
    assert by_text["元和街道"].parent.text == "相城高新区"


def test_mentions_party_organization_keeps_its_host():
    found = find_units("蠡口社区党委书记祝晓菲进行领学")
    party = found[-1]
    assert (party.text, party.cls, party.parent.text) == ("蠡口社区党委", "PartyOrganization", "蠡口社区")


def test_mentions_organization_named_over_a_place_is_one_unit():
    assert units("来自苏州市委党校、苏州日报社、姑苏区委组织部的专家团") == [
        ("苏州市委党校", "Organization"), ("苏州日报社", "Organization"), ("姑苏区委组织部", "Organization")]
    assert ("国网杭州市西湖区供电公司党委", "PartyOrganization") in units("杭富村党委与国网杭州市西湖区供电公司党委结对共建")
    assert ("中建三局第一建设工程有限责任公司党委", "PartyOrganization") in units("中建三局第一建设工程有限责任公司党委新加入联盟")


def test_mentions_villages_and_towns():
    assert units("安吉县上墅乡党委推动刘家塘村、董岭村抱团发展") == [
        ("安吉县", "District"), ("上墅乡", "Street"), ("上墅乡党委", "PartyOrganization"),
        ("刘家塘村", "Community"), ("董岭村", "Community")]
    assert units("村民在村里的文化礼堂看戏") == [("文化礼堂", "Facility")]


def test_mentions_numbers_and_classifiers_are_not_names():
    assert ("健身步道", "Facility") in units("在小区文化广场布置150米健身步道")
    assert ("五凤街道", "Street") in units("鼓楼区五凤街道白龙社区")


def test_mentions_quoted_names_are_left_to_programs_and_events():
    assert units("开展“洁美家园”志愿服务活动") == []


def test_mentions_bare_references_are_marked():
    found = find_units("社区联合南京银行开展了活动")
    assert found[0].bare and found[0].cls == "Community"
    assert (found[1].text, found[1].cls) == ("南京银行", "Organization")


@pytest.mark.parametrize("sentence", [
    "青松社区党委充分发挥社区党组织作用,促进社区和谐", "党员积极投身于社区建设", "营造以社区为中心的氛围",
    "开放式社区、复合型社区不断涌现", "要运营好街道党工委", "推动我镇发展", "组织党员参观社区党建活动室",
    "评选四星级社区", "着力帮促村集体经济"])
def test_mentions_a_name_never_starts_with_a_verb_adverb_or_pronoun(sentence):
    found = units(sentence)
    assert all(not text.startswith(("充分", "促进", "投身", "营造", "开放式", "复合型", "要", "运营", "推动", "我", "参观",
                                     "四星级", "帮促")) for text, _ in found), found


def test_mentions_function_words_before_a_village_are_cut_off():
    assert units("2021年石桥村党支部换届") == [("石桥村", "Community"), ("石桥村党支部", "PartyOrganization")]
    assert units("沿着北沟村的小路") == [("北沟村", "Community")]


def test_mentions_words_that_open_many_place_names_stay_in_the_name():
    # 胜利 is tagged as a verb, but opens hundreds of official place names
    assert units("胜利社区党委书记介绍") == [("胜利社区", "Community"), ("胜利社区党委", "PartyOrganization")]


@pytest.mark.parametrize("sentence, expected", [
    ("村党总支书记赴中国农业银行东川支行学习", ("中国农业银行东川支行", "Organization")),
    ("此次签约仪式标志着东川县城管局迈出新步伐", ("东川县城管局", "Organization")),
])
def test_mentions_a_verb_inside_the_words_before_a_suffix_ends_what_came_before(sentence, expected):
    assert expected in units(sentence)


@pytest.mark.parametrize("sentence", ["发挥业主委员会作用", "发挥行业协会作用", "双方党支部分别介绍了情况", "街道两新组织综合党委",
                                      "成立40个楼栋党小组"])
def test_mentions_a_kind_of_unit_is_not_a_unit(sentence):
    assert not [u for u in units(sentence) if u[1] in ("Organization", "PartyOrganization")]


def test_mentions_a_bare_body_of_the_city_or_district_is_kept():
    assert ("市委组织部", "Organization") in units("市委组织部、区司法局有关负责人参加")
    assert ("区司法局", "Organization") in units("市委组织部、区司法局有关负责人参加")


def test_mentions_a_company_after_a_party_branch_loses_the_conjunction():
    found = units("东川物业集团有限公司党支部和南城地铁住宅物业有限公司党支部组建志愿队")
    assert ("南城地铁住宅物业有限公司党支部", "PartyOrganization") in found


def test_mentions_zhonggong_names_a_party_organ_set_up_in_the_unit_after_it():
    found = {u.text: u for u in find_units("中共东川银行股份有限公司机关委员会与青松社区结对共建")}
    organ = found["中共东川银行股份有限公司机关委员会"]
    assert organ.cls == "PartyOrganization" and organ.parent.text == "东川银行股份有限公司"


@pytest.mark.parametrize("sentence, expected", [
    ("县城管局环卫支部与石桥村支部签约", ("石桥村支部", "PartyOrganization")),
    ("东川区审计局党总支部等单位参加", ("东川区审计局党总支部", "PartyOrganization")),
    ("青松街道工委书记讲话", ("青松街道工委", "PartyOrganization")),
    ("东川县直工委书记讲话", ("东川县直工委", "PartyOrganization")),
])
def test_mentions_party_organs_by_their_other_endings(sentence, expected):
    assert expected in units(sentence)


@pytest.mark.parametrize("sentence", ["党建引领赋能乡村振兴", "打造两大社区服务品牌", "推动共话乡村治理"])
def test_mentions_countryside_and_kinds_of_places_are_no_places(sentence):
    assert [u for u in units(sentence) if u[1] in ("Community", "Street")] == []


def test_mentions_a_township_head_after_the_township_is_a_title():
    assert units("石桥乡乡长韩冬生介绍") == [("石桥乡", "Street")]


def test_mentions_places_named_with_common_words_stay_places():
    assert ("世纪城街道", "Street") in units("世纪城街道党工委召开座谈会")


def test_mentions_a_compound_named_with_two_endings_is_one_compound():
    assert units("新成立的青松苑小区党群服务中心")[0] == ("青松苑小区", "ResidentialCompound")


def test_mentions_a_number_inside_a_name_stays_in_it():
    assert ("东川轨道交通24号线项目党支部", "PartyOrganization") in units("东川轨道交通24号线项目党支部与青松社区党支部")
    assert units("钢38社区联合共建单位") == [("钢38社区", "Community")]


@pytest.mark.parametrize("sentence, expected", [
    ("东川区图书馆党支部与青松社区结对", ("东川区图书馆", "Organization")),
    ("东川二中的老师带领学生", ("东川二中", "Organization")),
    ("东川大学出版社等共建单位", ("东川大学出版社", "Organization")),
    ("东川市政协党组书记", ("东川市政协", "Organization")),
    ("雁塔区张家村街道西何社区", ("张家村街道", "Street")),
])
def test_mentions_more_kinds_of_units(sentence, expected):
    assert expected in units(sentence)


def test_mentions_a_verb_after_a_place_ends_a_party_organizations_chain():
    found = units("东川县石桥镇召开青松农牧联村党委成立大会")
    assert ("石桥镇召开青松农牧联村党委", "PartyOrganization") not in found


def test_mentions_branches_named_by_department_are_kept():
    assert ("信息技术部党支部", "PartyOrganization") in units("综合业务部党支部、信息技术部党支部一同到社区")
    assert ("平洲社区新就业群体功能型党支部", "PartyOrganization") in units("平洲社区新就业群体功能型党支部成立")


def test_a_state_farm_above_its_community_is_a_township_level_place():
    units = find_units("兵团第八师东川农场青松社区与东川区东川街道幸福社区签订共建协议。")
    found = {(u.text, u.cls) for u in units}
    assert ("东川农场", "Street") in found and ("青松社区", "Community") in found
    assert ("幸福社区", "Community") in found  # a common word named right after its street


def test_a_farm_that_is_a_business_is_no_place():
    assert not any(u.text.endswith("农场") for u in find_units("周末,居民到生态农场采摘草莓。"))


def test_a_places_own_committee_or_office_is_named_from_that_place():
    found = {(u.text, u.cls) for u in find_units("东川区青山街道办事处与红石县白沙镇石门村委会签约。")}
    assert ("青山街道办事处", "Organization") in found
    assert ("石门村委会", "Organization") in found


def test_a_unit_named_after_a_city_is_not_the_communitys():
    found = {u.text for u in find_units("当天,青松社区三亚供电局党员来到现场。")}
    assert "三亚供电局" in found and "青松社区三亚供电局" not in found


def test_a_provinces_department_and_a_towns_government_are_organizations():
    found = {(u.text, u.cls) for u in find_units("河南省民政厅与青山镇政府在大厅召开会议。")}
    assert ("河南省民政厅", "Organization") in found and ("青山镇政府", "Organization") in found
    assert not any(text.endswith("大厅") for text, _ in found)


def test_a_village_named_with_xin_is_a_village_and_a_workers_estate_a_compound():
    found = {(u.text, u.cls) for u in find_units("与牛新村党总支班子座谈,住在工人新村和文化新村的居民也来了。")}
    assert ("牛新村", "Community") in found and ("牛新村党总支", "PartyOrganization") in found
    assert not any(cls == "Community" and text.endswith("新村") and len(text) > 3 for text, cls in found)


def test_a_verb_before_a_unit_is_not_part_of_its_name():
    found = {u.text for u in find_units("受市政协党组书记委托,仪式标志着舒城县城管局工作迈上新台阶。")}
    assert "市政协党组" in found and "舒城县城管局" in found
    assert not any(text.startswith(("受", "标志")) for text in found)


def test_a_branch_named_over_its_company_and_a_place_is_one_organization():
    found = {(u.text, u.cls) for u in find_units("东川人寿保险股份有限公司上海市杨浦支公司党支部与东川银行股份有限公司桂林分行高新支行座谈。")}
    assert ("东川人寿保险股份有限公司上海市杨浦支公司", "Organization") in found
    assert ("东川人寿保险股份有限公司上海市杨浦支公司党支部", "PartyOrganization") in found
    assert ("东川银行股份有限公司桂林分行高新支行", "Organization") in found


def test_a_community_named_by_common_words_is_one_only_when_it_acts_as_a_unit():
    assert not any(u.cls == "Community" for u in find_units("各族群众共建幸福和谐社区。"))
    assert ("幸福和谐社区党委", "PartyOrganization") in {(u.text, u.cls) for u in find_units("幸福和谐社区党委召开会议。")}


def test_a_bureau_is_an_organization_and_a_pattern_or_a_title_is_not():
    found = {(u.text, u.cls) for u in find_units("江苏省数据局与中建七局签约,形成新格局。县城管局副局长讲话。")}
    assert ("江苏省数据局", "Organization") in found and ("中建七局", "Organization") in found
    assert not any(text.endswith(("格局", "副局")) for text, _ in found)


def test_a_city_written_without_shi_before_its_own_district_is_the_city():
    found = [(u.text, u.cls, u.parent.text if u.parent else None) for u in find_units("近日,福州鼓楼区东街街道开展活动。")]
    assert ("福州", "City", None) in found and ("鼓楼区", "District", "福州") in found
    assert not any(cls == "City" for _, cls, _ in [(u.text, u.cls, 0) for u in find_units("要把鼓楼区建设好。")])


def test_a_short_street_right_above_a_community_is_a_street():
    found = [(u.text, u.cls, u.parent.text if u.parent else None) for u in find_units("区妇联党支部与钟楼街南门社区党委结对。")]
    assert ("钟楼街", "Street", None) in found and ("南门社区", "Community", "钟楼街") in found
    for sentence in ("科技街社区开展活动。", "民族街街道龙王庙社区开展活动。", "居民逛步行街。"):
        assert not any(u.cls == "Street" and u.text.endswith("街") for u in find_units(sentence)), sentence


def test_a_place_named_right_after_its_container_keeps_a_noun_that_opens_it():
    found = [(u.text, u.cls) for u in find_units("与南开区学府街天大四季村社区开展共建。")]
    assert ("天大四季村社区", "Community") in found


def test_units_listed_without_a_suffix_are_organizations_when_the_list_says_so():
    found = {(u.text, u.cls) for u in find_units("青松社区党委将辖区部队、东川家电等20多家企事业单位纳入社区共建。")}
    assert ("东川家电", "Organization") in found
    found = {(u.text, u.cls) for u in find_units("现场邀请了东川联通、东川眼科医院等多个社会组织参与。")}
    assert ("东川联通", "Organization") in found
    assert not any(text == "金融机构" for text, _ in
                   {(u.text, u.cls) for u in find_units("社区与辖区内的企业、学校、金融机构等单位开展共建。")})


def test_partners_listed_after_with_are_organizations_when_one_is_a_named_unit():
    found = {(u.text, u.cls) for u in find_units("青松社区与东川市第二人民医院、东川建工三建联合开展义诊活动。")}
    assert ("东川建工三建", "Organization") in found
    assert not any(cls == "Organization" for _, cls in {(u.text, u.cls) for u in find_units("社区与居民、商户一起打扫卫生。")})


def test_counts_ratings_and_a_persons_title_are_no_places():
    for sentence in ("全面落实浙江、江西两省建设要求。", "岩石、白云两镇在村里举行活动。", "全县评出四星社区党组织90个。",
                     "刘明远乡长对大家表示感谢。", "召开楼栋党小组会议。"):
        assert not any(u.cls in ("Province", "Street", "Community", "PartyOrganization") and not u.bare
                       for u in find_units(sentence)), sentence


def test_a_district_without_its_ending_before_one_of_its_villages_in_xincun_is_that_village():
    found = [(u.text, u.cls) for u in find_units("市通信管理局与金山马新村开展共建活动")]
    assert ("马新村", "Community") in found and ("金山", "District") in found
    assert ("曹杨新村", "ResidentialCompound") in [(u.text, u.cls) for u in find_units("居住在曹杨新村的老人")]


def test_a_village_or_community_in_brackets_as_a_kind_is_no_unit():
    assert [u.text for u in find_units("街道举行村(社区)党组织书记座谈会") if u.cls == "Community"] == []


def test_a_community_described_by_its_form_is_no_community():
    for sentence in ("积极构建互嵌式社区环境", "打造开放式社区", "建设复合型社区"):
        assert [u.text for u in find_units(sentence) if u.cls == "Community" and not u.bare] == []


def test_a_community_name_never_starts_inside_a_word_of_a_long_run():
    assert [u.text for u in find_units("夯实区域化党建聚合力构筑社区共同体") if not u.bare] == []
    assert ("首创社区", "Community") in [(u.text, u.cls) for u in find_units("活动启动仪式在首创社区举行")]


def test_a_year_or_a_negation_before_a_place_is_no_part_of_its_name():
    assert ("南京西路街道", "Street") in [(u.text, u.cls) for u in find_units("并介绍了2021年南京西路街道区域化党建工作")]
    assert [u.text for u in find_units("做到小事不出村,难事大事不出乡。") if not u.bare] == []


def test_a_transliterated_name_keeps_its_first_syllable():
    found = [u.text for u in find_units("联合纳金街道路北社区、嘎玛贡桑街道甲玛岗社区开展活动")]
    assert "嘎玛贡桑街道" in found


def test_a_community_name_the_gazetteer_knows_only_shorter_keeps_its_own_words_unless_they_read_as_no_name():
    found = [(u.text, u.cls) for u in find_units("东川区石门街道山水名园社区党委牵头开展活动")]
    assert ("山水名园社区", "Community") in found
    found = [(u.text, u.cls) for u in find_units("9月9日,陆城解放社区召开联席会")]
    assert ("解放社区", "Community") in found


def test_a_registered_name_of_one_verb_word_and_a_count_before_a_suffix():
    found = [u.text for u in find_units("中国邮储银行、鄞州银行、建设银行八家银行共同协办。") if not u.bare]
    assert found == ["中国邮储银行", "鄞州银行", "建设银行"]
    found = [u.text for u in find_units("成华区国资系统党委、成华城投公司党委赴石门村") if not u.bare]
    assert "成华城投公司党委" in found
    assert [u.text for u in find_units("东川区深圳大学城社区党委举办活动") if u.cls == "Organization"] == []


def test_a_former_name_marker_is_no_part_of_a_village():
    assert ("西何家村", "Community") in [(u.text, u.cls) for u in find_units("是在原西何家村拆迁改造基础上建立的")]


def test_two_fields_joined_in_a_department_name_stay_one_name():
    found = [u.text for u in find_units("软件与网络工程系教工党支部书记王敏、东川大学大数据与人工智能学院党委书记李刚")]
    assert "软件与网络工程系教工党支部" in found
    assert "东川大学大数据与人工智能学院" in found
    assert "东川市文化发展和山地旅游联合党支部" in [u.text for u in find_units("东川市文化发展和山地旅游联合党支部")]
    found = [u.text for u in find_units("青松社区党委与辖区学校党支部开展活动")]
    assert "学校党支部" in found and not any("与" in f for f in found)


def test_organs_and_offices_of_party_committees_are_units():
    found = [(u.text, u.cls) for u in find_units("东川区委两新工委、县政协办、东川市委政研室联合党支部、东川市委社工部参加")]
    assert ("东川区委两新工委", "PartyOrganization") in found
    assert ("县政协办", "Organization") in found
    assert ("东川市委政研室", "Organization") in found
    assert ("东川市委社工部", "Organization") in found
    assert ("中共东川区委", "PartyOrganization") in [(u.text, u.cls) for u in find_units("中共东川区委常委王林")]
    assert any(t.endswith("青松岭联合党委") and c == "PartyOrganization" for t, c in [(u.text, u.cls) for u in find_units("东川青松岭联合党委书记")])


def test_a_city_written_without_its_ending_opens_a_name_though_jieba_reads_a_verb():
    assert "包头师范学院" in [u.text for u in find_units("街道党工委与包头师范学院签约")]


def test_a_village_the_gazetteer_knows_right_after_its_town_keeps_its_first_character():
    assert "对门山村" in [u.text for u in find_units("一行到贞丰县龙场镇对门山村开展活动")]
    assert "青云社区" in [u.text for u in find_units("实地了解完青云社区的日常工作")]


def test_federations_and_joint_foundations_are_units():
    found = [u.text for u in find_units("东川市文联、东川日报社、河东慈善联合基金会等共建单位代表")]
    assert {"东川市文联", "东川日报社", "河东慈善联合基金会"} <= set(found)


def test_a_person_acting_for_a_branch_is_no_part_of_its_name():
    found = [u.text for u in find_units("会上,王丽代表机电系党支部向青松社区党支部捐赠书籍")]
    assert "机电系党支部" in found and not any(f.startswith("王丽") for f in found)


def test_a_democratic_partys_committee_keeps_the_partys_name():
    found = [(u.text, u.cls) for u in find_units("农工党东川市石门支委会主委王林")]
    assert ("农工党东川市石门支委会", "PartyOrganization") in found


def test_a_shop_name_keeps_the_brand_before_its_branch():
    assert "华润万家超市东川分店党支部" in [u.text for u in find_units("华润万家超市东川分店党支部与青松社区结对")]


@pytest.mark.parametrize("sentence, expected", [
    ("共建单位青山县第三中学、宏达物业项目公司开展活动", [("青山县第三中学", "Organization"),
                                                        ("宏达物业项目公司", "Organization")]),
    ("他们来到东湖区青松街办河湾社区", [("东湖区", "District"), ("青松街办", "Street"), ("河湾社区", "Community")]),
    ("城关区西桥街道柳溪新村社区开展活动", [("城关区", "District"), ("西桥街道", "Street"), ("柳溪新村社区", "Community")]),
    ("柳园管理所为活动安排了场地", [("柳园管理所", "Organization")]),
])
def test_mentions_numbered_schools_company_words_street_offices_and_village_communities(sentence, expected):
    assert units(sentence) == expected


def test_mentions_a_bar_in_a_title_ends_a_name():
    from dangjian.loaders.text.text import for_matching
    assert units(for_matching("共建启新篇丨青松街道河湾社区签约")) == [("青松街道", "Street"), ("河湾社区", "Community")]


def test_mentions_a_verb_jieba_tags_as_a_place_opens_no_community():
    assert units("宣传美化社区、垃圾分类等知识") == []


def test_mentions_an_autonomous_county_written_short_is_a_district():
    found = find_units("为西宁市城东区东兴社区、大通县小石山社区授牌")
    by_text = {u.text: u for u in found}
    assert by_text["大通县"].cls == "District" and by_text["小石山社区"].parent.text == "大通县"


@pytest.mark.parametrize("sentence, expected", [
    ("翠湖苑社区党支部发出倡议", [("翠湖苑社区", "Community"), ("翠湖苑社区党支部", "PartyOrganization")]),
    ("联合园林大学测绘学院党支部开展活动", [("园林大学测绘学院", "Organization"),
                                          ("园林大学测绘学院党支部", "PartyOrganization")]),
    ("市青年工作协会党支部参加", [("市青年工作协会", "Organization"),
                                  ("市青年工作协会党支部", "PartyOrganization")]),
    ("党员“进社区”暨青松街道工委主题党日活动举行", [("青松街道", "Street"), ("青松街道工委", "PartyOrganization")]),
])
def test_mentions_compound_named_communities_field_named_schools_and_joined_titles(sentence, expected):
    assert units(sentence) == expected


@pytest.mark.parametrize("sentence", ["各学院都来了", "学院和大学都来了", "专业的研究所"])
def test_mentions_a_school_without_a_field_is_no_name(sentence):
    assert units(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("社区联合志愿服务队、钟平卫生服务中心共同开展义诊", [("钟平卫生服务中心", "Organization")]),
    ("三一五机械有限责任公司、青山县农科所等单位参加", [("三一五机械有限责任公司", "Organization"),
                                                     ("青山县农科所", "Organization")]),
    ("社区引进了爱之桥社会工作服务中心", [("爱之桥社会工作服务中心", "Organization")]),
])
def test_mentions_unknown_names_numbered_works_institutes_and_names_with_zhi(sentence, expected):
    assert units(sentence) == expected


def test_mentions_a_listed_branch_naming_its_own_unit_is_not_hosted_like_the_one_before():
    found = {u.text: u for u in find_units("省青年工作协会党支部、省地理学学会党支部和辖区非公党支部参加")}
    assert found["省青年工作协会党支部"].parent.text == "省青年工作协会"
    assert found["省地理学学会党支部"].parent is None and found["省地理学学会党支部"].sibling is None
    assert "辖区非公党支部" not in found


def test_mentions_a_property_alliance_branch_names_no_property_company():
    assert units("翠湖雅苑红色物业联盟党支部成立") == [("翠湖雅苑", "ResidentialCompound"),
                                                      ("翠湖雅苑红色物业联盟党支部", "PartyOrganization")]


def test_mentions_a_sectors_working_committee_and_a_branch_of_a_committee_named_short():
    found = {u.text: u for u in find_units("区教育卫生工作党委机关支部与青松社区党总支结对,青山区卫健委机关党支部参加")}
    assert found["区教育卫生工作党委"].cls == "PartyOrganization"
    assert found["区教育卫生工作党委机关支部"].parent.text == "区教育卫生工作党委"
    assert found["青山区卫健委机关党支部"].parent is None  # the health committee's branch, not the district's


def test_mentions_an_institute_named_short_by_its_discipline():
    assert units("市社科院历史学所党支部参加,学校位于大学所在的街道") == [
        ("市社科院历史学所", "Organization"), ("市社科院历史学所党支部", "PartyOrganization")]


def test_mentions_streets_and_communities_in_general_are_no_units():
    assert find_units("与街道社区共创共建是一种很好的方式") == []


def test_mentions_a_street_office_written_jie_ban_shi_chu_is_an_organization_not_a_street():
    found = [(u.text, u.cls) for u in find_units("到东湖区东风街办事处青松社区开展活动")]
    assert ("东风街办事处", "Organization") in found and ("青松社区", "Community") in found
    assert ("东风街办", "Street") not in found
    assert [(u.text, u.cls) for u in find_units("东风街办组织居民")] == [("东风街办", "Street")]


def test_mentions_a_committee_over_social_organizations_keeps_its_place():
    found = [(u.text, u.cls) for u in find_units("发挥东川市社会组织党委桥梁纽带作用")]
    assert ("东川市社会组织党委", "PartyOrganization") in found
