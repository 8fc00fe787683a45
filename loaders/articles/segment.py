"""Split a page into articles: titles, bylines, photo captions, sub-headings, paragraphs cut by the layout."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from dangjian.loaders.articles.credits import (Credits, closing_credits, is_meta_line, lead_credits, media_names, photo_credits,
                                               read_credits)
from dangjian.loaders.text.lexicon import CJK, SURNAMES_2, is_surname_start
from dangjian.loaders.text.text import ends_sentence, for_matching

MAX_TITLE = 40
ROLE_TOKENS = ("见习记者", "实习记者", "特约记者", "记者", "通讯员", "实习生", "文/图", "文图", "图/文", "文", "图",
               "摄影", "摄", "撰稿", "采写", "本报讯", "本报记者")
NOT_AUTHOR_ROLES = ("摄影", "摄", "图")
UNIT_HINT = re.compile(r"(经开|高新|开发|园区|区委|市委|县委|街道|社区|镇|村|局|办|中心|部|委|站|所|公司|银行|学校|医院|报|台|融媒|新闻)")
UNIT_WORD = re.compile(r"(社区|街道|村|镇|乡|区|县|市|省|党委|党工委|党总支|支部|中心|银行|医院|学校|公司|局)")
LEAD_CUE = re.compile(
    r"^(近日|日前|近期|连日来|今年以来|近年来|今年|去年|本报讯|本报|记者|通讯员|为(了)?[^\s,,]{1,30}[,,]|"
    r"\d{1,2}月\d{1,2}日|[一二三四五六七八九十]+月|\d{4}年|\d{1,2}月|上午|下午|昨天|昨日|前不久|不久前|上周|本周|"
    r"随着|在.{1,20}(之际|期间|中)|春节|国庆|端午|中秋|元旦|\(记者|（记者)"
)
# Page furniture the credit reader leaves: a label with nothing after it (日期:), a paper's edition line
# (浙江日报 数字报纸), a page number before its section (00022版:今日湖州).
FURNITURE = re.compile(r"^(?:(?:日期|时间|来源|作者|编辑|责任编辑|发布时间|发布日期)\s*:?"
                       r"|[\u4e00-\u9fff]{2,12}报\s*(?:数字报纸?|电子报|数字报刊|电子版|数字版)"
                       r"|[0-9A-Z]{1,6}版\s*:\s*[\u4e00-\u9fff]{2,8})$")
PAREN_PHOTO = re.compile(r"[(]([\u4e00-\u9fff]{2,4})摄[)]$")
ROLE_START = re.compile(r"^[■□●◆◇★☆▲△▶►•→ ]*(本报记者|见习记者|实习记者|特约记者|记者|通讯员|文/图|图/文|文图)")
CAPTION = re.compile(r"(供图|摄|图片来源[^\s]*|[（(][^（）()]{0,20}摄[)）]|摄影\s*[\u4e00-\u9fff]{2,4})$|^图为|^▲|^△|^图[:：]")
INLINE_BYLINE = re.compile(
    r"^(本报讯)?\s*[（(]((?:(?:见习|实习|特约)?记者|通讯员|实习生)[^（）()]{1,40})[)）]|"
    r"^(?:(?:见习|实习|特约|本报)?记者|通讯员)\s*[^\s,,。]{2,4}(?:\s+(?:(?:见习|实习)?记者|通讯员)?\s*[^\s,,。]{2,4})*\s*(?:报道|报)?\s*(?=[,, ]|$)|"
    r"^文/图\s*[^\s,,。]{2,4}"
)


@dataclass
class Article:
    """One article of a page: its title, body text (title first, one paragraph a line) and what framed it."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    subheadings: list[str] = field(default_factory=list)
    byline_units: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)  # editors and photographers: people, not authors
    media: list[str] = field(default_factory=list)    # the paper, site or station a credit names
    truncated: bool = False
    start: int = 0

    def credit(self, found: Credits) -> None:
        """Take the names of a credit line: writers as authors, the rest as people of the page."""
        self.authors.extend(n for n in found.authors if n not in self.authors)
        self.credits.extend(n for n in found.others if n not in self.credits and n not in self.authors)
        self.media.extend(n for n in found.media if n not in self.media)
        self.byline_units.extend(n for n in found.units if n not in self.byline_units)

    @property
    def text(self) -> str:
        return "\n".join([self.title] + self.paragraphs) if self.title else "\n".join(self.paragraphs)


