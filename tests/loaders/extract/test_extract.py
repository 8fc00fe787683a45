"""What one article yields, fact by fact, on small hand-written articles from several places."""
from article_helpers import facts_of, posts


VILLAGE = """西塘村党建引领乡村振兴

近日,嘉善县西塘镇西塘村党总支联合嘉善农商银行西塘支行党支部开展“金融进村”主题党日活动,为村民讲解防范电信诈骗知识。

西塘村党总支书记、村委会主任沈建国说,村里将与银行结对共建,把金融服务送到村民家门口。

记者 陆晓东 通讯员 钱敏
"""


def test_extract_village_party_branch_cobuilds_with_a_bank_branch():
    result, triples, types = facts_of(VILLAGE)
    assert result.article.authors == ["陆晓东", "钱敏"]
    assert ("西塘村", "Community") in types and ("西塘村党总支", "PartyOrganization") in types
    assert ("西塘村党总支", "hostUnit", "西塘村") in triples
    assert ("嘉善农商银行西塘支行党支部", "PartyOrganization") in types
    assert ("西塘村党总支", "coBuildsWith", "嘉善农商银行西塘支行党支部") in triples
    event = next(label for label, cls in types if cls == "Event")
    assert "金融进村" in event
    assert (event, "organizer", "西塘村党总支") in triples
    assert (event, "partner", "嘉善农商银行西塘支行党支部") in triples


def test_extract_one_person_two_posts_in_a_village():
    _, triples, _ = facts_of(VILLAGE)
    assert posts(triples) >= {("沈建国", "西塘村党总支", "党总支书记"), ("沈建国", "西塘村委会", "村委会主任")}


STREET = """江汉路街道推进“红色物业”

本报讯(记者 周琳)7月10日,武汉市江汉区江汉路街道前进社区党委与湖北楚天物业服务有限公司党支部签订共建协议。

街道党工委副书记刘洋表示,下一步将在辖区推广这一做法。该社区党委书记王芳介绍,社区已建立“红色物业”联席会议机制。
"""


def test_extract_street_article_places_posts_and_cobuilding():
    result, triples, types = facts_of(STREET, date="2024-07-11")
    assert result.article.authors == ["周琳"]
    assert ("前进社区", "partOf", "江汉路街道") in triples
    assert ("江汉路街道", "partOf", "江汉区") in triples
    assert ("前进社区党委", "coBuildsWith", "湖北楚天物业服务有限公司党支部") in triples
    assert ("湖北楚天物业服务有限公司党支部", "hostUnit", "湖北楚天物业服务有限公司") in triples
    assert ("刘洋", "江汉路街道党工委", "党工委副书记") in posts(triples)
    assert ("王芳", "前进社区党委", "党委书记") in posts(triples)
    assert ("红色物业", "Program") in types


def test_extract_event_date_resolved_against_the_article_date():
    _, triples, _ = facts_of("石牌岭社区开展义诊\n\n7月15日,石牌岭社区联合武汉市第三医院开展义诊活动,为老年人测量血压。\n",
                             date="2024-07-20")
    dates = {o for s, p, o in triples if p == "date"}
    assert dates == {"2024-07-15"}
    assert any(p == "audience" and o == "老年人" for s, p, o in triples)
    assert ("石牌岭社区", "coBuildsWith", "武汉市第三医院") in triples


def test_extract_relative_dates_keep_the_phrase_without_an_article_date():
    _, triples, _ = facts_of("石牌岭社区开展义诊\n\n近日,石牌岭社区开展义诊活动。\n")
    assert {(p, o) for s, p, o in triples if p in ("date", "dateText")} == {("dateText", "近日")}


def test_extract_bare_references_follow_the_article_unit():
    _, triples, types = facts_of("情系新业态\n\n近日,夏家桥社区开展关爱活动。\n\n社区联合南京银行开展了“夏日送清凉”活动。\n")
    assert ("夏家桥社区", "coBuildsWith", "南京银行") in triples
    assert ("夏日送清凉活动", "organizer", "夏家桥社区") in triples


