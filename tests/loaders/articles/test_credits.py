"""Credit lines of news sites and papers: who wrote, edited or photographed an article."""
import pytest

from dangjian.loaders.articles.credits import closing_credits, is_meta_line, lead_credits, photo_credits, read_credits
from dangjian.loaders.articles.segment import segment


def test_credits_header_line_tells_authors_from_editors():
    found = read_credits("2025-03-08 09:12:40  作者: 韩冬梅  来源: 某某新闻网   责任编辑: 孟庆山")
    assert found.authors == ["韩冬梅"] and found.others == ["孟庆山"]


def test_credits_a_name_ending_in_a_role_character_is_still_a_name():
    assert read_credits("编辑:江文 责任编辑:周图").others == ["江文", "周图"]


@pytest.mark.parametrize("lead, names", [
    ("本网讯(记者 韩冬梅 通讯员 孟庆山)3月8日,", ["韩冬梅", "孟庆山"]),
    ("某某新闻网4月2日电 (韩冬梅 孟庆山)为进一步", ["韩冬梅", "孟庆山"]),
    ("东川讯(东川日报记者 韩冬梅)近日,", ["韩冬梅"]),
    ("某某融媒讯(记者韩冬梅)4月2日,", ["韩冬梅"]),
    ("晚报讯 记者韩冬梅报道:周末,", ["韩冬梅"]),
    ("基层网5月1日讯(通讯员韩冬梅 孟庆山 阿依古丽·吐尔逊)", ["韩冬梅", "孟庆山", "阿依古丽·吐尔逊"]),
])
def test_credits_open_a_lead_in_the_forms_of_news_sites(lead, names):
    found = lead_credits(lead)
    assert found is not None and found[1].authors == names


def test_credits_a_bracket_of_names_closes_a_paragraph():
    assert closing_credits("全面推进乡村振兴。(图文/韩冬梅 孟庆山)")[1].authors == ["韩冬梅", "孟庆山"]
    assert closing_credits("形成良好氛围。(城北组)") is None


def test_credits_photographers_are_people_not_authors():
    assert photo_credits("志愿者清理楼道 东川日报记者 孟庆山 摄") == ["孟庆山"]
    assert photo_credits("居民排队体检 摄影 孟庆山") == ["孟庆山"]
    assert photo_credits("近日,在东川社区党群服务中心,居民们排练山歌。孟庆山 摄") == ["孟庆山"]


@pytest.mark.parametrize("line", ["当前版: A05版 上一版  下一版", "第04版:社会直通车", "来源:某区统战 发布时间:2025-04-13 20:30 点击数:142",
                                  "分享到", "|", "星期一", "国内统一刊号:CN00-0000 某某日报社出版"])
def test_credits_page_furniture_is_no_title_and_no_text(line):
    assert is_meta_line(line)


@pytest.mark.parametrize("line", ["您所在的位置:东川新闻网 >> 基层动态 >> 正文",
                                  "您当前所在的位置:首页 > 最新动态 > 社区活动 > 东川社区举办邻里节",
                                  "某某省政协主管主办国内统一刊号:CN00-0000 某某时报社出版"])
def test_credits_a_breadcrumb_and_a_papers_registration_line_are_no_title(line):
    assert is_meta_line(line)
    (article,) = segment(f"{line}\n东川社区举办邻里节\n近日,东川社区党委在社区广场举办邻里节,居民们共度欢乐时光。\n")
    assert article.title == "东川社区举办邻里节"


def test_credits_angle_brackets_inside_a_sentence_are_no_breadcrumb():
    assert not is_meta_line("近日,东川社区推出“<新>服务”和“<邻里>议事”两项举措。")
    assert not is_meta_line("东川社区推出“a>b>c”议事平台")


