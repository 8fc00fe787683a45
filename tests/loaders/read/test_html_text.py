"""Finding an article's body and metadata in HTML pages of the shapes Chinese news sites use."""
from __future__ import annotations

from dangjian.loaders.html.html_text import declared_charset, html_article

PARAGRAPHS = ("<p>近日，建元社区党支部与中国银行相城支行结对共建，开展金融知识进社区活动。</p>"
              "<p>活动现场，银行志愿者为居民讲解防范电信诈骗知识，社区党员积极参与。</p>")
BODY = ("近日，建元社区党支部与中国银行相城支行结对共建，开展金融知识进社区活动。\n"
        "活动现场，银行志愿者为居民讲解防范电信诈骗知识，社区党员积极参与。")


def test_html_text_prefers_the_content_block_over_menus_and_lists():
    page = ('<body><div id="menu"><a>首页</a><a>党建</a></div><div class="wrap"><div class="TRS_Editor">'
            f'<div class="article_con">{PARAGRAPHS}</div></div></div>'
            '<div class="related-list"><p>推荐文章推荐文章推荐文章</p></div></body>')
    assert html_article(page).text == BODY


def test_html_text_page_wrapped_in_a_form_still_reads():
    page = (f'<body><form id="form1"><div class="top"><a>首页</a><a>新闻</a></div><h1>结对共建</h1>'
            f'<div>{PARAGRAPHS}</div></form></body>')
    article = html_article(page)
    assert article.text == BODY and article.title == "结对共建"


def test_html_text_article_header_keeps_headline_and_byline():
    page = (f'<body><header>网站标志</header><article><header><h1>结对共建</h1><p>记者 高达</p></header>'
            f'{PARAGRAPHS}<footer>责任编辑：某某</footer></article></body>')
    assert html_article(page).text == "结对共建\n记者 高达\n" + BODY


def test_html_text_reads_json_ld_metadata():
    ld = ('{"@context": "https://schema.org", "@graph": [{"@type": "WebSite"}, {"@type": "NewsArticle", '
          '"headline": "建元社区结对共建", "datePublished": "2023-07-19T10:00:00+08:00", '
          '"publisher": {"name": "苏州日报"}, "author": [{"name": "高达"}], "url": "https://example.org/x"}]}')
    page = f'<head><script type="application/ld+json">{ld}</script></head><body><main>{PARAGRAPHS}</main></body>'
    article = html_article(page)
    assert (article.title, article.date, article.source, article.author, article.url) == (
        "建元社区结对共建", "2023-07-19", "苏州日报", "高达", "https://example.org/x")
    assert "schema.org" not in article.text


def test_html_text_date_and_source_from_labelled_text():
    page = (f'<body><div class="c"><span>发布时间：2023年07月18日 10:20</span><span>来源：相城区委组织部</span>'
            f'{PARAGRAPHS}</div></body>')
    article = html_article(page)
    assert (article.date, article.source) == ("2023-07-18", "相城区委组织部")


def test_html_text_title_without_site_name():
    page = '<head><title>社区活动 - 相城新闻网</title><meta property="og:site_name" content="相城新闻网"></head>'
    assert html_article(page + f"<body>{PARAGRAPHS}</body>").title == "社区活动"


def test_html_text_source_line_breaks_join_chinese_without_spaces():
    article = html_article("<p>建元社区党支部\n    与银行结对共建。Party\n building 活动</p>")
    assert article.text == "建元社区党支部与银行结对共建。Party building 活动"


def test_html_text_declared_charset():
    assert declared_charset(b'<meta charset="GBK">') == "gbk"
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">') == "gb2312"
    assert declared_charset(b"<p>no charset</p>") is None


def test_html_text_event_time_and_fund_source_are_not_page_metadata():
    page = ('<body><article><p>活动时间：2023年8月1日，地点：社区党群服务中心。</p>'
            '<p>资金来源：社区自筹，建元社区党支部负责组织。</p></article></body>')
    article = html_article(page)
    assert (article.date, article.source) == (None, None)