def test_extract_every_fact_points_at_its_sentence():
    result, _, _ = facts_of(STREET)
    text = result.facts.text
    for fact in result.facts.facts:
        sentence = text[fact.evidence.start:fact.evidence.end]
        assert sentence and "\n" not in sentence


def test_extract_hostile_names_stay_text():
    result, _, types = facts_of("“<script>alert(1)</script>”品牌\n\n近日,某社区打造“<img src=x onerror=alert(1)>”服务品牌。\n")
    labels = {label for label, _ in types}
    assert "<img src=x onerror=alert(1)>" in labels
    assert all(str(t.subject).startswith("<") for t in result.triples)


def test_extract_gazetteer_containment_between_named_places_is_a_fact_of_the_article():
    _, triples, _ = facts_of("南京市召开会议\n\n南京市委组织部近日在鼓楼区召开基层党建工作推进会。\n")
    assert ("鼓楼区", "partOf", "南京市") in triples


def test_extract_containers_the_article_does_not_name_are_no_facts_of_it():
    result, triples, _ = facts_of("鼓楼区开展活动\n\n近日,南京市鼓楼区宁海路街道开展志愿服务。\n")
    assert ("宁海路街道", "partOf", "鼓楼区") in triples
    assert not any(p == "partOf" and o == "江苏省" for s, p, o in triples)
    gazetteer = {str(t.predicate) for t in result.gazetteer}
    assert "<https://w3id.org/dangjian/ontology#withinArea>" in gazetteer
    assert "<https://w3id.org/dangjian/ontology#partOf>" not in gazetteer


def test_extract_a_village_secretary_with_no_committee_named_holds_a_post_on_the_village():
    _, triples, _ = facts_of("石桥村见闻\n\n走进东川县石桥村,记者见到村支书韩冬生时,他正在调解矛盾。\n")
    assert ("韩冬生", "石桥村", "村支书") in posts(triples)


def test_extract_a_township_head_holds_a_post_on_the_township_the_text_names():
    _, triples, _ = facts_of("石桥乡调研\n\n近日,东川县石桥乡乡长韩冬生带队走访农户。\n")
    assert ("韩冬生", "石桥乡", "乡长") in posts(triples)


def test_extract_a_first_secretary_holds_the_post_in_the_villages_named_committee():
    text = ("石桥村的变化\n\n石桥村党总支组织党员学习。\n\n"
            "2023年,东川县农业农村局选派韩冬生到石桥村任第一书记。驻村第一书记韩冬生说,村里变化很大。\n")
    _, triples, _ = facts_of(text)
    assert ("韩冬生", "石桥村党总支", "第一书记") in posts(triples)


def test_extract_a_short_form_of_a_unit_named_before_is_that_unit():
    text = ("结对帮扶\n\n近日,东川县农业农村局机关党委与石桥村党总支结对。此后,局机关党委还联合银行开展培训。\n")
    _, _, types = facts_of(text)
    assert ("局机关党委", "PartyOrganization") not in types


def test_extract_zhi_shu_inside_zong_zhi_shu_ji_is_no_title():
    _, triples, types = facts_of("石桥村\n\n近日,石桥村党总支书记韩冬生介绍了情况。\n")
    assert ("韩冬生", "石桥村党总支", "党总支书记") in posts(triples)
    assert not any(label.startswith("记") for label, cls in types if cls == "Person")


def test_extract_gazetteer_containment_skips_no_level():
    # the text names the district, not the street the gazetteer puts the community in: no fact either way
    _, triples, _ = facts_of("蠡口社区开展活动\n\n近日,苏州市相城区召开会议。会后,蠡口社区开展志愿服务。\n")
    assert not any(s == "蠡口社区" and p == "partOf" and o in ("相城区", "苏州市") for s, p, o in triples)


