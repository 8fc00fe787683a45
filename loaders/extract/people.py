"""People in a sentence: names after titles (党委书记祝晓菲), before speech verbs (张凤说), and their posts."""
from __future__ import annotations

import re
from dataclasses import dataclass

from dangjian.loaders.text import lexicon as lx
from dangjian.loaders.text.alternation import longest_of
from dangjian.loaders.extract.mentions import Mention
from dangjian.loaders.text.words import frequency, guessed_words, tag, words

# 支书 is a title of its own (村支书) but also the middle of 党总支书记: not after 总 or 党
ROLE_RE = re.compile(longest_of(r for r in lx.ROLE_WORDS if r != "支书") + "|支(?<![总党]支)书")
PARTY_WORD_RE = re.compile(f"({longest_of(lx.PARTY_WORDS + lx.ADMIN_BODY_WORDS + lx.ORGAN_PARTY_WORDS)})$")
SPEECH_RE = re.compile(r"(说|表示|介绍|告诉记者|坦言|笑着说|感慨道|感慨|指出|强调|谈到|回忆|透露|要求|提出)")
NAME_RE = re.compile(f"[{lx.CJK}]{{2,4}}")
NAME_CHARS = re.compile(f"[{lx.CJK}·]+")
DOTTED = re.compile(f"[{lx.CJK}]{{2,8}}·[{lx.CJK}]{{2,8}}")
NOT_NAMES = {"同志", "主任", "书记", "委员", "表示", "介绍", "记者", "居民", "群众", "党员", "大家", "我们", "他们",
             "负责人", "工作人员", "志愿者", "代表", "老人", "孩子", "小哥", "师傅", "阿姨", "大爷", "一行", "本人",
             "高度", "高效", "高质量", "方面", "方式", "方向", "方法", "常态", "全面", "明显", "任务", "向上", "向下",
             "关键", "严格", "文明", "安全", "和谐", "党建", "社区", "街道", "项目", "邻里", "包括", "通过", "为了",
             "时间", "金融", "周边", "周末", "林立", "成为", "成功", "石桥", "陆续", "余名", "江南", "吴中"}


@dataclass
class PersonMention:
    start: int
    end: int
    name: str


@dataclass
class PostMention:
    person: PersonMention
    title: str
    org: Mention | None      # the unit the post is held in (None: refer to the article's unit)
    org_word: str             # 党委 / 居委会 … written in the title, when the unit is only implied
    pos: int = 0              # where the title stands in the sentence


def name_at(text: str, pos: int) -> str | None:
    """The person name starting at `pos`, if one does (2–3 characters, 3–4 for compound surnames)."""
    m = NAME_RE.match(text, pos)
    if not m:
        return None
    run = m.group()
    compound = run[:2] in lx.SURNAMES_2
    if not compound and run[0] not in lx.SURNAMES_1:
        return None
    base = 2 if compound else 1
    long, short = run[:base + 2], run[:base + 1]
    if _inside_unit(text, pos, len(long)):
        return None
    if len(long) == base + 2 and not _ends_name(text[pos + base + 1:]) and _plausible(long):
        longer = run[:base + 3]
        after = text[pos + len(longer):]
        if len(longer) == base + 3 and not _ends_name(text[pos + base + 2:]) and frequency(run[:2]) < 100 and (
                not after or SPEECH_RE.match(after) or not lx.CJK_RE.match(after[0])):
            return longer  # 哈斯朝鲁表示: a four-character name
        return long
    if len(short) == base + 1 and _plausible(short) and not _inside_unit(text, pos, len(short)):
        return short
    return None


SUPPORT_TITLES = {"志愿者", "网格员", "楼道长", "社工", "网格长"}
STOP_CHARS = set("的了是在和与及为把被将也都就又已等对向从到给让使说表示")


def other_name_at(text: str, pos: int) -> str | None:
    """A name without a Han surname (其木格, 哈斯朝鲁, 阿依古丽) right after a title: two to four characters that
    end where a speech verb, punctuation or a word that follows names begins."""
    dotted = DOTTED.match(text, pos)
    sizes = (4, 3, 2)
    if dotted:  # 阿不都热合曼·艾买提: the part after the dot ends where the words after a name begin
        dot = dotted.group().index("·")
        sizes = tuple(dot + 1 + k for k in range(2, len(dotted.group()) - dot))
    for size in sizes:
        name = text[pos:pos + size]
        if len(name) < size or not NAME_CHARS.fullmatch(name) or (STOP_CHARS & set(name) and not dotted):
            continue
        rest = text[pos + size:]
        follows = lx.AFTER_NAME if not dotted else tuple(w for w in lx.AFTER_NAME if len(w) > 1)
        if not (not rest or not lx.CJK_RE.match(rest[0]) or SPEECH_RE.match(rest) or rest.startswith(follows)):
            continue
        if _inside_unit(text, pos, size) or name in NOT_NAMES or name in lx.GENERIC_NAMES or frequency(name) >= 5:
            continue
        if dotted:
            return name
        if any(len(w) > 1 and (frequency(w) > 2000 or tag(w)[:1] in ("v", "d", "a", "p", "c", "r", "m", "q"))
               for w in words(name)):
            continue  # ordinary words (带头下沉, 轮流值守), not a name
        return name
    return None