@dataclass
class _Block:
    kind: str  # title | body | byline | caption | meta (page furniture: credit and time headers, buttons)
    text: str
    start: int
    names: list[str] = field(default_factory=list)
    credits: Credits = field(default_factory=Credits)
    units: list[str] = field(default_factory=list)


def looks_like_name(token: str) -> bool:
    """A 2–4 character token that starts with a surname and carries no unit word."""
    if not re.fullmatch(f"[{CJK}]{{2,4}}", token) or UNIT_HINT.search(token):
        return False
    if len(token) == 4 and token[:2] not in SURNAMES_2:
        return False
    return is_surname_start(token)


def parse_byline(line: str) -> tuple[list[str], list[str]] | None:
    """Names (and unit prefixes) of a line that is only a byline, or None."""
    text = for_matching(line).strip()
    if not text or len(text) > 40 or re.search(r"[,。!?;:“”]", text):
        return None
    text = re.sub(r"[（(]([^（）()]*)[)）]", r" \1 ", text).lstrip("■□●◆◇★☆▲△▶►•·→ ")
    text = re.sub(r"([\u4e00-\u9fff]{2,4})/(文|图)(?=\s|$)", r"\1", text)  # 黄秋燕/文 梁振宇/图
    text = re.sub(r"(文/图|图/文|文图)", " 文 ", text)
    tokens = [t for t in re.split(r"[\s/|·•]+", text) if t]
    names: list[str] = []
    units: list[str] = []
    skip_next = False
    for tok in tokens:
        if tok in ("摄", "摄影", "供图") and names:
            names.pop()  # 刘畅 摄: a photo credit, not an author
            continue
        if tok.endswith("摄") and looks_like_name(tok[:-1]):
            continue  # (孙戉摄): a photographer, not an author
        # 文 and 图 open a credit only standing alone (文 张三): 文明花开 is a phrase
        role = next((r for r in ROLE_TOKENS if tok.startswith(r) and (len(r) > 1 or tok == r)), None)
        if role is not None:
            rest = tok[len(role):]
            skip_next = role in NOT_AUTHOR_ROLES
            if not rest:
                continue
            tok = rest
        if tok in ("报道", "报", "编辑", "责编", "校对"):
            continue
        if looks_like_name(tok):
            if not skip_next:
                names.append(tok)
            continue
        if re.fullmatch(f"[{CJK}]{{2,12}}", tok) and (UNIT_HINT.search(tok) or len(tokens) > 1 and tok is tokens[0]):
            units.append(tok)
            continue
        return None
    return (names, units) if names else None


def trailing_byline(paragraph: str) -> tuple[str, list[str]] | None:
    """A byline stuck to the end of a paragraph (`…特色。高达`): the paragraph without it and the names."""
    m = re.search(r"([。!?！？”])\s*([^。!?！？”,，]{2,20})$", paragraph)
    if not m:
        return None
    parsed = parse_byline(m.group(2))
    if not parsed:
        return None
    return paragraph[: m.start(2)].rstrip(), parsed[0]


def inline_byline(paragraph: str) -> tuple[str, list[str]] | None:
    """A byline at the start of a lead (`本报讯(记者 张三 通讯员 李四)近日,…`): the rest and the names."""
    text = for_matching(paragraph)
    m = INLINE_BYLINE.match(text)
    if not m:
        return None
    inner = m.group(2) or m.group(0)
    inner = re.sub(r"(本报讯|报道)", " ", inner)
    inner = re.sub(r"(见习记者|实习记者|特约记者|本报记者|记者|通讯员|实习生|文/图)", r" \1 ", inner)
    parsed = parse_byline(inner)
    if not parsed:
        return None
    return paragraph[m.end():].lstrip(" ,，:："), parsed[0]