def test_extract_a_party_organization_with_a_name_of_its_own_is_not_hosted_by_the_community():
    _, triples, _ = facts_of("新竹社区\n\n近日,中国太平广西区域工委与青秀区新竹社区党委开展结对交流活动。\n")
    assert not any(s.endswith("区域工委") and p == "hostUnit" and o == "新竹社区" for s, p, o in triples)


def test_extract_a_joint_event_with_a_named_project_branch_shows_co_building():
    _, triples, _ = facts_of("乐陶社区\n\n6月29日,东川轨道交通24号线项目党支部与乐陶社区党支部联合开展了“同心向党”主题党日活动。\n")
    assert any(p == "coBuildsWith" and {s, o} == {"东川轨道交通24号线项目党支部", "乐陶社区党支部"} for s, p, o in triples)


def test_extract_a_unit_travelled_to_is_where_the_event_was_not_who_held_it():
    _, triples, _ = facts_of("结对活动\n\n4月17日,东川银行党支部党员赴石桥村开展“金融知识进万家”宣讲活动。\n")
    assert not any(p == "organizer" and o == "石桥村" for s, p, o in triples)


def test_extract_the_subject_clause_of_a_joint_visit_holds_the_event():
    text = ("青松社区\n\n5月26日,东川供电公司党支部携手东川轨道集团党支部走进青松社区,"
            "共同开展了主题为“粽香邻里”的志愿服务活动。\n")
    _, triples, _ = facts_of(text)
    assert ("粽香邻里", "organizer", "东川供电公司党支部") in triples
    assert ("粽香邻里", "partner", "东川轨道集团党支部") in triples
    assert ("粽香邻里", "organizer", "青松社区") not in triples


def test_extract_a_list_of_branches_signs_with_the_village_and_not_with_each_other():
    text = ("结对签约\n\n会上,县城管局供水支部、排水支部、绿化支部和东川酒业华东第二支部与青山镇石门村支部进行签约。\n")
    _, triples, types = facts_of(text)
    for branch in ("县城管局供水支部", "排水支部", "绿化支部", "东川酒业华东第二支部"):
        assert (branch, "PartyOrganization") in types
        assert any(p == "coBuildsWith" and {s, o} == {branch, "石门村支部"} for s, p, o in triples)
    assert ("排水支部", "hostUnit", "县城管局") in triples
    assert not any(p == "hostUnit" and o == "石门村" and s != "石门村支部" for s, p, o in triples)
    assert not any(p == "coBuildsWith" and {s, o} == {"排水支部", "绿化支部"} for s, p, o in triples)


def test_extract_a_departments_branch_is_not_hosted_by_the_community_it_visits():
    text = "双报到\n\n5月10日,东川数据中心运维部党支部到结对社区青松社区开展志愿服务活动。\n"
    _, triples, _ = facts_of(text)
    assert not any(s == "运维部党支部" and p == "hostUnit" and o == "青松社区" for s, p, o in triples)


def test_extract_units_listed_before_a_signed_agreement_cobuild_with_each_other():
    text = ("三方共建\n\n最后,东川街道青松社区水厂生活区党支部、东川市第二人民医院后勤党支部、东川建工八分公司党支部"
            "签署三方党建共建协议书。\n")
    _, triples, types = facts_of(text)
    signers = ["水厂生活区党支部", "东川市第二人民医院后勤党支部", "东川建工八分公司党支部"]
    assert all((name, "PartyOrganization") in types for name in signers)
    for i, a in enumerate(signers):
        for b in signers[i + 1:]:
            assert any(p == "coBuildsWith" and {s, o} == {a, b} for s, p, o in triples)


def test_extract_communities_listed_after_with_do_not_cobuild_with_each_other():
    text = "共建\n\n2月11日,东川街道青松社区与西山街道红星社区、白云社区共联共建活动如期举行,并签订了共联共建协议。\n"
    _, triples, _ = facts_of(text)
    assert not any(p == "coBuildsWith" and {s, o} == {"红星社区", "白云社区"} for s, p, o in triples)
    assert any(p == "coBuildsWith" and {s, o} == {"青松社区", "白云社区"} for s, p, o in triples)