UNIT_START = re.compile(r"(社区|街道|党委|党工委|党支部|党总支|村委|居委|委会|银行|医院|学校|公司|小区|中心)")


def _inside_unit(text: str, pos: int, size: int) -> bool:
    """`委员和社区`: characters that begin a unit name are not a person's name (和社)."""
    m = UNIT_START.search(text, pos, pos + size + 2)
    return m is not None and m.start() < pos + size


def _ends_name(rest: str) -> bool:
    """Whether the text after a two-character name starts with a word that typically follows a name."""
    if rest.startswith(lx.AFTER_NAME) or not rest[:1] or not lx.CJK_RE.match(rest[:1]):
        return True
    first = words(rest[:4])[0]
    return len(first) >= 2 and frequency(first) > 50


def _plausible(name: str) -> bool:
    if name in NOT_NAMES or name.endswith(("书记", "主任", "委员", "社区", "街道")):
        return False
    if any(ch in "此这那该" for ch in name[1:]):
        return False  # 来此, 向这: a demonstrative is no part of a given name
    if len(name) >= 3 and frequency(name[:2]) > 500 and name[:2] not in lx.SURNAMES_2:
        return False  # 居民各, 马上飞: a common word, not a surname and a given name
    if len(name) >= 3 and tag(name[:2]) == "v" and frequency(name[:2]) > 100 and name[:2] not in lx.SURNAMES_2:
        return False  # 宣讲党: a verb that opens with a surname's character, not a name
    if name in lx.GENERIC_NAMES:
        return False  # 居民楼院: a place word after a cue noun
    return frequency(name) < 200


def find_people(sentence: str, units: list[Mention], offset: int = 0) -> tuple[list[PersonMention], list[PostMention]]:
    """Names with titles before them, and names before speech verbs; posts when a title is there.

    The units may carry offsets into a longer text where the sentence starts at `offset`; a post's `org` is
    then one of them as given, and every other offset is into the sentence."""
    people: list[PersonMention] = []
    posts: list[PostMention] = []
    taken = _Taken()
    # 许昌市长葛市, 吉林省长春市: a title whose tail begins a unit's name is the end of one place and the start of another
    unit_starts = {u.start - offset for u in units}
    for m in ROLE_RE.finditer(sentence):
        if sentence[m.end():m.end() + 1] == "会":
            continue  # 委员会 is a committee, not a title
        if any(i in unit_starts for i in range(m.start() + 1, m.end())):
            continue
        name = None if DOTTED.match(sentence, m.end()) else name_at(sentence, m.end())
        if not name and m.group() not in SUPPORT_TITLES:
            name = other_name_at(sentence, m.end())
        if not name or (m.end(), m.end() + len(name)) in taken or sentence[m.end() + len(name):][:1].isdigit():
            continue
        person = PersonMention(m.end(), m.end() + len(name), name)
        people.append(person)
        taken.add((m.end(), m.end() + len(name)))
        posts.extend(_posts_before(sentence, m, person, units, offset))
    # after a cue noun (居民王秀英) or right after a village or community (草坪村林芳良和太平村刘荣芳结为师徒)
    cues = [m.end() for m in CUE_RE.finditer(sentence)] + [u.end - offset for u in units if u.cls == "Community" and not u.bare]
    for at in cues:
        name = _dotted_at(sentence, at) or name_at(sentence, at)
        if name and name[0] not in "和与及同或都" and (at, at + len(name)) not in taken \
                and _followed_well(sentence, at + len(name)):
            people.append(PersonMention(at, at + len(name), name))
            taken.add((at, at + len(name)))
    for m in PAREN_POST_RE.finditer(sentence):
        start = _name_before(sentence, m.start())
        if start is None or (start, m.start()) in taken:
            continue
        name = sentence[start:m.start()]
        person = PersonMention(start, m.start(), name)
        people.append(person)
        taken.add((start, m.start()))
        role = ROLE_RE.search(sentence, m.start() + 1)
        if role is not None:
            posts.extend(_posts_before(sentence, role, person, units, offset))
    for m in SPEECH_RE.finditer(sentence):
        start = _name_before(sentence, m.start())
        if start is not None and (start, m.start()) not in taken:
            people.append(PersonMention(start, m.start(), sentence[start:m.start()]))
            taken.add((start, m.start()))
    _listed_after(sentence, people, posts, taken)
    for m in NAME_LIST_RE.finditer(sentence):  # 王建华、李蓉、陈静等党员参加
        names = m.group().split("、")
        if all(_plausible(n) and lx.is_surname_start(n) and name_at(n + "。", 0) == n for n in names):
            pos = m.start()
            for n in names:
                if (pos, pos + len(n)) not in taken:
                    people.append(PersonMention(pos, pos + len(n), n))
                    taken.add((pos, pos + len(n)))
                pos += len(n) + 1
    kept = [p for p in people if not reads_as_words(sentence, p.start, p.end)]
    return kept, [post for post in posts if post.person in kept]


