"""An HTML article page to its body text and metadata (stdlib parser only), and the charset the page declares."""
from __future__ import annotations

import re
from dataclasses import dataclass

from dangjian.loaders.html.html_body import article_body
from dangjian.loaders.html.html_meta import page_meta
from dangjian.loaders.html.html_tree import parse_html

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_LOOKS_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|p|div|article|br)[\s/>]", re.I)


@dataclass(frozen=True)
class HtmlArticle:
    """What a page yields: body text with paragraphs separated by "\\n", and whatever metadata it carries."""

    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None


def html_article(markup: str) -> HtmlArticle:
    """Body and metadata of an article page; scripts, styles, navigation, header and footer are left out.

    >>> a = html_article("<title>党建_苏州日报</title><nav>首页</nav><article><p>蠡口社区<br>建元社区</p></article>")
    >>> a.title, a.text
    ('党建', '蠡口社区\\n建元社区')
    """
    root = parse_html(markup)
    block, text = article_body(root)
    return HtmlArticle(text=text, **page_meta(root, block))


def declared_charset(head: bytes) -> str | None:
    """The charset a page names in its first bytes (`<meta charset=gbk>`), if any."""
    match = _CHARSET.search(head[:4096])
    return match[1].decode("ascii").lower() if match else None


def looks_like_html(text: str) -> bool:
    """True when `text` has HTML markup near its start (a JSON record's body, a file without extension)."""
    return bool(_LOOKS_HTML.search(text[:2000]))