def test_extract_a_short_unit_word_before_a_branch_is_the_unit_named_before():
    text = ("青松社区\n\n7月2日,东川区文化馆党支部与青松社区党支部结成共建单位,"
            "文化馆党支部书记张明远与社区党支部书记陈秀兰出席签约仪式。\n")
    _, triples, _ = facts_of(text)
    assert ("张明远", "东川区文化馆党支部", "党支部书记") in posts(triples)


def test_extract_a_county_government_written_alone_is_the_named_countys():
    text = "朝阳村签约\n\n9月28日,宁陕县皇冠镇朝阳村举行签约活动。县政府副县长周立新参加活动。\n"
    _, triples, types = facts_of(text)
    assert ("宁陕县政府", "Organization") in types
    assert ("周立新", "宁陕县政府", "副县长") in posts(triples)


def test_extract_a_signing_ceremony_is_held_by_the_units_that_sign():
    text = ("结对共建\n\n3月1日,东川区档案馆党支部与青山街道石桥社区签订共建协议。"
            "在签约仪式上,石桥社区负责人表示,将加强交流。\n")
    _, triples, _ = facts_of(text)
    assert ("签约仪式", "organizer", "东川区档案馆党支部") in triples
    assert ("签约仪式", "organizer", "石桥社区") in triples


def test_extract_units_after_a_partner_noun_cobuild_with_the_subject_list():
    text = ("双报到\n\n5月10日下午,东川数据局综合部党支部、东川数据局运维部党支部,"
            "一同到结对联系社区青山街道石桥社区开展志愿服务活动。"
            "东川供电公司党委深入联点帮扶村白沙镇石门村、红石镇柳树村开展慰问活动。\n")
    _, triples, _ = facts_of(text)
    pairs = {frozenset((s, o)) for s, p, o in triples if p == "coBuildsWith"}
    assert frozenset(("东川数据局综合部党支部", "石桥社区")) in pairs
    assert frozenset(("东川数据局运维部党支部", "石桥社区")) in pairs
    assert frozenset(("东川供电公司党委", "石门村")) in pairs and frozenset(("东川供电公司党委", "柳树村")) in pairs


def test_extract_the_subject_of_a_disposal_clause_pairs_with_the_units_after_with():
    text = ("楼院联盟\n\n青松社区党委发挥引领作用,将社区5个楼院与东川影院有限责任公司、东川电信分公司等5家单位进行联合,"
            "打造楼院党建联盟。\n")
    _, triples, _ = facts_of(text)
    pairs = {frozenset((s, o)) for s, p, o in triples if p == "coBuildsWith"}
    assert frozenset(("青松社区党委", "东川影院有限责任公司")) in pairs
    assert frozenset(("青松社区党委", "东川电信分公司")) in pairs


def test_extract_units_listed_as_partners_do_not_cobuild_with_each_other():
    text = ("揭牌\n\n活动中,东川市公安局交警支队、东川市第二中学、东川书店等共建单位代表赠送了书籍。\n")
    _, triples, _ = facts_of(text)
    assert not any(p == "coBuildsWith" and {s, o} == {"东川市公安局交警支队", "东川市第二中学"} for s, p, o in triples)


def test_extract_an_activity_the_article_plans_is_no_event():
    text = ("青松社区\n\n5月1日,青松社区开展“邻里守望”志愿服务活动。"
            "下一步,青松社区将继续开展好“我为邻居办实事”实践活动。\n")
    _, triples, types = facts_of(text)
    labels = [label for label, cls in types if cls == "Event"]
    assert any("邻里守望" in label for label in labels)
    assert not any("我为邻居办实事" in label for label in labels)


def test_extract_posts_whose_title_shares_a_character_with_the_unit_or_names_no_committee():
    text = ("调研\n\n5月28日,东川区委组织部长梁文博带队来到石门村。石门村种植经验丰富,党组织书记马志远介绍了情况。\n")
    _, triples, _ = facts_of(text)
    found = posts(triples)
    assert ("梁文博", "东川区委组织部", "部长") in found
    assert ("马志远", "石门村", "书记") in found