def test_credits_page_furniture_does_not_become_an_article():
    page = ("当前版: A05版 上一版  下一版\n\n东川社区举办邻里节\n2025-03-08 09:12:40  作者: 韩冬梅  来源: 东川日报  责任编辑: 孟庆山\n\n"
            "近日,东川社区党委在社区广场举办邻里节,居民们共度欢乐时光。\n")
    (article,) = segment(page)
    assert article.title == "东川社区举办邻里节"
    assert article.authors == ["韩冬梅"] and article.credits == ["孟庆山"]


def test_credits_subheadings_of_an_article_without_bylines_stay_in_it():
    page = ("东川社区探索基层治理新路子\n\n近日,东川社区党委推出多项举措,服务辖区居民。\n\n"
            "社区党员齐上阵:交叉任职强基础\n\n今年以来,社区推行党员与网格员交叉任职,效果明显。\n")
    (article,) = segment(page)
    assert "社区党员齐上阵:交叉任职强基础" in article.subheadings


def test_credits_name_the_media_of_a_page():
    assert read_credits("来源:东川网-东川日报 作者:韩冬梅").media == ["东川网", "东川日报"]
    assert lead_credits("东川网2月3日讯(本网记者 韩冬梅)近日,")[1].media == ["东川网"]
    assert lead_credits("东川讯(东川日报记者 韩冬梅)近日,")[1].media == ["东川日报"]


def test_credits_media_become_organizations_of_the_article():
    from dangjian.loaders.read.document import Document
    from dangjian.loaders.load.extract_step import extract_document
    from dangjian.loaders.load.options import LoadOptions
    text = "东川社区举办邻里节\n2025-03-08 作者: 韩冬梅 来源: 东川日报\n\n近日,东川社区党委举办邻里节。\n"
    (result,) = extract_document(Document(path="t.txt", text=text, kind="text"), LoadOptions())
    assert ("东川日报", "Organization") in {(e.label, e.cls) for e in result.facts.entities.values()}


def test_credits_a_line_of_the_article_with_a_colon_is_no_header():
    assert not is_meta_line("活动时间:每周六上午,地点:社区党群服务中心")
    assert is_meta_line("日期:11-10")


def test_credits_a_byline_line_with_names_holding_a_middle_dot():
    page = "东川社区共育团结之花\n\n本报记者 韩冬梅 通讯员 阿依古丽·吐尔逊 买买提·艾力\n\n近日,东川社区党委开展活动。\n"
    (article,) = segment(page)
    assert article.authors == ["韩冬梅", "阿依古丽·吐尔逊", "买买提·艾力"]


def test_credits_a_phrase_opening_with_wen_is_no_credit():
    assert read_credits("美丽青城 文明花开").authors == []
    assert read_credits("文 张三 图 李四").authors == ["张三"]


def test_credits_a_hotline_line_is_page_furniture():
    assert is_meta_line("广告热线:(0997)2122100 2135001订阅热线")
    assert not is_meta_line("社区开通服务热线,居民满意。")


def test_the_opening_words_of_an_untitled_article_leave_out_its_dateline_and_date():
    from dangjian.loaders.articles.credits import opening_words
    lead = "东川网讯(通讯员 王林 李红)11月23日下午,青松社区党支部联合区司法局机关党支部开展了主题党日活动。"
    assert opening_words(lead).startswith("青松社区党支部联合")
    assert opening_words("近日,青松社区开展活动。") == "青松社区开展活动"


def test_an_untitled_article_is_also_known_by_its_opening_words():
    from article_helpers import facts_of
    from dangjian.loaders.rdf.ntriples import to_ox
    from dangjian.loaders.rdf.to_rdf import article_triples
    result, _, _ = facts_of("东川网讯(通讯员 王林)11月23日下午,青松社区党支部开展了主题党日活动,党员们参加。\n")
    activity = {"version": "test", "time": "2026-01-01T00:00:00Z"}
    labels = {t.object.value for t in to_ox(article_triples(result.facts, "a1", activity=activity, content_hash="h"))
              if t.predicate.value.endswith("altLabel")}
    assert any(label.startswith("青松社区党支部开展") for label in labels)


