"""Metadata of an HTML article page: title, publication date, source, URL and author from meta tags, JSON-LD and text."""
from __future__ import annotations

import json
import re

from dangjian.loaders.html.html_tree import Node
from dangjian.loaders.html.pubdate import normalize_date

_TITLE_KEYS = ("articletitle", "og:title", "twitter:title", "title")
_DATE_KEYS = ("pubdate", "publishdate", "article:published_time", "og:article:published_time", "publish_date",
              "publish-date", "publishtime", "publish_time", "firstpublishedtime", "datepublished",
              "og:release_date", "release_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
              "dcterms.created", "date", "sailthru.date")
_SOURCE_KEYS = ("contentsource", "source", "citation_publisher", "dc.publisher", "publisher")
_SITE_KEYS = ("og:site_name", "sitename", "application-name")
_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "byl")
_TITLE_SEPARATORS = re.compile(r"\s*(?:_|\s-\s|\s\|\s|｜|\s—\s|\s–\s|--)\s*")
# Only publishing labels: a bare 时间： in an article is usually an event's time, not the page's date.
_LABELLED_DATE = re.compile(r"(?:发布时间|发布日期|发表时间|发表日期|发布于|更新时间)\s*[:：]?\s*"
                            r"(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})")
# 来源： as a label of its own (not 资金来源：), optionally 信息来源： and the like.
_SOURCE_TEXT = re.compile(r"(?<![\u4e00-\u9fff])(?:信息|文章|稿件|新闻)?来源\s*[:：]\s*"
                          r"([^\s|｜,，;；:：()（）\[\]【】]{2,30})")
_SOURCE_STOP = re.compile(r"(?:作者|编辑|责编|记者|通讯员|发布|时间|日期|浏览|点击|字号|\d{4}\s*[-/.年]).*")
_INFO_NAMES = re.compile(r"info|time|date|meta|source|pub|attr|byline")


def page_meta(root: Node, block: Node) -> dict[str, str | None]:
    """title, date, source, url, author of the page whose article body is `block`."""
    meta = _meta_tags(root)
    ld = _json_ld(root)
    # Labels next to the body (its parent's info line) come before anything elsewhere on the page.
    scan = (block.parent or block).text() + "\n" + root.text()
    return {
        "title": _title(root, block, meta, ld),
        "date": _date(root, block, meta, ld, scan),
        "source": _source(meta, ld, scan),
        "url": _url(root, meta, ld),
        "author": _first(meta, _AUTHOR_KEYS) or _name(ld.get("author")),
    }


def _meta_tags(root: Node) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in root.find_all("meta"):
        key = node.attrs.get("name") or node.attrs.get("property") or node.attrs.get("itemprop")
        content = node.attrs.get("content", "").strip()
        if key and content:
            found.setdefault(key.strip().lower(), content)
    return found


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((meta[key] for key in keys if meta.get(key)), None)


def _title(root: Node, block: Node, meta: dict[str, str], ld: dict) -> str | None:
    if meta.get("articletitle"):
        return meta["articletitle"]
    inside = next((h.text() for h in block.find_all("h1") if h.text()), None)
    if inside:
        return inside
    for candidate in (meta.get("og:title"), meta.get("twitter:title"), _text(ld.get("headline")),
                      next((t.text() for t in root.find_all("title")), None), meta.get("title")):
        if candidate and candidate.strip():
            return _trim_site(candidate, {meta.get(key) for key in _SITE_KEYS + _SOURCE_KEYS})
    return next((h.text() for h in root.find_all("h1") if h.text()), None)


def _trim_site(title: str, sites: set[str | None]) -> str:
    """'富元社区…_苏州日报' → '富元社区…': the first part between separators that is not the site's name."""
    parts = [part for part in _TITLE_SEPARATORS.split(title.strip()) if part and part not in sites]
    return parts[0] if parts else title.strip()


def _date(root: Node, block: Node, meta: dict[str, str], ld: dict, scan: str) -> str | None:
    for key in _DATE_KEYS:
        if meta.get(key) and (day := normalize_date(meta[key])):
            return day
    for scope in (block, root):
        for node in scope.find_all("time"):
            if day := normalize_date(node.attrs.get("datetime") or node.text()):
                return day
    if day := normalize_date(_text(ld.get("datePublished"))):
        return day
    if match := _LABELLED_DATE.search(scan):
        return normalize_date(match[1])
    for node in root.iter():
        if node.tag not in ("script", "style") and _INFO_NAMES.search(node.names()):
            if day := _full_date(node.text()):
                return day
    return None


def _full_date(text: str) -> str | None:
    day = normalize_date(text)
    return day if day and len(day) == 10 else None


def _source(meta: dict[str, str], ld: dict, scan: str) -> str | None:
    if found := _first(meta, _SOURCE_KEYS):
        return found
    match = _SOURCE_TEXT.search(scan)
    if match and (value := _SOURCE_STOP.sub("", match[1]).strip()):
        return value
    return _name(ld.get("publisher")) or _first(meta, _SITE_KEYS)


def _url(root: Node, meta: dict[str, str], ld: dict) -> str | None:
    for node in root.find_all("link"):
        if "canonical" in node.attrs.get("rel", "").lower().split() and node.attrs.get("href"):
            return node.attrs["href"].strip()
    return meta.get("og:url") or _text(ld.get("url")) or meta.get("url")


def _json_ld(root: Node) -> dict:
    """The first JSON-LD object that describes an article (headline or datePublished), or {}."""
    for node in root.find_all("script"):
        if node.attrs.get("type", "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads("".join(child for child in node.children if isinstance(child, str)))
        except ValueError:
            continue
        for item in _ld_items(data):
            if "headline" in item or "datePublished" in item:
                return item
    return {}


def _ld_items(data: object) -> list[dict]:
    if isinstance(data, list):
        return [item for entry in data for item in _ld_items(entry)]
    if isinstance(data, dict):
        return [data, *_ld_items(data.get("@graph", []))]
    return []


def _name(value: object) -> str | None:
    """A JSON-LD person/organization: a string, {"name": …}, or a list of those (the first)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return _text(value)


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