def test_extract_the_villages_a_unit_goes_to_are_where_its_event_is_not_who_holds_it():
    text = ("慰问\n\n11月29日,东川供电公司党委深入联点帮扶村白沙镇石门村、红石镇柳树村开展联点帮扶慰问活动。\n")
    _, triples, _ = facts_of(text)
    organizers = {o for s, p, o in triples if p == "organizer"}
    assert "东川供电公司党委" in organizers
    assert not organizers & {"石门村", "柳树村"}


def test_extract_units_a_later_clause_says_acted_jointly_are_partners_and_cobuild_with_the_articles_unit():
    text = ("结对共建\n\n9月20日,东川市气象局与东川区石门村开展了“丰收同心”共建活动,气象局副局长张文带队,"
            "与石门村党总支班子及东川农商银行南山支行党支部、东川区税务局党总支等单位,共同开展了走访慰问。\n")
    _, triples, _ = facts_of(text)
    event = next(s for s, p, o in triples if p == "organizer" and o == "东川市气象局")
    for partner in ("东川农商银行南山支行党支部", "东川区税务局党总支"):
        assert (event, "partner", partner) in triples
        assert any(p == "coBuildsWith" and {s, o} == {partner, "石门村党总支"} for s, p, o in triples)
    assert not any(p == "coBuildsWith" and {s, o} == {"东川农商银行南山支行党支部", "东川区税务局党总支"}
                   for s, p, o in triples)


def test_extract_a_sentence_about_this_event_names_who_led_and_who_joined_it():
    text = ("志愿服务\n\n9月9日,青松街道“屋顶修缮”志愿服务活动启动仪式在石门社区举行。"
            "此次活动由街道党工委牵头,联合东川市建筑业协会及东川建工五公司、东川设计院共同开展。\n")
    _, triples, _ = facts_of(text)
    event = next(s for s, p, o in triples if p == "partner" and o == "东川建工五公司")
    assert (event, "organizer", "青松街道党工委") in triples
    for unit in ("东川市建筑业协会", "东川建工五公司", "东川设计院"):
        assert (event, "partner", unit) in triples
        assert ("青松街道党工委", "coBuildsWith", unit) in triples


def test_extract_units_listed_before_a_clause_that_goes_somewhere_hold_the_event_there():
    text = ("双报到\n\n5月10日下午,东川市数据中心运维部党支部、信息部党支部和东川市档案馆保管二处党支部,"
            "一同到结对社区青松街道石门社区开展“双报到”志愿服务活动。\n")
    _, triples, types = facts_of(text)
    assert ("东川市档案馆保管二处党支部", "PartyOrganization") in types
    organizers = {o for s, p, o in triples if p == "organizer"}
    assert {"东川市数据中心运维部党支部", "信息部党支部", "东川市档案馆保管二处党支部"} <= organizers
    assert "石门社区" not in organizers


def test_extract_a_short_form_or_abbreviation_of_a_unit_is_that_unit_whichever_comes_first():
    text = ("共建\n\n6月1日,高科党支部与青松社区党委座谈。东川清华高科党支部书记王林介绍情况。"
            "东川工贸职院机电系党支部、东川工业贸易职业技术学院机电系党支部和县城管局也参加,舒城县城管局提供场地。\n")
    _, _, types = facts_of(text)
    party = {label for label, cls in types if cls == "PartyOrganization"}
    assert "东川清华高科党支部" in party and "高科党支部" not in party
    assert len({p for p in party if "机电系党支部" in p}) == 1
    orgs = {label for label, cls in types if cls == "Organization"}
    assert "县城管局" not in orgs


def test_extract_two_communities_whose_names_differ_by_a_word_stay_two():
    text = "共建\n\n青松社区党委与青松湖社区党委签订共建协议。\n"
    _, triples, types = facts_of(text)
    assert {("青松社区党委", "PartyOrganization"), ("青松湖社区党委", "PartyOrganization")} <= types


