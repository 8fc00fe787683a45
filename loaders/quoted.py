"""Events, programs, facilities and action branches named in a sentence, mostly through quoted names."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from dangjian.loaders import lexicon as lx
from dangjian.loaders.text import clean_label

Q = r"“[^“”]{1,40}”"
EVENT_VERB = r"(?:开展|举办|举行|组织开展|组织|召开|开启|启动|推出|进行|策划|联办|承办|开设|开办|创办|主办|筹办)"
EVENT_SUFFIX = "|".join(sorted((re.escape(s) for s in lx.EVENT_SUFFIXES), key=len, reverse=True))
EVENT_RE = re.compile(
    f"{EVENT_VERB}(?:了|起|好)?(?P<q>(?:{Q})*)(?P<mid>[^,，。;；、“”!?！？:：()（）\\s]{{0,18}}?)(?P<suf>{EVENT_SUFFIX})"
)
MORE_SUFFIX = re.compile(f"(?:{EVENT_SUFFIX})+")
QUOTED_EVENT_RE = re.compile(f"{EVENT_VERB}(?:了|的|起)?(?P<q>“[^“”]{{1,30}}(?:{EVENT_SUFFIX})”)")
GENERIC_EVENT_MID = {"", "相关", "此次", "本次", "这次", "各类", "各项", "系列", "一系列", "多场", "多次", "一场", "一次",
                     "丰富多彩的", "形式多样的", "各种", "特色", "主题", "专题", "一系列的", "了", "多项", "这些", "该"}
BRANCH_RE = re.compile(
    f"(?P<qs>(?:{Q}[、,，]?)+)(?:(?:\\d+|[一二三四五六七八九十两]+)个)?(?P<mid>[^,，。;；“”\\s]{{0,8}}?)"
    r"(?P<suf>功能型党支部|行动支部|党小组|临时党支部|联合党支部)"
)
PROGRAM_CUE_BEFORE = re.compile(r"(依托|借助|以|打造|建立|推出|创新|探索|实施|推行|开展|深化|擦亮|创建|构建|搭建|"
                                r"推广|运用|发挥|通过|形成|结合|用好|升级|健全|完善|聚焦|坚持|持续|成立|组建)$")
PROGRAM_CUE_AFTER = re.compile(r"^(品牌|模式|机制|平台|载体|制度|行动|工作法|议事|服务品牌|党建品牌|工程|项目|体系|"
                               r"为(辅助|抓手|载体|依托|引领|主线)|等(载体|平台|品牌|机制|阵地|项目))")
SPLIT_QUOTES = re.compile(Q)


@dataclass
class Named:
    start: int
    end: int
    label: str
    cls: str                       # Event | Program | Facility | PartyOrganization
    alt: list[str] = field(default_factory=list)
    verb_start: int = -1           # for events: where the verb stands (the subject is before it)


def _quotes(text: str) -> list[str]:
    return [q[1:-1] for q in SPLIT_QUOTES.findall(text)]


def find_events(sentence: str) -> list[Named]:
    """Events named after a verb: `开展“夏日送清凉”活动`, `联合开展青年党员学习交流活动`."""
    out: list[Named] = []
    for m in EVENT_RE.finditer(sentence):
        quotes, mid, suf = _quotes(m.group("q")), m.group("mid"), m.group("suf")
        inner = None if quotes else _last_verb(mid)
        if inner is not None:  # 组织党员在社区开展义诊活动: the event starts after the last verb
            verb_at = m.start("mid") + inner
            mid = mid[inner:]
            mid = re.sub(f"^{EVENT_VERB}(?:了|起|好)?", "", mid)
        else:
            verb_at = m.start()
        more = MORE_SUFFIX.match(sentence, m.end())
        end = m.end()
        if more:  # 义诊 + 活动, 宣讲 + 会
            suf, end = suf + more.group(), more.end()
        if not quotes and mid in GENERIC_EVENT_MID and len(suf) >= 4 and not suf.endswith("活动"):
            mid = ""  # 召开一次议事协商会: the suffix is the whole name
        elif not quotes and ((mid in GENERIC_EVENT_MID and not more) or len(mid + suf) < 4 or mid.endswith("的")):
            continue
        label = clean_label(" ".join(quotes) + mid + suf) if quotes else mid + suf
        alt = [clean_label(" ".join(quotes))] if quotes else []
        start = m.start("q") if quotes else end - len(mid) - len(suf)
        out.append(Named(start, end, label, "Event", alt, verb_start=verb_at))
    for m in QUOTED_EVENT_RE.finditer(sentence):
        if any(e.start <= m.start("q") < e.end for e in out):
            continue
        name = clean_label(m.group("q")[1:-1])
        out.append(Named(m.start("q"), m.end("q"), name, "Event", [], verb_start=m.start()))
    return out


_VERB_IN = re.compile(EVENT_VERB)


def _last_verb(mid: str) -> int | None:
    found = None
    for m in _VERB_IN.finditer(mid):
        found = m.start()
    return found


def find_branches(sentence: str) -> list[Named]:
    """Party action branches named in quotes: `建立“红管家”“先行兵”4个海棠网格行动支部`."""
    out: list[Named] = []
    for m in BRANCH_RE.finditer(sentence):
        mid, suf = m.group("mid"), m.group("suf")
        if re.search(r"(以及|和|及|与|等|、|的|在|为)", mid):
            continue
        pos = m.start("qs")
        for q in SPLIT_QUOTES.finditer(m.group("qs")):
            name = clean_label(q.group()[1:-1])
            label = f"{name}{mid}{suf}"
            alt = [name] + ([f"{name}{suf}"] if mid else [])
            out.append(Named(pos + q.start(), pos + q.end(), label, "PartyOrganization", alt))
    return out


def find_programs(sentence: str, taken: list[tuple[int, int]]) -> list[Named]:
    """Quoted names of programs, brands, platforms and facilities (not the quotes already read as events)."""
    out: list[Named] = []
    matches = list(SPLIT_QUOTES.finditer(sentence))
    for i, m in enumerate(matches):
        if any(a <= m.start() < b for a, b in taken):
            continue
        name = clean_label(m.group()[1:-1])
        if len(name) < 3 or re.search(r"[。!?！？]", name):
            continue
        cls = _quoted_class(sentence, matches, i, name)
        tail = re.match(r"[^,，。;；“”、\s]{0,24}?行动(?!支部)", sentence[m.end():])
        if tail and re.search(r"(以及|和|及|与|等|的|在|为|走进|开展)", tail.group()[:-2]):
            tail = None
        if cls is None and tail:
            cls = "Program"
        if cls is None:
            continue
        alt: list[str] = []
        if tail and cls == "Program" and len(tail.group()) > 2:
            alt.append(name + tail.group())
        out.append(Named(m.start(), m.end(), name, cls, alt))
    return out


def _quoted_class(sentence: str, matches: list[re.Match], i: int, name: str) -> str | None:
    if name.endswith(lx.FACILITY_SUFFIXES) and not name.endswith(("议事厅", "会客厅")):
        return "Facility"
    if name.endswith(lx.PROGRAM_SUFFIXES):
        return "Program"
    # a run of quotes shares the cue before the first and after the last (打造“阳光议事厅”“板凳议事会”等平台)
    first = i
    while first > 0 and matches[first - 1].end() in (matches[first].start(), matches[first].start() - 1):
        first -= 1
    last = i
    while last + 1 < len(matches) and matches[last + 1].start() in (matches[last].end(), matches[last].end() + 1):
        last += 1
    before = sentence[max(0, matches[first].start() - 4):matches[first].start()]
    after = sentence[matches[last].end():matches[last].end() + 6]
    if len(name) >= 4 and (PROGRAM_CUE_BEFORE.search(before) or PROGRAM_CUE_AFTER.match(after)):
        return "Program"
    if PROGRAM_CUE_AFTER.match(after) and re.match(r"(品牌|模式|机制|平台|载体|制度|工作法)", after):
        return "Program"
    return None
