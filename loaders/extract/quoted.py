"""Events, programs, facilities and action branches named in a sentence, mostly through quoted names."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from dangjian.loaders.text import lexicon as lx
from dangjian.loaders.text.alternation import longest_of
from dangjian.loaders.text.text import clean_label
from dangjian.loaders.text.words import frequency, tag, words

Q = r"“[^“”]{1,40}”"
EVENT_VERB = r"(?:开展|举办|举行|组织开展|组织|召开|开启|启动|推出|进行|策划|联办|承办|开设|开办|创办|主办|筹办)"
EVENT_SUFFIX = f"(?:{longest_of(lx.EVENT_SUFFIXES)})"
EVENT_RE = re.compile(
    f"{EVENT_VERB}(?:了|起|好)?(?P<q>(?:{Q})*)(?P<mid>[^,，。;；、“”!?！？:：()（）\\s]{{0,18}}?)(?P<suf>{EVENT_SUFFIX})"
)
MORE_SUFFIX = re.compile(f"(?:{EVENT_SUFFIX})+")
QUOTED_EVENT_RE = re.compile(f"(?:{EVENT_VERB}(?:了|的|起)?|一场[^,，。;；“”]{{0,8}}?)(?P<q>“[^“”]{{1,30}}(?:{EVENT_SUFFIX}|节|嘉年华|季)”)")
# 一同开展了“社区清洁”行动: a clean-up action named in quotes and carried out is an event (one launched,
# 启动“…整治”行动, is a campaign)
CLEANUP_EVENT_RE = re.compile(f"(?:开展|进行|组织)了?(?P<q>“[^“”]{{0,16}}(?:{'|'.join(lx.CLEANUP_WORDS)})”)行动")
RECURRING = re.compile(r"(每周|每月|每天|每日|每年|每季|周周|月月|天天)")
# “共享农场”正式开园: the opening of a place or service named in quotes is an event
OPENING_RE = re.compile(f"(?P<q>{Q})(?:正式|顺利|隆重)?(?:开园|开业|开馆|启用|落成|开放)(?![的了])")
QUOTE_RUN = re.compile(f"(?:{Q}[、]?){{2,}}(?=等)")
# 开展了以“喜迎二十大,永远跟党走”为主题的党建联建活动, 开展了主题为“…”的志愿服务活动, 举行“…”——2023…联谊运动会,
# 开展“A”——“B”暨“C”春节联谊活动: the (first) quoted theme names the event
QUOTED_ONLY = "节|嘉年华|志愿者服务|志愿服务|认领会|首秀"
THEMED_EVENT_RE = re.compile(
    f"(?:{EVENT_VERB}(?:了)?[^,，。;；“”!?！？]{{0,14}}?(?:以|主题为|题为)?|以|一场[^,，。;；“”]{{0,8}}?)(?P<q>{Q})"
    f"(?:为主题|主题)?(?:的|——)?(?P<mid>(?:(?:(?<=——)|(?<=暨)){Q}|[^,，。;；!?！？]){{0,24}}?)(?P<suf>{EVENT_SUFFIX}|{QUOTED_ONLY})"
)
# 以“马跃新程聚湖边·幸福邻里生活节”为主题,…; “党群心连心 常教乐缤纷”——2023…联谊运动会
THEME_BEFORE = re.compile(f"以(?P<q>{Q})为主题$")
THEME_ONLY_RE = re.compile(f"以(?P<q>{Q})为主题(?=[,，])|(?P<dq>{Q})——[^,，。;；]{{0,30}}?(?:{EVENT_SUFFIX})")
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
# 共联共建活动如期举行, 出席签约仪式: events named before the verb that says they were held, and ceremonies attended
HELD_VERBS = ("举行", "举办", "召开", "开幕", "展开", "拉开帷幕")
HELD_EVENT_RE = re.compile(f"(?P<suf>{EVENT_SUFFIX})(?:在[^,，。;；]{{1,20}}?)?(?:如期|隆重|顺利|正式|同时|也)?(?:{'|'.join(HELD_VERBS)})")
CEREMONY = r"(?P<suf>签约仪式|揭牌仪式|启动仪式|授牌仪式|开班仪式)"
ATTENDED_RE = re.compile(f"(?:出席|参加|见证)(?:了)?{CEREMONY}|在{CEREMONY.replace('suf', 'at')}上")
# where the words naming an event before its suffix begin: after the last unit or person word
UNIT_END = re.compile(r".*(社区|村|街道|镇|乡|党委|支部|党总支|单位|公司|局|站|中心|大学|学院|医院|银行|两委|双方|[,，。;；、“”()\s])")


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
        if len(quotes) > 1 and mid.startswith("等"):  # 开展“A”“B”等活动: each quoted name is an event
            out.extend(_each_quote(m.group("q"), m.start("q"), m.start()))
            continue
        inner = None if quotes else _last_verb(mid)
        if inner is not None:  # 组织党员在社区开展义诊活动: the event starts after the last verb
            verb_at = m.start("mid") + inner
            mid = mid[inner:]
            mid = re.sub(f"^{EVENT_VERB}(?:了|起|好)?", "", mid)
        else:
            verb_at = m.start()
        if not quotes and mid.startswith("的"):
            mid = mid[1:]  # 举行的赠款仪式: the 的 says the event was held, it is no part of the name
        more = MORE_SUFFIX.match(sentence, m.end())
        end = m.end()
        if more:  # 义诊 + 活动, 宣讲 + 会
            suf, end = suf + more.group(), more.end()
        if not quotes and mid in GENERIC_EVENT_MID and len(suf) >= 4 and not suf.endswith("活动"):
            mid = ""  # 召开一次议事协商会: the suffix is the whole name
        elif not quotes and ((mid in GENERIC_EVENT_MID and not more) or len(mid + suf) < 4 or mid.endswith("的")):
            continue
        elif not quotes and _kind_only(mid, suf):
            continue  # 阅读活动, 各类文明实践活动, 全体党员共同参加本次活动: a kind of activity or a clause, not a named event
        elif not quotes and (_kinds_listed(mid, sentence, end) or KIND_COUNT.match(sentence, end)):
            continue  # 便民服务日等活动, 宣讲活动、文艺送上门等, 法律咨询和政策宣讲, 文化活动23场: kinds, not one event
        label = clean_label(" ".join(quotes) + mid + suf) if quotes else mid + suf
        alt = [clean_label(" ".join(quotes))] if quotes else []
        start = m.start("q") if quotes else end - len(mid) - len(suf)
        theme = None if quotes else THEME_BEFORE.search(sentence, 0, verb_at)
        if theme:  # 以“结对子、搭台子”为主题举行结对共建党日活动: the theme names the event
            label, alt, start, verb_at = clean_label(theme.group("q")[1:-1]), [label], theme.start("q"), theme.start()
        out.append(Named(start, end, label, "Event", alt, verb_start=verb_at))
    quoted = "“" in sentence  # the patterns below all need a quoted name
    for m in CLEANUP_EVENT_RE.finditer(sentence) if quoted else ():
        name = clean_label(m.group("q")[1:-1])
        out.append(Named(m.start("q"), m.end(), name, "Event", [name + "行动"], verb_start=m.start()))
    for m in QUOTED_EVENT_RE.finditer(sentence) if quoted else ():
        if any(e.start <= m.start("q") < e.end for e in out):
            continue
        name = clean_label(m.group("q")[1:-1])
        out.append(Named(m.start("q"), m.end("q"), name, "Event", [], verb_start=m.start()))
    for m in THEMED_EVENT_RE.finditer(sentence) if quoted else ():
        if any(e.start <= m.start("q") < e.end for e in out):
            continue
        run = QUOTE_RUN.match(sentence, m.start("q"))
        if run:  # “法律知识进小区”“消防安全知识”等宣传: each quoted name is an event
            out.extend(_each_quote(run.group(), m.start("q"), m.start()))
            continue
        if re.search(r"系列[^,，。;；“”]{0,2}$", sentence[m.start():m.start("q")]):
            continue  # 开展系列“我为群众办实事”实践活动: a series of activities, no one event
        name = clean_label(m.group("q")[1:-1])
        full = clean_label(name + m.group("mid") + m.group("suf"))
        out.append(Named(m.start("q"), m.end(), name, "Event", [full], verb_start=m.start()))
    for m in OPENING_RE.finditer(sentence) if quoted else ():
        if not any(e.start <= m.start("q") < e.end for e in out):
            out.append(Named(m.start("q"), m.end(), clean_label(m.group()), "Event", [clean_label(m.group("q")[1:-1])],
                             verb_start=m.start()))
    out.extend(_held_events(sentence, out))
    out = [e for e in out if not RECURRING.match(e.label)]  # 开展“每周有约”活动: a standing practice, no one event
    for m in THEME_ONLY_RE.finditer(sentence) if quoted else ():
        group = "q" if m.group("q") else "dq"
        if any(e.start <= m.start(group) < e.end or m.start(group) <= e.start < m.end(group) for e in out):
            continue
        name = clean_label(m.group(group)[1:-1])
        out.append(Named(m.start(group), m.end(), name, "Event", [], verb_start=m.start()))
    if "《" in sentence or "》" in sentence:  # 根据《…志愿服务活动方案》: a document's title names no event
        out = [e for e in out if not _in_book_title(sentence, e.start)]
    return out


def _in_book_title(sentence: str, at: int) -> bool:
    """Whether a position stands inside 《…》, also when the sentence was cut inside the title (《“党员来啦!”…》)."""
    before, after = sentence[:at], sentence[at:]
    close, reopen = after.find("》"), after.find("《")
    return before.rfind("《") > before.rfind("》") or (close >= 0 and (reopen < 0 or close < reopen))


def _held_events(sentence: str, found: list[Named]) -> list[Named]:
    """Events named before the verb that says they took place (`…社区共联共建活动如期举行`), and ceremonies a
    sentence says people attended (`出席签约仪式`)."""
    out: list[Named] = []
    held = any(verb in sentence for verb in HELD_VERBS)
    for m in HELD_EVENT_RE.finditer(sentence) if held else ():
        s = m.start("suf")
        head = sentence[max(0, s - 10):s]
        cut = UNIT_END.match(head)
        mid = head[cut.end():] if cut else head
        suf = m.group("suf")
        if any(e.start <= s < e.end for e in found + out) or (mid.endswith("的") and len(suf) < 4):
            continue
        # 一场特别的主题党日活动在…举行: a description before an event named by its kind leaves the kind as its name
        generic = mid in GENERIC_EVENT_MID or mid.startswith(("各", "相关", "此次", "本次", "这次", "该", "类似")) \
            or mid.endswith("的")
        if (generic or len(mid) < 2) and len(suf) < 4:
            continue  # 会议在社区举行, 各类活动如期举行: no name of its own
        mid = "" if generic else mid
        out.append(Named(s - len(mid), m.end("suf"), mid + suf, "Event", [], verb_start=s - len(mid)))
    for m in ATTENDED_RE.finditer(sentence):
        group = "suf" if m.group("suf") else "at"
        if not any(e.start <= m.start(group) < e.end for e in found + out):
            out.append(Named(m.start(group), m.end(group), m.group(group), "Event", [], verb_start=m.start()))
    return out


def _each_quote(run: str, offset: int, verb_start: int) -> list[Named]:
    """The events of a run of quoted names listed before 等 (`“法律知识进小区”“消防安全知识”等宣传`)."""
    return [Named(offset + q.start(), offset + q.end(), clean_label(q.group()[1:-1]), "Event", [], verb_start=verb_start)
            for q in SPLIT_QUOTES.finditer(run)]


_VERB_IN = re.compile(EVENT_VERB)


KIND_COUNT = re.compile(r"[、等]|[0-9一二三四五六七八九十百两多]+余?[场次期批]")


def _kinds_listed(mid: str, sentence: str, end: int) -> bool:
    """Whether an unquoted event's words list or describe kinds of activity: `党群便民服务日等`, `法律咨询和政策`
    (words that name nothing joined by 和/及), `形式多样的文体` (a description with 的)."""
    if "等" in mid or "的" in mid:
        return True
    if not re.search(r"[和及]", mid):
        return False
    return not any(tag(w).startswith(("nr", "ns", "x", "eng")) for w in words(mid))


def _kind_only(mid: str, suffix: str) -> bool:
    """Whether the words before an unquoted event's suffix only say what kind of activity it is, or are a clause
    about one (参加, 出席)."""
    if not mid:
        return False
    parts = words(mid)
    if mid.startswith(("第", "首届", "首期")):
        return False  # 第三届邻里节: an edition of a named event
    if tag(parts[0]).startswith(("r", "d", "m", "p", "c")) or mid.startswith(("类似", "各类", "相关")):
        return True
    if any(w in ("参加", "参与", "出席") for w in parts):
        return True  # 全体党员共同参加本次活动: a clause about an activity
    return len(parts) == 1 and suffix in ("活动", "会议", "大会") and frequency(parts[0]) >= 300


def _last_verb(mid: str) -> int | None:
    found = None
    for m in _VERB_IN.finditer(mid):
        found = m.start()
    return found


def find_branches(sentence: str) -> list[Named]:
    """Party action branches named in quotes: `建立“红管家”“先行兵”4个海棠网格行动支部`."""
    out: list[Named] = []
    for m in BRANCH_RE.finditer(sentence) if "“" in sentence else ():  # names in quotes only
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