def test_extract_an_event_named_twice_with_and_without_its_kind_is_one_event():
    text = ("结对\n\n5月9日,石门村与东川银行开展“城乡结对、文明共建”结对活动。"
            "“城乡结对、文明共建”活动中,双方走访了困难家庭。\n")
    _, _, types = facts_of(text)
    assert len([label for label, cls in types if cls == "Event"]) == 1


def test_extract_a_village_name_known_only_far_away_is_a_phrase_unless_it_acts_as_a_unit():
    text = ("交流\n\n6月3日,东川区石门镇组织干部交流,促进边界村社经济共同发展。"
            "在青松村召开现场会,农牧村党支部书记李强发言。\n")
    _, _, types = facts_of(text)
    communities = {label for label, cls in types if cls == "Community"}
    assert "边界村" not in communities
    assert {"青松村", "农牧村"} <= communities


def test_extract_a_community_written_long_and_short_is_one_community_named_as_it_stands_alone():
    text = "双报到\n\n7月2日,山水名园社区与东川二中开展活动。名园社区党员王强参加。\n"
    _, _, types = facts_of(text)
    assert {label for label, cls in types if cls == "Community"} == {"山水名园社区"}
    text = "参观\n\n建东社区党委书记李红介绍经验。外地干部前来参观交流建东社区的做法。\n"
    _, _, types = facts_of(text)
    assert {label for label, cls in types if cls == "Community"} == {"建东社区"}


def test_extract_units_listed_as_so_many_units_in_an_article_about_co_building_are_partners():
    text = ("共驻共建\n\n7月8日,青松街道石门社区召开共驻共建联合会。"
            "座谈中,东川市政府办、东川学院、东川区市场监督管理局等多家单位作了交流发言。\n")
    _, triples, _ = facts_of(text)
    for unit in ("东川市政府办", "东川学院", "东川区市场监督管理局"):
        assert any(p == "coBuildsWith" and unit in (s, o) and {s, o} & {"石门社区", "石门社区党委"}
                   for s, p, o in triples), unit
    text = "会议\n\n7月8日,东川市政府办、东川学院等多家单位参加了防汛会议。\n"
    _, triples, _ = facts_of(text)
    assert not any(p == "coBuildsWith" for s, p, o in triples)


def test_extract_no_party_organization_is_set_up_in_a_city_or_in_a_party_committee():
    _, triples, _ = facts_of("联建\n\n东川市文化促进和山地旅游联合党支部与青松社区结对。东川区委两新工委参加。\n")
    hosts = {(s, o) for s, p, o in triples if p == "hostUnit"}
    assert not any(o in ("东川市", "东川区委") for _, o in hosts)


def test_extract_units_listed_as_partners_taking_part_are_partners_of_the_event():
    text = ("党日\n\n8月8日,青松社区党总支以“手拉手、心连心”为主题举行结对共建党日活动,"
            "县委办、县政协办等8个共建单位参加。\n")
    _, triples, types = facts_of(text)
    assert [label for label, cls in types if cls == "Event"] == ["手拉手、心连心"]
    assert {("手拉手、心连心", "partner", u) for u in ("县委办", "县政协办")} <= triples
    text = ("启动\n\n3月14日,青松街道“同心同行”品牌项目发布仪式在街道党群服务中心举行。\n\n"
            "下午3时,东川市文联、东川日报社等共建单位代表有序落座,活动正式启动。\n")
    _, triples, _ = facts_of(text)
    assert {o for s, p, o in triples if p == "partner"} >= {"东川市文联", "东川日报社"}


