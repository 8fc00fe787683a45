"""Which words may open a unit's name: a name never starts with a verb, adverb, preposition or pronoun.

jieba's part-of-speech tags say most of it. Where they are wrong (jieba tags 充分发挥, 参观 and 产生 as
nouns) the gazetteer decides for places: words that open many official place names (胜利, 建设, 张家)
are name words; words that open almost none (促进, 参观, 开放式) are not.
"""
from __future__ import annotations

import re
from functools import lru_cache

from dangjian.loaders.text.alternation import longest_of
from dangjian.loaders.places.gazetteer import get_gazetteer
from dangjian.loaders.text.lexicon import ADMIN_CHARS, DESCRIBED_PARTY, ORG_SUFFIXES, PLACE_CLASSES, ROLE_WORDS
from dangjian.loaders.text.words import frequency, tag, words

# Tags of words that do not open a name: verbs, adverbs, prepositions, conjunctions, particles, pronouns,
# time words, numerals and classifiers, interjections, idioms and set phrases.
_NOT_OPENING = ("v", "d", "p", "c", "u", "r", "t", "y", "e", "o", "i", "l", "q", "m", "z", "a")
_NOUN_TAGS = ("n", "nz", "j", "b", "vn", "an", "s")
_PROPER_TAGS = ("nr", "ns", "nt", "nrt", "nrfg", "nz")
# One-character adjectives that open many place names when jieba leaves them on their own (新桥, 大河, 老街).
_NAME_ADJECTIVES = set("新大小老高长东西南北红白黄青绿清明光")
# Characters that stand alone as grammar: particles, prepositions, pronouns, auxiliaries and the verbs of
# this genre that take a place as their object (辖木李村, 帮促村).
_FUNCTION_CHARS = set("受着了过的地得以于在与及跟把被将让给对向从到为由并且而又也都就更还再已要使令赴往至帮助辖我你他她它该其本各此每某年月日个名位次出两几多诸不没未原完")
# Verb phrases jieba's dictionary tags as nouns; they take a unit as their object (充分发挥社区的作用).
_VERB_PHRASES = {"标志着", "充分发挥", "投身于", "助力", "深化", "化身", "产生", "参观", "发挥", "赋能", "不局限于", "局限于",
                 "代表", "美化"}
_DEPARTMENTS = {"部", "处", "科", "室", "所", "队", "站", "系", "院", "中心"}
_TITLES = frozenset(w for w in ROLE_WORDS if len(w) >= 2 and w not in ("社工", "志愿者"))
_DEPARTMENT_ENDINGS = tuple(_DEPARTMENTS)
# words of another unit inside a branch's name (八分公司党支部, 城管局机关党委)
_UNIT_WORD = re.compile(longest_of({s for s in ORG_SUFFIXES if len(s) > 1} | {"局"}))
# Party organs above communities: never set up in the community an article is about.
_ORGANS = {"工委", "党工委", "党组", "机关委员会", "委员会", "机关党委"}
OPENS_NAMES = 10      # a word that opens this many official place names is a name word
COMMON_WORD = 50      # jieba frequency above which a noun is a common word, not part of a name


@lru_cache(maxsize=65536)
def _names_starting(word: str) -> int:
    return get_gazetteer().names_starting(word, cap=OPENS_NAMES)


def lead_length(name: str, cls: str) -> int:
    """How many leading characters of `name` (the part before its suffix) are not part of the name.

    >>> lead_length("促进", "Community"), lead_length("胜利", "Community"), lead_length("着北沟", "Community")
    (2, 0, 1)
    """
    pos, verb = 0, False
    for word in words(name):
        if not _opens_badly(word, cls, after_verb=verb):
            break
        pos += len(word)
        verb = tag(word).startswith("v")
    return pos


@lru_cache(maxsize=65536)
def city_short(word: str) -> bool:
    """Whether a word is a prefecture-level city written without 市 (包头, tagged as a verb by jieba)."""
    return len(word) >= 2 and any(c.name == word + "市" for c in get_gazetteer().candidates(word, "City"))