# Kin and trade words said after a surname (肖奶奶, 尹律师): a way to address someone, not a name.
ADDRESS_WORDS = {"奶奶", "爷爷", "阿姨", "大爷", "大妈", "大娘", "大姐", "大哥", "老师", "律师", "医生", "师傅", "阿婆",
                 "婆婆", "叔叔", "伯伯", "阿公", "警官", "老人", "大叔", "姐姐", "哥哥", "先生", "女士", "小姐"}
_NAME_TAGS = ("nr", "ns", "nz")
COMMON = 100        # jieba frequency of a word that is ordinary vocabulary


def reads_as_words(sentence: str, start: int, end: int) -> bool:
    """Whether what looked like a name reads as ordinary words in its sentence (有关情况, 向现场群众, 都很自豪,
    富起来, 动情地说): jieba, guessing unknown words, cuts the sentence around it into words that are no name."""
    given = sentence[start + (2 if sentence[start:start + 2] in lx.SURNAMES_2 else 1):end]
    if given in ADDRESS_WORDS:
        return True  # 刘先生, 王阿姨: a surname and a way to address someone
    lo = max(0, start - 3)
    spans, pos = [], lo
    for word in guessed_words(sentence[lo:end + 3]):
        spans.append((pos, pos + len(word), word))
        pos += len(word)
    inside = [sp for sp in spans if sp[1] > start and sp[0] < end]
    if not inside:
        return False
    if len(inside) == 1 and inside[0][:2] == (start, end):  # one word: a name unless the dictionary says otherwise
        word = inside[0][2]
        return frequency(word) > 0 and not tag(word).startswith(_NAME_TAGS) and tag(word) != "x"
    first, last = inside[0], inside[-1]
    if len(inside) >= 2 and first[0] == start and len(first[2]) == 1 and tag(first[2]) == "d" \
            and tag(inside[1][2])[:1] in ("a", "v", "l", "i", "d"):
        return True  # 都热情高涨: an adverb and the word it qualifies
    if first[0] < start and frequency(first[2]) >= COMMON:
        return True  # 有关情况: the first character belongs to a common word before
    if last[1] > end and frequency(last[2]) >= 1000 and not tag(last[2]).startswith(_NAME_TAGS):
        return True  # 富起来: the last character opens a common word after
    particle = sentence[first[1]:end]
    if first[0] == start and len(first[2]) > 1 and frequency(first[2]) >= COMMON and (
            particle in ("后", "时", "中", "前", "完", "了", "过", "着", "好") or (not particle and tag(first[2])[:1] == "v")):
        return True  # 书记汇报后: a verb and its particle where the name would be
    rest = sentence[first[1]:end]
    if first[1] - first[0] == 1 and last[1] == end and len(inside) == 2:
        if rest in ADDRESS_WORDS:
            return True
        lead, tail = tag(first[2]), tag(rest)
        common = frequency(rest) >= COMMON and not tail.startswith(_NAME_TAGS)
        if common and (lead[:1] in ("p", "d", "v") or (lead[:1] == "a" and tail[:1] in ("v", "d"))):
            return True  # 向现场, 都很, 来点亮, 包路段, 齐上阵
    word = sentence[start:end - 1]
    return sentence[end - 1] in "地得" and frequency(word) >= COMMON and not tag(word).startswith(_NAME_TAGS)


NAME_LIST_RE = re.compile(f"(?<![{lx.CJK}])[{lx.CJK}]{{2,3}}(?:、[{lx.CJK}]{{2,3}})+(?=等|[,;:。]|$)")


def _dotted_at(sentence: str, pos: int) -> str | None:
    """A name with a middle dot (阿依古丽·吐尔逊) at `pos`, ending where a word that follows names begins."""
    m = DOTTED.match(sentence, pos)
    if not m:
        return None
    for end in range(m.end(), m.start() + m.group().index("·") + 2, -1):
        rest = sentence[end:]
        if not rest or not lx.CJK_RE.match(rest[0]) or rest.startswith(lx.AFTER_NAME) or SPEECH_RE.match(rest):
            return sentence[pos:end]
    return None