def test_extract_units_opening_clauses_after_partners_are_counted_are_those_partners():
    text = ("邻里节\n\n近日,东川区青松社区党委以“邻里同乐”为主题举办邻里节,汇聚了12家共建单位的资源。\n\n"
            "东川区税务局机关党支部讲解政策;东川银行南山支行党支部、东川物业有限公司党支部认领心愿,"
            "东川医院党支部开展义诊。\n")
    _, triples, _ = facts_of(text)
    for unit in ("东川区税务局机关党支部", "东川银行南山支行党支部", "东川物业有限公司党支部", "东川医院党支部"):
        assert any(p == "coBuildsWith" and {s, o} == {unit, "青松社区党委"} for s, p, o in triples), unit
        assert ("邻里同乐", "partner", unit) in triples


def test_extract_a_street_that_joins_an_event_is_one_of_its_organizers():
    # the vocabulary's partners are organizations, communities and party organizations; a joint event's street
    # stands with its organizers
    _, triples, _ = facts_of("邻里节\n\n7月3日,青松社区联合东川镇开展“邻里文化节”活动。\n")
    assert ("邻里文化节活动", "organizer", "青松社区") in triples and ("邻里文化节活动", "organizer", "东川镇") in triples
    assert not any(p == "partner" for s, p, o in triples)


def test_extract_places_and_co_building_keep_to_the_vocabulary():
    # a place named again in a run of places is not inside the one before it; a district's tally co-builds nothing
    text = ("韶南村开展活动\n\n3月13日,湘潭市韶山市清溪镇韶山市清溪镇韶南村联合韶山消防救援大队开展“法律进社区”主题活动。"
            "据了解,今年以来,韶山市已有166个社区与驻区单位建立结对共建关系。\n")
    _, triples, _ = facts_of(text)
    assert ("清溪镇", "partOf", "韶山市") in triples and ("韶山市", "partOf", "清溪镇") not in triples
    assert not any(p == "coBuildsWith" and "韶山市" in (s, o) for s, p, o in triples)


def test_extract_units_counted_as_partners_attend_the_meeting_and_cobuild():
    text = ("河湾社区召开联席会议\n\n4月3日,河湾社区召开“携手共建促发展”党建联席会议,青山县人民法院、"
            "青山县邮政管理局两家共建单位相关负责人参会。\n")
    _, triples, _ = facts_of(text)
    for unit in ("青山县人民法院", "青山县邮政管理局"):
        assert cobuild(triples, "河湾社区", unit)
        assert any(p == "partner" and o == unit for s, p, o in triples)


def test_extract_a_community_acting_through_its_station_holds_the_event_and_cobuilds_with_its_partners():
    text = ("河湾社区开展清理行动\n\n近日,青松街道河湾社区新时代文明实践站联合青山县自然资源中心、大连财经学院,"
            "在柳岸小区开展环境卫生集中清理行动,40余名党员参与。\n")
    _, triples, types = facts_of(text)
    assert ("环境卫生集中清理行动", "Event") in types
    assert ("环境卫生集中清理行动", "organizer", "河湾社区") in triples
    for unit in ("青山县自然资源中心", "大连财经学院"):
        assert ("环境卫生集中清理行动", "partner", unit) in triples and cobuild(triples, "河湾社区", unit)


def test_extract_units_that_jointly_build_cobuild_with_a_committee_listed_with_its_centre():
    text = ("河湾社区打造红色阵地\n\n这一阵地,是青松街道河湾社区党委、党群服务中心联合青山县人民法院党支部、"
            "宏达建设项目党支部等近10个组织联合打造的。\n")
    _, triples, _ = facts_of(text)
    assert all(cobuild(triples, "河湾社区党委", unit) for unit in ("青山县人民法院党支部", "宏达建设项目党支部"))


def cobuild(triples, a, b):
    """Whether the triples say a and b co-build, in either order."""
    return (a, "coBuildsWith", b) in triples or (b, "coBuildsWith", a) in triples


def test_extract_a_bare_working_committee_is_the_one_named_before_and_a_title_opens_no_name():
    text = ("市直机关工委进社区\n\n6月18日,市直机关工委到河湾社区开展活动,工委书记杨林、工委委员纪工委书记方正参加。\n")
    _, triples, types = facts_of(text)
    assert ("杨林", "市直机关工委", "书记") in posts(triples)
    assert not any(label.startswith("委员") for label, cls in types)


