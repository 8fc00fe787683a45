"""Who wrote, edited or photographed an article: credit lines in the formats of news sites and papers.

Covers `作者: X 来源: Y 责任编辑: Z` header lines, leads such as `本网讯(记者 X 通讯员 Y)`,
`中新网吉林新闻5月10日电 (X Y)`, `珠江商报讯 记者X报道:`, a closing `(图文/X Y)` and photo credits
(`记者 X 摄`). Authors are the writers; editors and photographers are people of the page, not authors.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from dangjian.loaders.text.alternation import longest_of
from dangjian.loaders.places.gazetteer import get_gazetteer
from dangjian.loaders.text.lexicon import CJK, ORG_SUFFIXES, PARTY_SUFFIXES, SURNAMES_2, is_surname_start
from dangjian.loaders.text.text import for_matching

AUTHOR_ROLES = ("见习记者", "实习记者", "特约记者", "本报记者", "本网记者", "首席记者", "记者", "通讯员", "实习生", "作者",
                "撰稿", "采写", "文/图", "图/文", "图文", "文")
OTHER_ROLES = ("责任编辑", "责编", "编辑", "审核", "编审", "终审", "校对", "摄影", "摄", "图", "供图")
ROLES = tuple(sorted(AUTHOR_ROLES + OTHER_ROLES, key=len, reverse=True))
ROLE_RE = re.compile(f"({longest_of(ROLES)})")
_LABELS = (r"作者|来源|责任编辑|责编|编辑|审核|编审|终审|供稿|记者|通讯员|摄影|发布时间|发布日期|点击数?|浏览(?:次数|量)?|"
           r"阅读(?:数|量)?|字号")
LABEL_RE = re.compile(f"({_LABELS}|时间|日期)\\s*[:]")
# labels that make a short line a page header; a bare 时间/日期 only with a date after it (活动时间:每周六 is text)
META_LABEL = re.compile(f"(?:{_LABELS}|稿源|信息来源|访问次数)\\s*[:]|(?:时间|日期)\\s*[:]\\s*\\d"
                        r"|(?:广告|订阅|新闻|投稿|服务)?热线\s*[:]?\s*\(?\d")
TIMESTAMP = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}")
WEB_CHROME = re.compile(r"^(分享到|我来说两句|打印本?页|关闭窗口|【?[大中小]?字号|返回顶部|上一篇|下一篇|上一版|下一版|当前位置|"
                        r"您的位置|您?当前所在的?位置|您所在的?位置|当前版|当前报纸|版面|首页\s*[>›]|"
                        r"第\s*[0-9A-Z]+\s*版|[0-9A-Z]{1,3}版|关注|微博|Qzone|"
                        r"评论|图集|电子报|国内统一刊号|星期[一二三四五六日天]$|放大|缩小|默认|上一期|下一期)|^[^\u3400-\u9fff]*$")
# a breadcrumb (首页 > 最新动态 > 党团活动) and a paper's registration line (主管主办 … 国内统一刊号:CN64-0011)
TRAIL = re.compile(r"(?:\s(?:>>?|›|»)\s*[^>›»。]{1,24}){2,}|国内统一刊号|主管主办|CN\s*\d{2}-\d{4}")
MENU = re.compile(r"^(?:[^|,。!?;]{1,24}\|){3,}")  # three bars or more and no sentence
MASTHEAD = re.compile(r"^(?:《[^《》]{1,20}》\s*){2,}$")   # 《西藏日报》 《西藏商报》 …
DATE_LINE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期[一二三四五六日天])?$")
LEAD_CREDIT = re.compile(r"^(?:[^\s,。(]{0,18}?(?:讯|电))\s*[(]([^()]{2,60})[)]")
LEAD_REPORTER = re.compile(r"^[^\s,。(]{0,18}?讯\s*((?:本报)?记者|通讯员)\s*([\u3400-\u9fff·]{2,12}?)\s*报道\s*[:]")
CLOSING_CREDIT = re.compile(r"[(]([^()]{2,40})[)]\s*$")
PHOTO_CREDIT = re.compile(r"(?:记者|/|\s|[。!?])\s*([\u3400-\u9fff]{2,4}?)\s*(?:摄|供图)$|摄影\s*([\u3400-\u9fff]{2,4})$")
NAME = re.compile(f"[{CJK}]{{2,4}}|[{CJK}]{{2,8}}·[{CJK}]{{2,8}}")
NOT_NAMES = {"报道", "来源", "编辑", "供稿", "本报", "记者", "通讯员", "原创", "综合", "整理", "发布"}


# What a medium's name ends with; MEDIA_END finds where the medium ends inside a longer name (东北网黑河).
MEDIA_WORDS = ("日报社", "日报", "晚报", "商报", "报社", "时报", "导报", "周报", "早报", "企业报", "都市报", "青年报", "法治报",
               "电视台", "融媒体中心", "新闻网", "在线", "网")
MEDIA = re.compile(f"^[\u3400-\u9fff·]{{1,14}}?({'|'.join(MEDIA_WORDS)}|广播电视台|新闻传媒中心|传媒中心|电讯|客户端)$")
MEDIA_END = re.compile(f"({'|'.join(MEDIA_WORDS)})")
HEAD_TOKEN = re.compile(r"^([\u3400-\u9fff]{2,12})\s")
TIMESTAMP_HEAD = re.compile(r"\d{2,4}[-/.]\d{1,2}[-/.]\d{1,2}\s*\d{1,2}:\d{2}")
SOURCE_LABEL = re.compile(r"(?:来源|稿源|信息来源)\s*[:]\s*([^\s:|]{2,30})")
LEAD_SOURCE = re.compile(r"^([\u3400-\u9fff·]{2,12}?)(?:\d{1,2}月\d{1,2}日)?(?:讯|电)")
# (某县政协提案委:张三), (供稿:校机关党委 张三): the unit that supplied an article, before a colon or after 供稿
UNIT_COLON = re.compile(r"^(?:供稿[:]\s*)?([\u3400-\u9fff]{3,16})[:\s]\s*([\u3400-\u9fff·]{2,12})$")
UNIT_WORD = re.compile(f"(?:{longest_of(ORG_SUFFIXES + PARTY_SUFFIXES)})$")
# 天水日报记者, (青山晚报 记者 曾明): the unit a reporter writes for, before the role
UNIT_BEFORE_ROLE = re.compile(r"([\u3400-\u9fff]{2,14}?)\s*(?:本网|首席|见习|实习|特约)?记者")


def media_names(text: str) -> list[str]:
    """Media a credit names as its source (`来源:东北网-哈尔滨日报`, `东南网2月3日讯`, `天水日报记者`).

    >>> media_names("来源:东北网-哈尔滨日报 作者:李斌")
    ['东北网', '哈尔滨日报']
    """
    norm = for_matching(text)
    found: list[str] = []
    candidates = [part for m in SOURCE_LABEL.finditer(norm) for part in re.split(r"[-—/、]", m.group(1))]
    lead = LEAD_SOURCE.match(norm.strip())
    if lead:
        candidates.append(_without_place(lead.group(1)))
    candidates += [m.group(1) for m in UNIT_BEFORE_ROLE.finditer(norm)]
    head = HEAD_TOKEN.match(norm)
    if head and TIMESTAMP_HEAD.search(norm):
        candidates.append(head.group(1))  # 内蒙古新闻网  10-07-08 12:31 打印本页: the site's own header
    for name in candidates:
        name = re.sub(r"^(本报|本网)", "", name)
        if MEDIA.match(name) and name not in found and not name.startswith(("本", "该")):
            found.append(name)
    return found


def source_units(text: str) -> list[str]:
    """Units other than media a `来源:` label names (`来源:某街办事处`): the office that published the article.

    >>> source_units("来源:东风街办事处 时间:2025-09-29")
    ['东风街办事处']
    """
    parts = [part for m in SOURCE_LABEL.finditer(for_matching(text)) for part in re.split(r"[-—/、]", m.group(1))]
    return [p for p in dict.fromkeys(parts) if not MEDIA.match(p) and UNIT_WORD.search(p) and len(p) > 3]


def _without_place(name: str) -> str:
    """`东北网黑河`, `黄河新闻网大同` (before 讯): the medium, without the place it reports from."""
    if MEDIA.match(name):
        return name
    for m in MEDIA_END.finditer(name):
        rest = name[m.end():]
        if 2 <= len(rest) <= 4 and any(get_gazetteer().is_known(rest + end) for end in ("", "市", "县", "区")):
            return name[:m.end()]
    return name


@dataclass
class Credits:
    authors: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    media: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)  # a unit that supplied the article (来源:某办事处)

    def __bool__(self) -> bool:
        return bool(self.authors or self.others or self.media or self.units)

    def add(self, name: str, author: bool) -> None:
        if name in self.authors or (not author and name in self.others):
            return
        if author and name in self.others:
            self.others.remove(name)
        (self.authors if author else self.others).append(name)


def is_person_name(token: str) -> bool:
    """A 2–4 character name with a surname, or a name with a middle dot (鲁提普拉·木塔力甫)."""
    if token in NOT_NAMES or not NAME.fullmatch(token):
        return False
    if "·" in token:
        return True
    return is_surname_start(token) and (len(token) < 4 or token[:2] in SURNAMES_2)


def read_credits(text: str, default_author: bool = False) -> Credits:
    """The names of a credit text, each as author or other by the role word before it.

    >>> c = read_credits("2026-02-03 作者: 夏菁 来源: 东南网 责任编辑: 刘学佳")
    >>> c.authors, c.others
    (['夏菁'], ['刘学佳'])
    """
    out = Credits(media=media_names(text), units=source_units(text))
    role: bool | None = True if default_author else None
    text = LABEL_RE.sub(lambda m: f" {m.group(1)} ", for_matching(text))
    for token in re.split(r"[\s、,;|/()]+", text):  # 通讯员:石康(未经授权…): a remark in brackets after the name
        while token:
            m = ROLE_RE.match(token)
            if m is None or (len(m.group()) == 1 and m.end() < len(token)):
                break  # 文 and 图 are roles standing alone (文 张三), not the start of 文明花开
            role = m.group() in AUTHOR_ROLES
            token = token[m.end():]
        if not token:
            continue
        ends_with = ROLE_RE.search(token)
        if ends_with is not None and ends_with.end() == len(token) and ends_with.start() > 0 \
                and len(ends_with.group()) > 1:
            role = ends_with.group() in AUTHOR_ROLES  # 天水日报记者 余碧波: a unit, then the role
            continue
        if token in ("来源", "发布时间", "时间", "日期"):
            role = None
            continue
        if role is not None and is_person_name(token):
            out.add(token, role)
        else:
            name = re.sub(r"(摄|供图)$", "", token)  # 刘畅摄: a photographer
            if name != token and is_person_name(name):
                out.add(name, False)
    return out


def is_meta_line(line: str) -> bool:
    """A line of page furniture: a credit or time header, a share button, a page number, no text at all,
    a menu (`要闻 | 视频 | 原创 | …`), a masthead of paper names, a date alone."""
    if len(line) > 160:
        return False
    norm = for_matching(line).strip()
    if WEB_CHROME.search(norm) or WEB_CHROME.search(norm.lstrip("0123456789 ")):
        return True
    if MENU.search(norm) or MASTHEAD.match(norm) or DATE_LINE.match(norm):
        return True
    if len(norm) > 120 or norm.endswith(("。", "!", "?")):
        return False
    if TRAIL.search(norm):
        return True
    return bool(META_LABEL.search(norm) or TIMESTAMP.search(norm))


def lead_credits(paragraph: str) -> tuple[int, Credits] | None:
    """Credits that open a lead (`本网讯(记者 X 通讯员 Y)11月20日,…`): where the lead's text begins, and them."""
    head = paragraph[:24]
    if "讯" not in head and "电" not in head:
        return None
    norm = for_matching(paragraph)
    m = LEAD_CREDIT.match(norm)
    if m:
        found = read_credits(m.group(1), default_author=True)
        if found and _all_credits(m.group(1)):
            found.media = [n for n in media_names(norm[:m.end()]) if n not in found.media] + found.media
            return m.end(), found
    m = LEAD_REPORTER.match(norm)
    if m:
        found = read_credits(f"{m.group(1)} {m.group(2)}")
        if found:
            found.media += media_names(norm[:m.end()])
            return m.end(), found
    media = media_names(norm[:40]) if LEAD_SOURCE.match(norm.strip()) else []
    return (0, Credits(media=media)) if media else None