def name_tag(word: str) -> str:
    """jieba's tag of a word, with a city written without 市 read as a place name (包头, which jieba tags a verb)."""
    return "ns" if city_short(word) else tag(word)


def _opens_badly(word: str, cls: str, after_verb: bool = False) -> bool:
    if word in _TITLES:
        return True  # 工委委员纪工委书记: a title ends what came before, it opens no name
    pos = "v" if word in _VERB_PHRASES else name_tag(word)
    place = cls in PLACE_CLASSES
    if word.isdigit() or pos == "x" or (pos.startswith(_PROPER_TAGS) and pos != "nz"):
        return False
    if len(word) == 1:  # jieba leaves the characters of an unknown name alone (莫 阳, 相 城): tags mislead there
        if pos.startswith("a"):  # 运营好街道: an adjective that ends a verb phrase; 冷洞村 keeps its 冷
            return after_verb and word not in _NAME_ADJECTIVES
        return word in _FUNCTION_CHARS or pos.startswith(("p", "c", "u", "y", "e"))  # 嘎 opens 嘎玛贡桑
    if pos == "vn" or pos.startswith(("an", "vd")):
        return place and frequency(word) >= COMMON_WORD and _names_starting(word) < 3
    if pos.startswith(_NOT_OPENING):
        if pos.startswith("a") and not place:
            return False  # 优秀, 美好 may open a brand's name
        return not place or _names_starting(word) < OPENS_NAMES
    if place and pos.startswith(_NOUN_TAGS):
        opens = _names_starting(word)
        return opens == 0 or (frequency(word) >= COMMON_WORD and opens < 3)
    return False


def inner_start(name: str, registered: bool = False) -> int:
    """Where an organization's name begins after a verb inside the words before its suffix
    (书记赴中国银行张家港 → 中国银行张家港, 仪式标志着该县城管 → 县城管), or 0.

    A registered name (公司, 银行, 医院) keeps its own verbs (中西医结合, 万家和): only a verb followed
    by a proper name cuts it.

    >>> inner_start("书记赴中国银行张家港"), inner_start("中西医结合", registered=True)
    (3, 0)
    """
    parts = words(name)
    pos, cut = 0, 0
    for i, word in enumerate(parts[:-1]):
        pos += len(word)
        if len(name) - pos < 2 or not _verbish(word):
            continue
        after = parts[i + 1]
        if registered and not tag(after).startswith(_PROPER_TAGS):
            continue
        if after == "委":
            continue  # 建交委, 发改委: a committee named short, its verb is no clause
        if not _opens_badly(after, "Organization"):
            cut = pos
    return cut


def _verbish(word: str) -> bool:
    pos = name_tag(word)
    if word in ("与", "和", "及", "同", "跟"):
        return False  # 海洋与地球学院: conjunctions between units are the delimiters' business
    if word == "之":
        return False  # 君之琴社工服务中心, 心之桥: the classical particle inside a name
    if len(word) == 1:  # a lone character tagged as a verb is often part of a name (粮油建艺系): only grammar cuts
        return word in _FUNCTION_CHARS or pos.startswith(("p", "c", "u", "r"))
    return (pos.startswith(("v", "p", "c", "u", "d", "r")) and pos not in ("vn", "vd")) or word in _VERB_PHRASES


def is_generic(name: str) -> bool:
    """Whether the words before an organization's suffix are common words only, naming no particular unit
    (业主委员会, 行业协会, 楼栋党小组, 双方党支部): such a phrase is a kind of unit, not a unit.

    >>> is_generic("业主"), is_generic("凯旋红马甲"), is_generic("南京")
    (True, False, False)
    """
    if name.startswith(ADMIN_CHARS):
        return False  # 市委组织部, 区司法局, 省建筑业协会: the city's, the district's own body
    parts = words(name)
    if len(parts) > 1 and all(len(w) == 1 for w in parts):
        return False  # 坡子街: a name the dictionary does not know, split into its characters
    if len(parts) > 1 and parts[-1] in _DEPARTMENTS:
        return False  # 信息技术部, 协调保障处: a named department
    return all(_common(w) for w in parts)