@pytest.mark.parametrize("line", [
    "要闻 | 视频 | 原创 | 市州新闻",
    "晨报集团旗下媒体: 晨报 |晚报 |新闻网 |农垦报 返回首页",
    "《青山日报》 《青山晚报》 《青山法制报》",
    "2025年02月13日",
    "3上一篇  下一篇4 2021年10月26日 放大 缩小 默认",
    "上一期",
])
def test_credits_menus_mastheads_and_lone_dates_are_page_furniture(line):
    assert is_meta_line(line)


def test_credits_a_title_with_one_bar_is_no_menu():
    assert not is_meta_line("党建联盟 | 青松社区签约共建")


def test_credits_a_remark_in_brackets_after_a_credited_name():
    assert read_credits("青松街道河湾社区通讯员:周文(未经作者授权,转载需注明出处)").authors == ["周文"]


@pytest.mark.parametrize("line, medium", [
    ("东北网黑河12月4日讯 近日,社区开展活动。", "东北网"),
    ("青山新闻网  10-07-08 12:31 打印本页", "青山新闻网"),
    ("来源:青山日报 作者:周文", "青山日报"),
])
def test_credits_the_medium_of_a_lead_a_site_header_or_a_source(line, medium):
    from dangjian.loaders.articles.credits import media_names
    assert medium in media_names(line)


def test_credits_a_byline_line_names_its_paper():
    from dangjian.loaders.articles.segment import segment
    (article,) = segment("河湾社区办起长桌宴\n青山晚报记者 曾明 通讯员 翟丽\n近日,河湾社区办起长桌宴。\n")
    assert "青山晚报" in article.media


def test_credits_a_closing_credit_in_brackets_names_its_paper_apart_from_the_role():
    from dangjian.loaders.articles.segment import segment
    (article,) = segment("河湾社区办起长桌宴\n近日,河湾社区办起长桌宴。(青山晚报 记者 曾明)\n")
    assert article.media == ["青山晚报"] and article.authors == ["曾明"]
    (article,) = segment("河湾社区办起长桌宴\n近日,河湾社区办起长桌宴。(社区 记者 曾明)\n")
    assert article.media == []


@pytest.mark.parametrize("line, author, unit", [("(东川县政协提案委:韩冬梅)", "韩冬梅", "东川县政协提案委"),
                                                ("(供稿:校机关党委 韩冬梅) |", "韩冬梅", "校机关党委")])
def test_credits_a_closing_bracket_names_the_unit_that_supplied_the_article_and_its_writer(line, author, unit):
    (article,) = segment(f"东川社区举办邻里节\n近日,东川社区党委在社区广场举办邻里节,居民们共度欢乐时光。\n{line}\n")
    assert article.authors == [author] and unit in article.byline_units
    assert line.rstrip(" |") not in article.paragraphs


def _organizations(text: str) -> set[str]:
    from dangjian.loaders.read.document import Document
    from dangjian.loaders.load.extract_step import extract_document
    from dangjian.loaders.load.options import LoadOptions
    (result,) = extract_document(Document(path="t.txt", text=text, kind="text"), LoadOptions())
    return {e.label for e in result.facts.entities.values() if e.cls == "Organization"}


def test_credits_a_source_office_and_a_paper_named_by_its_kind_become_organizations():
    text = ("东川社区举办邻里节\n来源:青松街办事处 时间:2025-03-08 09:12:40\n\n近日,东川社区党委举办邻里节。\n")
    assert "青松街办事处" in _organizations(text)
    text = "东川社区举办邻里节\n来源:东川企业报\n\n近日,东川社区党委举办邻里节。\n"
    assert "东川企业报" in _organizations(text)


def test_credits_a_source_unit_the_text_writes_by_its_level_is_not_named_twice():
    text = "东川社区举办邻里节\n来源:东川区妇联\n\n近日,区妇联与东川社区党委举办邻里节。\n"
    assert "东川区妇联" not in _organizations(text)