def test_extract_a_residents_committee_named_stands_for_its_community():
    text = ("河湾社区开展清扫\n\n日前,青松街道农业服务中心及柳岸居委会开展清扫活动,"
            "河湾社区居委会也一同参加。\n")
    _, triples, types = facts_of(text)
    assert ("柳岸社区", "Community") in types and ("河湾社区", "Community") in types
    assert not any(label.endswith("居委会") for label, cls in types)


def test_extract_a_village_named_whole_is_the_same_after_a_preposition_that_looks_like_its_first_character():
    text = ("学院到对门山村开展结对\n\n6月5日,学院一行到贞丰县龙场镇对门山村开展结对活动。"
            "学院向对门山村党支部捐赠了物资。\n")
    _, triples, types = facts_of(text)
    assert ("对门山村", "Community") in types and ("门山村", "Community") not in types


def test_extract_members_settling_in_two_communities_cobuild_with_each_but_the_communities_not_with_each_other():
    text = ("市委党校党支部党员落户社区\n\n5月22日,市委党校党支部18名党员“落户”柳岸社区和河湾社区,"
            "并签订共驻共建协议。\n")
    _, triples, _ = facts_of(text)
    assert cobuild(triples, "市委党校党支部", "柳岸社区") and cobuild(triples, "市委党校党支部", "河湾社区")
    assert not cobuild(triples, "柳岸社区", "河湾社区")


def test_extract_the_issuer_of_a_document_being_implemented_does_not_report_to_the_community():
    text = ("市直机关工委进社区报到\n\n为贯彻落实市委办公厅《关于党员进社区的意见》精神,6月18日,"
            "市直机关工委到河湾社区开展党员进社区报到活动。\n")
    _, triples, _ = facts_of(text)
    assert cobuild(triples, "市直机关工委", "河湾社区") and not cobuild(triples, "市委办公厅", "河湾社区")


def test_extract_a_province_level_joint_branch_is_set_up_in_no_community():
    _, triples, _ = facts_of("测试标题\n青松村党总支、省希望与同心联合党支部等单位在青松村开展主题党日活动。")
    assert not any(s == "省希望与同心联合党支部" and p == "hostUnit" for s, p, o in triples)


def test_extract_a_plan_written_as_a_noun_does_not_make_the_event_after_it_planned():
    _, triples, _ = facts_of("测试标题\n青松街道机关支部与河湾社区党总支结对共建,科学制定共治计划,"
                             "并下沉社区开展“党员进社区,支部办实事”活动。")
    organizers = {o for s, p, o in triples if s == "党员进社区,支部办实事活动" and p == "organizer"}
    assert "青松街道机关支部" in organizers and "河湾社区" not in organizers  # 下沉社区: where, not who


def test_extract_units_acting_with_the_communitys_party_volunteers_co_build_with_it():
    _, triples, _ = facts_of("测试标题\n10月26日,河湾社区党委组织辖区单位、党员志愿者开展了志愿服务系列活动。"
                             "青山机械有限公司、青山县农科所等两家单位主要领导带头与党员志愿者一同开展了“楼道清洁”行动。")
    partners = {o for s, p, o in triples if s == "河湾社区党委" and p == "coBuildsWith"}
    assert partners == {"青山机械有限公司", "青山县农科所"}


def test_extract_an_opening_held_by_some_and_co_hosted_by_others():
    _, triples, _ = facts_of("测试标题\n3月16日,河湾社区“邻里菜园”正式开园,居民报名近300人。"
                             "此次活动由青山区人社局、河湾社区党委主办,青山银行、河湾农商银行两家银行共同协办。")
    roles = {(p, o) for s, p, o in triples if s == "邻里菜园正式开园" and p in ("organizer", "partner")}
    assert {("organizer", "青山区人社局"), ("organizer", "河湾社区党委"),
            ("partner", "青山银行"), ("partner", "河湾农商银行")} <= roles