def _classify(line: str, start: int) -> _Block:
    parsed = parse_byline(line)
    if parsed:
        return _Block("byline", line, start, names=parsed[0], units=parsed[1])
    norm = for_matching(line)
    stripped = norm.strip()
    if ROLE_START.match(stripped) and len(stripped) <= 60 and not re.search(r"[,。!?;“”]", stripped):
        found = read_credits(stripped)  # 本报记者 陆雪婷 通讯员 鲁提普拉·木塔力甫: names with a middle dot
        if found.authors:
            return _Block("byline", line, start, names=found.authors, credits=found)
    closing = closing_credits(stripped)
    if closing and closing[0] == 0:  # (某县政协提案委:张三) on a line of its own: the credit, not a title
        return _Block("meta", line, start, credits=closing[1])
    if is_meta_line(line) or FURNITURE.match(stripped):
        return _Block("meta", line, start, credits=read_credits(line))
    if len(norm) <= 80 and CAPTION.search(norm.strip()) and not ends_sentence(norm):
        return _Block("caption", line, start, credits=Credits(others=_photographers(line), media=media_names(line)))
    if len(norm) <= MAX_TITLE and not ends_sentence(norm) and not re.search(r"[。;；]", norm):
        return _Block("title", line, start)
    if len(norm) <= 2 * MAX_TITLE and not re.search(r"[。;,:!?、]", norm):
        return _Block("title", line, start)  # 各族同心筑钢魂 携手奋进启新程——钢38社区…: a title with its subtitle
    return _Block("body", line, start)


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        line = raw.strip()
        if line:
            blocks.append(_classify(line, pos + raw.index(line[0])))
        pos += len(raw)
    return _repair(blocks)


def _repair(blocks: list[_Block]) -> list[_Block]:
    """Join paragraphs cut by the page layout (`…通过党` / `建引领,…`); split bylines stuck to a paragraph."""
    out: list[_Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "body" and not ends_sentence(prev.text)
                and block.kind in ("body", "title") and _continues(block.text)
                and trailing_byline(prev.text) is None  # …帮助。记者 张三: the paragraph ended on its byline
                and PAREN_PHOTO.search(for_matching(prev.text).rstrip()) is None):  # …活动。(孙戉摄)
            prev.text += block.text
            continue
        out.append(block)
    result: list[_Block] = []
    for block in out:
        if block.kind == "body":
            cut = trailing_byline(block.text)
            if cut:
                credit = block.text[len(cut[0]):].strip()  # (青山晚报 记者 曾明): its paper is read from it too
                block.text = cut[0]
                result.append(block)
                result.append(_Block("byline", "", block.start + len(cut[0]), names=cut[1],
                                     credits=Credits(media=media_names(credit))))
                continue
        result.append(block)
    return result


def _continues(text: str) -> bool:
    """A line that goes on a cut sentence: long, or with a comma before its end, and not a lead."""
    norm = for_matching(text)
    return not LEAD_CUE.match(norm) and (len(norm) > MAX_TITLE or bool(re.search(r"[,、]", norm)) or ends_sentence(norm))


def _next_body(blocks: list[_Block], i: int) -> _Block | None:
    for block in blocks[i + 1:]:
        if block.kind in ("caption", "meta"):
            continue
        return block
    return None


def _starts_article(blocks: list[_Block], i: int, current: Article | None) -> bool:
    if current is None or all(p in current.subheadings for p in current.paragraphs):
        return current is None  # an article has a body before the next one starts (subtitles are no body)
    block = blocks[i]
    if block.text.lstrip().startswith(("——", "—", "--")):
        return False  # ——七里墩街道…开展…活动: a subtitle of the title above it
    nxt = _next_body(blocks, i)
    if nxt is None or nxt.kind == "title":
        return False
    # A sub-heading inside an article also names units and is followed by a lead-like paragraph: on a page
    # whose articles carry no bylines, a new article needs a credit of its own or the end of the last one.
    score = 0
    prev = blocks[i - 1] if i else None
    body_paragraphs = [p for p in current.paragraphs if p not in current.subheadings]
    lead_byline = prev is not None and prev.kind == "byline" and not prev.text and len(body_paragraphs) == 1
    if prev is not None and prev.kind in ("byline", "caption", "meta") and not lead_byline:
        score += 1  # (a byline cut from the end of the lead signs the lead, it does not close the article)
    if UNIT_WORD.search(block.text):
        score += 1
    body = nxt
    if body.kind == "byline" or inline_byline(body.text) or lead_credits(body.text):
        score += 2
    elif LEAD_CUE.match(for_matching(body.text)):
        score += 1
    return score >= (2 if current.authors else 3)