LEAD_DATE = re.compile(r"^\s*(?:近日|日前|[0-9]{4}年)?(?:[0-9]{1,2}月[0-9]{1,2}日)?(?:上午|下午|晚上|晚间|早上)?\s*[,，]?\s*")


def opening_words(paragraph: str, size: int = 24) -> str:
    """An untitled article's opening words without the dateline and its credits (`本网讯(通讯员 X)11月23日下午,`):
    another name a reader may know it by."""
    norm = for_matching(paragraph)
    lead = lead_credits(paragraph)
    start = lead[0] if lead and lead[0] else 0
    if not start:
        source = LEAD_SOURCE.match(norm)
        start = source.end() if source else 0
    rest = norm[start:]
    rest = rest[LEAD_DATE.match(rest).end():]
    end = re.search(r"[。!?]", rest)
    return rest[:min(size, end.start() if end else size)].strip()


def closing_credits(paragraph: str) -> tuple[int, Credits] | None:
    """A credit in brackets that closes a paragraph (`…振兴。(图文/郝文斌 温昕)`): where it starts, and it."""
    paragraph = paragraph.rstrip(" |")  # (供稿:X) |: a table's last bar after the credit
    if not paragraph.endswith((")", "）")):
        return None
    norm = for_matching(paragraph)
    m = CLOSING_CREDIT.search(norm)
    if not m:
        return None
    unit = UNIT_COLON.match(m.group(1).strip())
    if unit and UNIT_WORD.search(unit.group(1)) and is_person_name(unit.group(2)):
        return m.start(), Credits(authors=[unit.group(2)], units=[unit.group(1)])
    if not _all_credits(m.group(1)):
        return None
    found = read_credits(m.group(1), default_author=True)
    return (m.start(), found) if found else None


def photo_credits(caption: str) -> list[str]:
    """The photographer of a caption (`记者 杨鹤 摄`, `摄影 陈勇`)."""
    m = PHOTO_CREDIT.search(for_matching(caption).strip())
    name = m and (m.group(1) or m.group(2))
    return [name] if name and is_person_name(name) else []


def _all_credits(inner: str) -> bool:
    """Whether every token of a bracket is a role, a name, a medium or a unit before a role: then it is a credit."""
    for token in re.split(r"[\s、,/]+", for_matching(inner)):
        rest = ROLE_RE.sub("", token)
        if token and rest and not is_person_name(rest) and not ROLE_RE.search(token) and not MEDIA.match(rest):
            return False
    return True