def _listed_after(sentence: str, people: list[PersonMention], posts: list[PostMention], taken: "_Taken") -> None:
    """`副主委刘攀峰、赵中伟`, `退休党员矫斌、邹月娥`: names listed after a found one share its title."""
    for person in list(people):
        prev = person
        while sentence[prev.end:prev.end + 1] in ("、", "和", "及"):
            pos = prev.end + 1
            name = name_at(sentence, pos) or other_name_at(sentence, pos)
            if not name or (pos, pos + len(name)) in taken or not _followed_well(sentence, pos + len(name)) \
                    and sentence[pos + len(name):pos + len(name) + 1] not in ("、", "和", "及", "等"):
                break
            nxt = PersonMention(pos, pos + len(name), name)
            people.append(nxt)
            taken.add((pos, pos + len(name)))
            posts.extend(PostMention(nxt, p.title, p.org, p.org_word, p.pos) for p in posts if p.person is person)
            prev = nxt


CUE_RE = re.compile(longest_of(lx.PERSON_CUES))
PAREN_POST_RE = re.compile(r"\(([^()]{0,30}?)(" + longest_of(lx.ROLE_WORDS) + r")\)")


class _Taken:
    """Spans of the names already found; a span overlapping one of them is taken."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def add(self, span: tuple[int, int]) -> None:
        self.spans.append(span)

    def __contains__(self, span: tuple[int, int]) -> bool:
        return any(a < span[1] and span[0] < b for a, b in self.spans)


def _followed_well(sentence: str, end: int) -> bool:
    """After a name found by a cue noun: punctuation, a speech verb, or a word that follows names."""
    rest = sentence[end:]
    if rest[:1].isdigit():
        return False  # 志愿者高达1200余人次
    if not rest or not lx.CJK_RE.match(rest[0]) or SPEECH_RE.match(rest):
        return True
    if rest.startswith(lx.AFTER_NAME) or rest.startswith(("今年", "一", "家", "老人", "告诉")):
        return True
    first = words(rest[:4])[0]  # 老人钟志强手持自拍杆: a verb after the name
    return len(first) >= 2 and tag(first).startswith("v") and tag(first) != "vn"


def _name_before(sentence: str, end: int) -> int | None:
    """Where a name that ends at `end` starts, when one does and stands after punctuation, 的/是 or a cue noun."""
    for size in (3, 2, 4):
        start = end - size
        if start < 0:
            continue
        before = sentence[:start]
        if before and lx.CJK_RE.match(before[-1]) and before[-1] not in "的是" \
                and not before.endswith(lx.PERSON_CUES) and not ROLE_RE.search(before[-6:] + "\0"):
            continue
        name = name_at(sentence, start)
        if name and start + len(name) == end:
            return start
    return None


def _posts_before(sentence: str, role: re.Match, person: PersonMention, units: list[Mention],
                  offset: int) -> list[PostMention]:
    """Posts whose titles stand before a name: `A党委书记、B居委会主任张三`, `苏州市委党校副校长、苏州行政学院副院长方伟`."""
    out: list[PostMention] = []
    end = role.start()
    role_text = role.group()
    while True:
        org, title, org_word, begin = _title_owner(sentence, end, role_text, units, offset)
        out.append(PostMention(person, title, org, org_word, begin))
        if begin == 0 or sentence[begin - 1] not in "、兼及和":
            break
        prev = None
        for m in ROLE_RE.finditer(sentence, 0, begin - 1):
            if m.end() == begin - 1:
                prev = m
        if prev is None:
            break
        end, role_text = prev.start(), prev.group()
    return out


def _title_owner(sentence: str, end: int, role: str, units: list[Mention],
                 offset: int) -> tuple[Mention | None, str, str, int]:
    """The unit a title belongs to and the title as written (党委 + 书记 = 党委书记)."""
    for unit in units:
        unit_start, unit_end = unit.start - offset, unit.end - offset
        # 区委组织部长: the title's first character closes the unit's name (组织部 + 部长)
        overlap = unit_end == end + 1 and role.startswith(sentence[end:unit_end]) and not unit.bare
        if unit_end == end or overlap:
            if overlap:
                return unit, role, "", unit_start
            word = PARTY_WORD_RE.search(unit.text)
            title = (word.group(1) if word and unit.cls in ("PartyOrganization", "Organization") else "") + role
            if unit.bare and unit.cls == "Community" and role in ("书记", "支书", "主任", "副书记", "副主任"):
                title = unit.text + role  # 村支书, 社区书记: the title as written
            return unit, title, "", unit_start
    word = PARTY_WORD_RE.search(sentence[max(0, end - 5):end])
    if word:
        return None, word.group(1) + role, word.group(1), end - len(word.group(1))
    return None, role, "", end