def _common(word: str) -> bool:
    pos = name_tag(word)  # 大连, which jieba tags an adverb, names a city
    if word.isdigit() or pos == "x" or pos.startswith(_PROPER_TAGS) or pos == "eng":
        return False
    return frequency(word) >= 300 or word in _VERB_PHRASES or pos.startswith(("r", "m", "q", "f", "p", "c", "u", "d", "zg"))


def starts_common(name: str) -> bool:
    """Whether a name opens with a common word (局机关党委, 图书馆党支部): a short form of a longer name."""
    first = words(name)[0]
    return _common(first) and not first.startswith(ADMIN_CHARS)


PLACE_WORDS = re.compile("社区|街道|村|镇|乡")


def abbreviates(short: str, full: str, suffix: str) -> bool:
    """Whether `short` is a Chinese abbreviation of `full` with the same ending: it keeps the first character and
    some of the others in order (江西工贸职院… of 江西工业贸易职业技术学院…, 区工委 of 区域工委). Where the full
    name holds a place word, only that word may go (玫瑰园党支部 of 玫瑰园社区党支部, not 东川社区 of 东川新城社区)."""
    if not suffix or not short.endswith(suffix) or not full.endswith(suffix):
        return False
    s, f = short[:-len(suffix)], full[:-len(suffix)]
    if len(s) < 3 or len(s) >= len(f) or s[0] != f[0]:
        return False
    kept, i = [], 0
    for j, ch in enumerate(f):
        if i < len(s) and ch == s[i]:
            kept.append(j)
            i += 1
    if i < len(s):
        return False
    dropped = "".join(ch for j, ch in enumerate(f) if j not in kept)
    return not PLACE_WORDS.search(f) or PLACE_WORDS.fullmatch(dropped) is not None


def is_generic_place(name: str) -> bool:
    """Like `is_generic`, for a place the gazetteer does not list: common words that open almost no official
    place name (两大, 边界, 互嵌式) make a kind of place; 世纪城, 人民路, 王家沟 open many and stay names."""
    return is_generic(name) and _names_starting(words(name)[0]) < 3


# a government committee named short (建交委, 发改委, 卫健委), not a party committee (党委, 工委)
ORGAN_SHORT = re.compile(r"[^党工\W]委(?![员会])")


def names_unit(name: str) -> bool:
    """Whether the words before a party suffix name a unit of their own: a unit word inside (八分公司, 社会学学会,
    建交委) or a level opening them (省社会学学会, 市水务局).

    >>> names_unit("八分公司"), names_unit("省社会学学会"), names_unit("排水")
    (True, True, False)
    """
    return bool(_UNIT_WORD.search(name) or ORGAN_SHORT.search(name)) or _level_named(name)


def _level_named(name: str) -> bool:
    """省社会学学会, 区建设交通工作: words opening with an administrative level name a body of that level."""
    return len(name) >= 4 and name.startswith(("省", "市", "区", "县"))


def described_by_kind(name: str, suffix: str) -> bool:
    """Whether a party organization's own words describe its members or purpose (在职党员功能型党支部,
    老旧小区改造临时党支部) rather than name a unit of its own (中国太平广西区域工委): only the first is
    set up in the unit the article is about."""
    if suffix.endswith(DESCRIBED_PARTY):
        return not _level_named(name)  # 省X联合党支部: a province-level joint branch is no community's
    if suffix in _ORGANS or name.endswith(_DEPARTMENT_ENDINGS) or names_unit(name):
        return False  # 市直机关工委, 信息技术部党支部, 八分公司党支部: an organ, or a branch of another unit
    return is_generic(name) or not any(tag(w).startswith(_PROPER_TAGS) or tag(w) == "x" for w in words(name))