def segment(text: str) -> list[Article]:
    """The articles of a page, in order; a page of one article gives one."""
    blocks = _blocks(text)
    articles: list[Article] = []
    current: Article | None = None
    pending = Credits()  # credit lines before the first article's title
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "meta":
            if current is None:
                pending.authors += block.credits.authors
                pending.others += block.credits.others
                pending.media += block.credits.media
                pending.units += block.credits.units
            else:
                current.credit(block.credits)
            i += 1
            continue
        if current is None and block.kind == "body" and _titled_by_byline(blocks, i):
            block.kind = "title"  # “这样的实践就该月月办!” over a byline: a title that ends like a sentence
        if block.kind == "title" and _headline_list(blocks, i, current):
            articles.remove(current)  # the page's list of headlines, then the title of the one article given
            current = None
        if block.kind == "title" and _starts_article(blocks, i, current):
            title = block.text
            # a two-line title: a second short line right after, before any body
            if i + 1 < len(blocks) and blocks[i + 1].kind == "title" and _next_body(blocks, i + 1) is not None \
                    and _next_body(blocks, i + 1).kind in ("body", "byline"):
                title = f"{title} {blocks[i + 1].text}"
                i += 1
            current = Article(title=title, start=block.start)
            articles.append(current)
        elif current is None:
            current = Article(title="", start=block.start)
            articles.append(current)
            continue
        elif block.kind == "byline":
            current.authors.extend(n for n in block.names if n not in current.authors)
            current.byline_units.extend(block.units)
            named = media_names(block.text) + block.credits.media  # 深圳晚报记者 X
            current.media.extend(n for n in dict.fromkeys(named) if n not in current.media)
        elif block.kind == "caption":
            current.captions.append(block.text)
            current.credit(block.credits)
        elif block.kind == "title" and _is_tail(blocks, i):
            current.paragraphs.append(block.text)
        elif block.kind == "title":
            current.subheadings.append(block.text)
            current.paragraphs.append(block.text)
        else:
            para = block.text
            if not any(p not in current.subheadings for p in current.paragraphs):  # the lead, after any subtitles
                found = inline_byline(para)
                if found:
                    current.authors.extend(n for n in found[1] if n not in current.authors)
                lead = lead_credits(para)
                if lead:
                    current.credit(lead[1])
            closing = closing_credits(para)
            if closing:
                current.credit(_photographers_apart(closing[1]))
            current.paragraphs.append(para)
        i += 1
    if articles and pending:
        articles[0].credit(pending)
    for article in articles:
        _finish(article)
    return [a for a in articles if a.title or a.paragraphs]


def _photographers(caption: str) -> list[str]:
    """The photographer of a caption: `记者 杨鹤 摄`, or a name stuck to 摄 in brackets (`…活动。(孙戉摄)`)."""
    found = photo_credits(caption)
    m = PAREN_PHOTO.search(for_matching(caption).strip())
    return found or ([m.group(1)] if m and looks_like_name(m.group(1)) else [])


def _photographers_apart(found: Credits) -> Credits:
    """`…誓词。(孙戉摄)`: a name stuck to 摄 in a closing bracket is the photographer's, not an author's."""
    shot = [n for n in found.authors if n.endswith("摄") and looks_like_name(n[:-1])]
    if not shot:
        return found
    return Credits(authors=[n for n in found.authors if n not in shot], others=found.others + [n[:-1] for n in shot],
                   media=found.media, units=found.units)


def _titled_by_byline(blocks: list[_Block], i: int) -> bool:
    """A short line before any article whose next line is a byline."""
    nxt = _next_body(blocks, i)
    return len(for_matching(blocks[i].text)) <= MAX_TITLE and nxt is not None and nxt.kind == "byline"


def _headline_list(blocks: list[_Block], i: int, current: Article | None) -> bool:
    """Three headings or more with no body between them, then page furniture (版面导航, 上一篇), then this
    one over the text: a newspaper page's headline list above the article it gives."""
    if current is None or current.authors or len(current.subheadings) < 2 or blocks[i - 1].kind != "meta":
        return False
    if any(p not in current.subheadings for p in current.paragraphs):
        return False
    nxt = _next_body(blocks, i)
    if nxt is not None and nxt.kind == "title":
        nxt = _next_body(blocks, blocks.index(nxt))
    return nxt is not None and nxt.kind in ("body", "byline")


def _is_tail(blocks: list[_Block], i: int) -> bool:
    """A short unpunctuated line followed by a byline and then a new title or the end: a cut-off last paragraph."""
    nxt = _next_body(blocks, i)
    if nxt is None:
        return True
    if nxt.kind != "byline":
        return False
    j = blocks.index(nxt)
    after = _next_body(blocks, j)
    return after is None or after.kind == "title"


def _finish(article: Article) -> None:
    body = [p for p in article.paragraphs if p not in article.subheadings]
    if body and not ends_sentence(body[-1]):
        article.truncated = True
