"""Find named units in a sentence: places, party organizations, organizations, facilities, compounds.

A unit name is a run of name characters ending in a suffix (社区, 街道, 党委, 银行, …). Adjacent units
form a chain (`苏州市姑苏区金阊街道`, `蠡口社区党委`, `相城高新区(元和街道)富元社区`) whose links become
containment and host relations.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from collections.abc import Iterator
from itertools import chain

from dangjian.loaders.text import lexicon as lx
from dangjian.loaders.text.alternation import longest_of
from dangjian.loaders.places.gazetteer import get_gazetteer
from dangjian.loaders.text.name_words import (described_by_kind, inner_start, is_generic, is_generic_place,
                                              lead_length, name_tag, names_unit)
from dangjian.loaders.text.words import tag, words

PLACE_CLASSES = lx.PLACE_CLASSES

# Words ending in 区/市/镇/村 that are common nouns, not place names.
COMMON_ENDINGS = (
    "社区", "小区", "园区", "景区", "校区", "片区", "城区", "市区", "辖区", "街区", "郊区", "山区", "专区", "分区",
    "示范区", "试验区", "功能区", "保护区", "服务区", "生活区", "办公区", "住宅区", "商业区", "居住区", "新城区",
    "城市", "超市", "集市", "市集", "夜市", "早市", "门市", "城镇", "乡镇", "集镇", "村镇", "小镇", "重镇", "古镇",
    "城乡", "下乡", "家乡", "老乡", "农村", "乡村", "新农村", "山村", "渔村", "邻村", "全村", "本村", "该村", "各村",
    "省市", "外省", "本省", "全省", "各省", "本市", "全市", "各市", "本区", "全区", "各区", "该区", "本县", "全县",
    "格局", "布局", "大局", "全局", "结局", "开局", "当局", "骗局", "僵局", "新局", "变局", "棋局", "饭局", "赌局", "时局",
    "特色小镇", "驻村", "进村", "入村", "回村", "到村", "出村", "村村", "街村", "区县", "县区", "市县",
)
# After 村 these characters make a common word (村民, 村里, 村庄 …), not a village name.
VILLAGE_NEXT_BAD = set("民里庄级务干集容落史规口头子寨组貌风歌晚医小部局")
BRANCH_SUFFIXES = ("支行", "分行", "分公司", "营业部", "营业厅", "分局", "支公司")
# A bare 医院/银行/学校 refers back to the one the article named before.
BARE_ORG_SUFFIXES = {"医院", "银行", "学校", "学院", "公司", "支行", "大学", "中学", "小学", "企业", "物业", "集团", "图书馆",
                     "博物馆", "文化馆", "法院", "检察院", "派出所", "分行", "卫生院", "幼儿园", "供电公司"}
# 县政府, 镇政府 written alone: the government of the county or town the article names (level, ending).
BARE_GOVERNMENTS = {"县政府": ("District", "县"), "区政府": ("District", "区"), "市政府": ("City", "市"),
                    "镇政府": ("Street", "镇"), "乡政府": ("Street", "乡")}
# Services and schemes named like organizations.
NOT_ORGANIZATIONS = ("手机银行", "网上银行", "时间银行", "爱心银行", "积分银行", "道德银行", "志愿银行", "爱心超市")
PLACE_NAME_ENDINGS = ("村", "区", "市", "县", "镇", "乡", "街道", "省")
REGISTERED = ("公司", "集团", "银行", "支行", "分行", "医院")
ORDINAL_RE = re.compile(r"第[一二三四五六七八九十0-9]+")
NUMBER_RE = re.compile(r"[0-9]+[米个间座处名位余多条块家所户栋幢层年月日]?|[一二三四五六七八九十百千万两]+[个名位所处座间条栋户项次场]"
                       r"|第[一二三四五六七八九十百0-9]+[师团届次期批]")


@dataclass
class Mention:
    start: int
    end: int
    text: str           # the name as written (a span of the sentence)
    cls: str            # dj: class name
    suffix: str
    parent: "Mention | None" = None   # the unit right before it in a chain (its host or container)
    alt: list[str] = field(default_factory=list)
    bare: bool = False  # a bare suffix (社区, 党委) that refers back to the article's unit
    hosts: list["Mention"] = field(default_factory=list)  # the units a 联合党支部 is set up in
    sibling: "Mention | None" = None  # the branch a listed one follows (供水支部、排水支部): hosted alike


def _suffix_table() -> list[tuple[str, str]]:
    table: dict[str, str] = {}
    for suffix, cls in lx.PLACE_SUFFIXES:
        table[suffix] = cls
    for suffix in lx.ORG_SUFFIXES:
        table.setdefault(suffix, "Organization")
    for suffix in lx.FACILITY_SUFFIXES:
        table[suffix] = "Facility"
    for suffix in lx.PARTY_SUFFIXES:
        table[suffix] = "PartyOrganization"
    for suffix in ("居委会", "村委会", "居民委员会", "村民委员会"):
        table[suffix] = "Organization"
    return sorted(table.items(), key=lambda kv: -len(kv[0]))


SUFFIXES = _suffix_table()
SUFFIX_CLASS = dict(SUFFIXES)
SUFFIX_RE = re.compile(longest_of(SUFFIX_CLASS))
DELIM_RE = re.compile(longest_of(lx.DELIMITERS))
SHORT_SUFFIX_RE = re.compile(longest_of(lx.SUFFIXES_OPENING_WORDS))
NAME_CHAR = re.compile(f"[{lx.CJK}A-Za-z0-9·]")
NAME_RUN_TO_END = re.compile(f"[{lx.CJK}A-Za-z0-9·]*\\Z")  # searched up to a suffix: where the name characters begin
PROVINCE_BEFORE = re.compile("(省|自治区)[^,;:。、]{2,10}$")
BODY_SUFFIXES = frozenset(lx.ADMIN_BODY_WORDS) - {"工会", "团委", "妇联"}
# what follows a place's name when it is a unit: its party organization, committee or people
FOLLOWED_AS_UNIT = re.compile(r"(党委|党工委|党总支|党支部|支部|居委会|村委会|两委|党群服务中心|书记|主任|居民|村民)")
INSIDE_COMPANY = re.compile(r"[^与和及、,;:。\s]{0,14}?(有限责任公司|有限公司|集团|公司)")
RATING = re.compile(r"[一二三四五六七八九十]星级?|[0-9]星级?")
PERSON_BEFORE = re.compile(f"(?:^|[,;:、。\\s])(?:{'|'.join(sorted(lx.SURNAMES_1))})[{lx.CJK}]{{1,2}}$")
FARM_CHAIN = re.compile(f"[{lx.CJK}0-9]{{1,6}}?(社区|村|连队|连)")
DEPARTMENT_NUMBER = re.compile(r"[一二三四五六七八九十]+[处科队]")
# A department's name may join two fields with 与/和 (电子科学与技术系); what the window must end in
DEPARTMENT_SUFFIXES = ("学院", "中心", "联合党支部", "研究院", "研究所")
DEPARTMENT_TAIL = re.compile(r"(系|系统|学院|专业|教研室)(教工|学生|机关|本科生|研究生)?$")
DEPARTMENT_FIELD = re.compile(r"[与和及、]")
NUMBERED_SCHOOLS = frozenset(s for s in lx.ORG_SUFFIXES if len(s) == 2 and s.endswith("中") and s[0] in "一二三四五六七八九十")
FACTORY_NUMBER = re.compile(r"[一二三四五六七八九〇零]{3}|[0-9]{3}")  # 二一三电器有限责任公司: a numbered works
COMPANY_AFTER = re.compile(f"[{lx.CJK}]{{0,4}}?(?:有限责任公司|股份有限公司|有限公司|公司|集团)")
MAX_NAME = {"Organization": 20, "PartyOrganization": 20, "Facility": 10}


SUFFIX_LENGTHS = sorted({len(s) for s in SUFFIX_CLASS}, reverse=True)


def unit_suffix(name: str) -> str:
    """The longest unit suffix a name ends in ('' for none)."""
    return next((name[-n:] for n in SUFFIX_LENGTHS if n <= len(name) and name[-n:] in SUFFIX_CLASS), "")


@lru_cache(maxsize=65536)
def _known(name: str) -> bool:
    return get_gazetteer().is_known(name)


def is_known(name: str) -> bool:
    """Whether the gazetteer lists a place of this name anywhere."""
    return _known(name)


ZHONGGONG_RE = re.compile(r"中共(?P<body>[^,;:。、“”()\s]{2,40}?)(?P<suf>总支部委员会|支部委员会|工作委员会|机关委员会|委员会|"
                          r"党工委|党总支|党支部|党委|(?<=[区市县州省镇])委)")


def _party_of_zhonggong(sentence: str, m: re.Match) -> list[Mention]:
    """`中共某某银行股份有限公司机关委员会`: a party organ whatever its ending, set up in the unit named after 中共."""
    body_start = m.start("body")
    inner = find_units(m.group("body"))
    for unit in inner:
        unit.start += body_start
        unit.end += body_start
    host = inner[-1] if inner and m.end("body") - inner[-1].end <= 4 and not inner[-1].bare else None
    party = Mention(m.start(), m.end(), m.group(), "PartyOrganization", m.group("suf"), parent=host)
    return [u for u in inner if u.cls != "PartyOrganization"] + [party]


def find_units(sentence: str) -> list[Mention]:
    """Units named in a sentence (normalized text), in order, with chain links."""
    out: list[Mention] = []
    quoted = _quoted_spans(sentence)
    organs = [(m.start(), m.end(), _party_of_zhonggong(sentence, m)) for m in ZHONGGONG_RE.finditer(sentence)]
    for m in _suffix_matches(sentence):
        suffix, s, e = m.group(), m.start(), m.end()
        if suffix in NUMBERED_SCHOOLS and sentence[e:e + 1] == "学":
            suffix, s, e = "中学", s + 1, e + 1  # 第三中学, not 三中
        elif SUFFIX_CLASS[suffix] == "Organization" and COMPANY_AFTER.match(sentence, e):
            continue  # 新盛物业项目公司: the company's name goes on over the word
        while organs and s >= organs[0][1]:
            out.extend(organs.pop(0)[2])
        if organs and s >= organs[0][0]:
            continue  # inside a 中共… organ, read above
        if (out and s < out[-1].end) or any(a < s < b for a, b in quoted):
            continue
        last = out[-1] if out else None
        mention = _unit_at(sentence, s, e, suffix, SUFFIX_CLASS[suffix], last)
        if mention is None and suffix == "新村":
            mention = _unit_at(sentence, s + 1, e, "村", "Community", last)  # 马新村: a village named 马新
            mention = mention if mention is not None and len(mention.text) == 3 else None
        if mention is not None and suffix == "新村" and mention.cls == "ResidentialCompound" and mention.parent is None:
            place = _village_after_short_place(sentence, mention, s)
            if place is not None:
                out.append(place)
                mention = Mention(s - 1, e, sentence[s - 1:e], "Community", "村", parent=place)
        if mention is None:
            continue
        if suffix == "联合党支部" and mention.parent is not None:
            _join_hosts(sentence, mention, out)
        if mention.cls == "Organization":
            mention = _with_parent_org(sentence, mention, out)
        if last is not None and mention.start <= last.start:
            mention.parent = None if _names_own_organ(sentence, last, mention) else last
            if not _keeps_prefix(last, mention):
                mention.parent = last.parent
                out.pop()
        elif last is not None and mention.parent is None and _paren_link(sentence, last, mention):
            if last.bare and mention.bare:
                out.pop()  # 村(社区)党组织书记: a kind of unit, no unit of the article
                continue
            mention.parent = last
        out.append(mention)
    for _, _, mentions in organs:
        out.extend(mentions)
    for unit in out:
        _with_democratic_party(sentence, unit)
    return _listed_organizations(sentence, _cities_before_districts(sentence, _without_kinds_of_places(out)))


def _without_kinds_of_places(units: list[Mention]) -> list[Mention]:
    """`与街道社区共建`: a bare 街道 and a bare 社区 written together speak of streets and communities in general."""
    pairs = {id(a) for a, b in zip(units, units[1:]) if a.bare and b.bare and a.cls == "Street"
             and b.cls == "Community" and a.end == b.start}
    if not pairs:
        return units
    kinds = pairs | {id(b) for a, b in zip(units, units[1:]) if id(a) in pairs}
    if any(u.parent is not None and id(u.parent) in kinds for u in units):
        return units  # 街道社区党委: a unit named over them
    return [u for u in units if id(u) not in kinds]


def _suffix_matches(sentence: str) -> Iterator[re.Match]:
    """The unit suffixes of a sentence, left to right; a short form that opens a longer suffix (作协 in 工作协会)
    gives way to it."""
    if SHORT_SUFFIX_RE.search(sentence) is None:
        return SUFFIX_RE.finditer(sentence)
    return _suffix_matches_giving_way(sentence)


def _suffix_matches_giving_way(sentence: str) -> Iterator[re.Match]:
    pos = 0
    while (m := SUFFIX_RE.search(sentence, pos)) is not None:
        if m.group() in lx.SUFFIXES_OPENING_WORDS and sentence.startswith(lx.SUFFIXES_OPENING_WORDS[m.group()], m.start() + 1):
            m = SUFFIX_RE.match(sentence, m.start() + 1) or m
        yield m
        pos = m.end()


def _names_own_organ(sentence: str, place: Mention, party: Mention) -> bool:
    """`宝山区建交委机关党支部`: a party branch named after a place and a body of it is the body's, not the place's."""
    return party.cls == "PartyOrganization" and place.cls in PLACE_CLASSES \
        and names_unit(sentence[place.end:party.end - len(party.suffix)])


def _with_democratic_party(sentence: str, unit: Mention) -> None:
    """`农工党保定市满城支委会`, `九三学社南宁市委员会`: a committee named after its party keeps the party's name."""
    if unit.cls not in ("Organization", "PartyOrganization") or unit.bare:
        return
    party = next((p for p in lx.DEMOCRATIC_PARTIES if sentence.endswith(p, 0, unit.start)), None)
    if party is not None:
        unit.start -= len(party)
        unit.text = sentence[unit.start:unit.end]


# A、B、C等20多家企事业单位 / 等多个社会组织: a list the sentence itself says is of units
UNIT_LIST = re.compile(r"(?P<items>(?:[^、,;:。“”()\s]{2,16}、)+[^、,;:。“”()\s]{2,16})等(?P<count>[^,;:。]{0,6}?)"
                       r"(?:企事业单位|单位|企业|机构|社会组织|组织)")
UNIT_LIST_WORDS = ("单位", "企业", "机构", "组织")  # one of them ends every UNIT_LIST
# X与A、B联合开展: the partners a unit acts with
PARTNER_LIST = re.compile(r"与(?P<items>(?:[^、,;:。“”()\s与]{2,16}、)+[^、,;:。“”()\s与]{2,16}?)(?=联合|携手|共同|一起|一同)")


def _listed_organizations(sentence: str, units: list[Mention]) -> list[Mention]:
    """Items of a list of units that carry no suffix (中国联通, 国美家电): organizations, when another item is a
    unit or the list counts its units (等20多家企事业单位)."""
    added: list[Mention] = []
    if "、" not in sentence:
        return units  # both are lists of items joined by 、
    counted = "等" in sentence and any(word in sentence for word in UNIT_LIST_WORDS)
    for m in chain(UNIT_LIST.finditer(sentence) if counted else (),
                   PARTNER_LIST.finditer(sentence) if "与" in sentence else ()):
        items, pos = [], m.start("items")
        for raw in m.group("items").split("、"):
            items.append((pos, raw))
            pos += len(raw) + 1
        items = [(p + _leading_words(t), t[_leading_words(t):]) for p, t in items]
        covered = [any(u.start < p + len(t) and p < u.end for u in units) for p, t in items]
        named = any(p <= u.start and u.end <= p + len(t) and not u.bare for p, t in items for u in units)
        if not (named or "家" in m.groupdict().get("count", "")):
            continue
        for (start, name), known in zip(items, covered):
            if known:
                continue
            if 2 <= len(name) <= 8 and not is_generic(name) and name not in lx.GENERIC_NAMES \
                    and re.fullmatch(f"[{lx.CJK}A-Za-z0-9]+", name):
                added.append(Mention(start, start + len(name), name, "Organization", ""))
    return sorted(units + added, key=lambda u: u.start) if added else units


def _leading_words(text: str) -> int:
    """Length of the clause words before a listed name (南肖埠社区党委就将辖区部队 → 部队)."""
    cut, pos = 0, 0
    for word in words(text):
        pos += len(word)
        if tag(word)[:1] in ("v", "p", "d", "c", "r", "u") or word in lx.DELIMITERS:
            cut = pos
    return cut if cut < len(text) else 0


def _cities_before_districts(sentence: str, units: list[Mention]) -> list[Mention]:
    """`南京鼓楼区`, `张掖肃南县`: a city written without 市 right before one of its own districts is the city."""
    out: list[Mention] = []
    for unit in units:
        if unit.cls == "District" and unit.parent is None and not unit.bare:
            city = _short_city(sentence, unit)
            if city is not None:
                unit.parent = city
                out.append(city)
        out.append(unit)
    return out


def _short_city(sentence: str, district: Mention) -> Mention | None:
    gazetteer = get_gazetteer()
    for size in (2, 3):
        start = district.start - size
        short = sentence[max(0, start):district.start]
        if start < 0 or not re.fullmatch(f"[{lx.CJK}]+", short):
            continue
        cities = {c.key for c in gazetteer.candidates(short, "City") if c.name in (short + "市", short)}
        if cities and any(cities & {p.key for p in d.chain()} for d in gazetteer.candidates(district.text, "District")):
            return Mention(start, district.start, short, "City", short[-1:])
    return None


def _village_after_short_place(sentence: str, compound: Mention, s: int) -> Mention | None:
    """`金山马新村`: a district or city written without its ending, then one of its villages named in 新村."""
    short = sentence[compound.start:s - 1]
    if not 2 <= len(short) <= 3:
        return None
    gazetteer = get_gazetteer()
    villages = gazetteer.candidates(sentence[s - 1:compound.end], "Community")
    for cls, endings in (("District", "区县"), ("City", "市")):
        places = {c.key for c in gazetteer.candidates(short, cls) if c.name[len(short):] in endings}
        if places and any(places & {p.key for p in v.chain()} for v in villages):
            return Mention(compound.start, s - 1, short, cls, short[-1:])
    return None


QUOTE_RE = re.compile(r"“[^“”]{1,40}”|‘[^‘’]{1,40}’|《[^《》]{1,40}》")


def _quoted_spans(sentence: str) -> list[tuple[int, int]]:
    if "“" not in sentence and "‘" not in sentence and "《" not in sentence:
        return []
    return [(m.start(), m.end()) for m in QUOTE_RE.finditer(sentence)]


def _with_parent_org(sentence: str, org: Mention, found: list[Mention]) -> Mention:
    """`中国农业银行洪雅县支行`: a bank followed by a place and a branch is one organization."""
    for unit in reversed(found):
        if unit.end == org.start and unit.cls == "Organization" and not unit.bare and org.suffix in BRANCH_SUFFIXES:
            found.remove(unit)
            return Mention(unit.start, org.end, sentence[unit.start:org.end], org.cls, org.suffix, parent=org.parent)
    return org


def _join_hosts(sentence: str, branch: Mention, found: list[Mention]) -> None:
    """`红柳沟村、大兴营村、孙家营村联合党支部`: a joint branch of the units listed right before it."""
    hosts = [branch.parent]
    for unit in reversed(found[:-1] if found and found[-1] is branch.parent else found):
        if sentence[unit.end:hosts[0].start] in ("、", "和", "与", "及") and unit.cls == hosts[0].cls:
            hosts.insert(0, unit)
        else:
            break
    if len(hosts) > 1:
        branch.hosts = hosts
        branch.start = hosts[0].start
        branch.text = sentence[branch.start:branch.end]


def chain_root(unit: Mention) -> Mention:
    """The first unit of an unbroken chain of places (杭州市 in 杭州市西湖区): where a name over them starts."""
    while unit.parent is not None and unit.parent.end == unit.start and unit.parent.cls in PLACE_CLASSES:
        unit = unit.parent
    return unit


def _org_start(sentence: str, last: Mention) -> int:
    """Where an organization named after a place chain begins: the chain's root, with a short brand before it
    (国网 in 国网杭州市西湖区供电公司)."""
    root = chain_root(last)
    if root.cls not in PLACE_CLASSES:
        return root.start
    j = root.start
    while j > 0 and j > root.start - 6 and NAME_CHAR.match(sentence[j - 1]):
        j -= 1
    window = sentence[j:root.start]
    cut = _delimiter_cut(window + "\0") or 0
    brand = window[cut:]
    while brand and words(brand)[0] != brand and tag(words(brand)[0])[:1] in ("v", "p", "d", "c"):
        brand = brand[len(words(brand)[0]):]  # 协调国网 → 国网
    parts = words(brand) if brand else ("",)
    verbish = any(tag(w)[:1] in ("v", "p", "d", "c", "u") and tag(w) != "vn" for w in parts if w)  # 标志着
    if 2 <= len(brand) <= 4 and brand not in lx.GENERIC_NAMES and parts[-1] not in lx.DELIMITERS and not verbish:
        return root.start - len(brand)
    return root.start


def _keeps_prefix(prev: Mention, new: Mention) -> bool:
    """In a chain, a place or a party organization's host stays a unit of its own; 区委 in 区委组织部 does not."""
    if prev.bare:
        return True
    if prev.cls in PLACE_CLASSES and prev.cls != "ResidentialCompound":
        return True
    if new.cls == "PartyOrganization":
        return True
    return prev.cls == "ResidentialCompound" and new.cls == "Facility"


def _paren_link(sentence: str, prev: Mention, new: Mention) -> bool:
    """`相城高新区(元和街道)富元社区`: units joined by a parenthesis form a chain."""
    between = sentence[prev.end:new.start]
    return between in (")", "(") and new.cls in PLACE_CLASSES and prev.cls in PLACE_CLASSES


def _bad_context(sentence: str, s: int, e: int, suffix: str) -> bool:
    nxt = sentence[e:e + 1]
    if not nxt:
        return False
    if suffix == "党组" and nxt == "织":
        return True
    if suffix.endswith("区") and nxt in "域别间块划":
        return True
    if suffix in ("镇", "乡", "村") and nxt in "市区县":
        return True  # 清镇市: the suffix is the next character's
    if suffix == "乡" and nxt == "村" and sentence[e:e + 3] not in ("村委会", "村党委") and sentence[e:e + 4] != "村党支部":
        return True  # 赋能乡村振兴: 乡村 is the countryside
    if suffix == "街" and (sentence[e:e + 1] in ("社", "村", "道") or sentence[e:e + 2] == "街道"):
        return True  # 科技街社区, 新街街道: 街 is inside the name of the community or street
    if suffix in lx.CHAIN_ONLY_SUFFIXES and not FARM_CHAIN.match(sentence, e) and not _known(sentence[max(0, s - 4):e]):
        return True  # 生态农场 is a business; 头屯河农场大门院社区, 红星二场一连: a farm above its communities
    if suffix in ("局", "厅") and nxt == "长":
        return True  # 副局长, 厅长: a title
    if suffix == "局" and INSIDE_COMPANY.match(sentence, e):
        return True  # 中建三局第一建设工程有限责任公司: 局 inside a company's registered name
    if suffix == "厅" and not PROVINCE_BEFORE.search(sentence, max(0, s - 12), s):
        return True  # 江苏省农业农村厅 is a department of a province; 大厅, 展厅 are rooms
    if suffix in ("乡", "镇") and nxt == "长" and (sentence[s - 1:s] == suffix or PERSON_BEFORE.search(sentence, 0, s)):
        return True  # 刘家台乡乡长, 刘验兵乡长: 乡长 is the title of the person named before it
        return True  # 刘家台乡乡长: the second 乡 opens the title
    if suffix == "村" and sentence[e:e + 2] in ("社区", "街道"):
        return True  # 谊景村社区, 张家村街道: a community or street whose name ends in 村
    if suffix == "物业" and sentence[e:e + 2] in ("管理", "服务", "有限", "公司", "集团", "发展", "科技", "联盟"):
        return True  # 万家和物业管理有限公司: the name goes on
    if suffix == "大学" and nxt in "城生":
        return True  # 大学城社区, 大学生: the word goes on
    if suffix == "商会" and sentence[s - 1:s] == "协":
        return True  # 议事协商会 is a meeting
    if suffix == "市" and nxt in ("场", "民", "政", "级", "容", "面", "值", "长"):
        return True
    return suffix == "村" and nxt in VILLAGE_NEXT_BAD


def _unit_at(sentence: str, s: int, e: int, suffix: str, cls: str, last: Mention | None) -> Mention | None:
    if _bad_context(sentence, s, e, suffix):
        return None
    if suffix in ("小区", "社区") and last is not None and last.cls == "ResidentialCompound" and last.end == s \
            and not last.bare and (suffix == "小区" or last.suffix != "小区"):
        return Mention(last.start, e, sentence[last.start:e], cls, suffix)  # 六合苑小区, 扎细新村社区, 文华苑社区: one unit
    if cls == "PartyOrganization" and last is not None and last.cls == "PartyOrganization" and not last.bare \
            and sentence[last.end:last.end + 1] in ("、", "和", "及") and 2 <= s - last.end - 1 <= 8 \
            and all(NAME_CHAR.match(c) for c in sentence[last.end + 1:s]):
        return _named_party(sentence, last.end + 1, s, e, suffix, None, last)  # 供水支部、排水支部
    last_end = last.end if last is not None else 0
    adjacent = last is not None and last.end == s
    joined = last is not None and not last.bare and last.suffix in ("大学", "学院", "党校")
    start = _name_start(sentence, s, e, suffix, cls, last_end, after_unit=joined)
    # 相城经开区集成指挥中心: an organization named over the place before it starts where the place does
    org_over_place = cls not in PLACE_CLASSES and last is not None and last.end == start and (
        last.cls in PLACE_CLASSES or (last.cls == "Organization" and suffix in BRANCH_SUFFIXES))  # 分行高新支行
    if start is not None and cls != "Facility":  # 健身步道, 议事厅: facilities are named by use
        # a place named right after its container keeps a noun that opens it (学府街天大四季村社区)
        after_place = last is not None and last.end == start and last.cls in PLACE_CLASSES and cls in PLACE_CLASSES \
            and tag(words(sentence[start:s])[0])[:1] not in ("v", "p", "d", "c", "r", "u")
        # 龙场镇对门山村: right after its town, a village the gazetteer knows keeps the 对 that opens it
        known = cls in PLACE_CLASSES and last is not None and last.end == start and last.cls in PLACE_CLASSES \
            and _known(sentence[start:e])
        # 江夏区委两新工委: a party organ named right after the unit it belongs to keeps all its words
        party_of_unit = cls == "PartyOrganization" and last is not None and last.end == start and not last.bare
        if not org_over_place and not after_place and not known and not party_of_unit:
            start += lead_length(sentence[start:s], cls)  # 促进社区, 着北沟村: the name starts after the verb
        # 书记赴中国银行张家港分行, 木李镇召开…联村党委: a verb inside ends what came before it
        cut_inside = cls == "PartyOrganization" or (cls == "Organization" and not org_over_place)
        if cut_inside and start < s and not suffix.endswith(lx.DESCRIBED_PARTY):
            start += inner_start(sentence[start:s], registered=suffix.endswith(REGISTERED))
        start = start if start < s else None
    if start is None:
        if adjacent and cls not in PLACE_CLASSES:
            # 关上街道办事处, 老街村委会: a place's own body is named from that place, not from its district
            begin = _org_start(sentence, last) if cls == "Organization" and suffix not in BODY_SUFFIXES else last.start
            return Mention(begin, e, sentence[begin:e], cls, suffix, parent=last)
        if cls == "PartyOrganization" or suffix in ("社区", "街道", "村", "镇", "乡", "居委会", "村委会"):
            return Mention(s, e, sentence[s:e], cls, suffix, bare=True)
        if cls == "Facility" and len(suffix) >= 4:
            return Mention(s, e, suffix, cls, suffix)
        if suffix in BARE_ORG_SUFFIXES or suffix in BARE_GOVERNMENTS:
            return Mention(s, e, sentence[s:e], cls, suffix, bare=True)
        return None
    touching = last is not None and last.end == start and not last.bare
    if cls == "PartyOrganization":
        return _named_party(sentence, start, s, e, suffix, last if touching else None, last)
    chained = touching and cls in ("Community", "Street") and last.cls in ("Street", "District", "Zone")
    mention = _accept(sentence, start, s, e, suffix, cls, short_ok=touching and cls not in PLACE_CLASSES, chained=chained)
    if mention is None:
        return None
    if touching:
        if cls == "Facility" and last.cls in ("Community", "ResidentialCompound", "Street"):
            return Mention(last.start, e, sentence[last.start:e], cls, suffix, parent=last)
        if cls in PLACE_CLASSES or cls == "Facility":
            if last.cls in PLACE_CLASSES:
                mention.parent = last
        elif suffix in BODY_SUFFIXES:
            mention.parent = last  # 坝心镇老街村委会: the village's committee, named from the village
        elif last.cls in ("Community", "Street", "ResidentialCompound") and tag(words(sentence[start:s])[0]) == "ns":
            return mention  # 光明社区三亚供电局: a unit named after a city of its own, not the community's
        elif last.cls in PLACE_CLASSES | {"Organization"}:
            begin = _org_start(sentence, last)
            return Mention(begin, e, sentence[begin:e], cls, suffix, parent=last)
    return mention


@lru_cache(maxsize=None)
def _common_endings(suffix: str) -> tuple[str, ...]:
    """The common words that end in this suffix and are longer than it (社区 for 区, 城市 for 市)."""
    return tuple(w for w in COMMON_ENDINGS if w.endswith(suffix) and len(w) > len(suffix))


def _named_party(sentence: str, start: int, s: int, e: int, suffix: str, host: Mention | None,
                 last: Mention | None = None) -> Mention | None:
    """A party organization with words of its own before the suffix: `索菲亚社区第一党支部`,
    `在职党员功能型党支部`, `老旧小区改造临时党支部`. Its host is the unit right before, or the article's."""
    name = sentence[start:s]
    if host is not None:
        return Mention(host.start, e, sentence[host.start:e], "PartyOrganization", suffix, parent=host)
    if name in lx.GENERIC_NAMES or len(name) < 2 or _known(name) or sentence[:start].endswith(("个", "”", "名")):
        return None  # 4个海棠网格行动支部 counts branches named elsewhere
    # 市政支部、环卫支部、园林支部: in a list of branches, each is named by what it does
    listed = last is not None and last.cls == "PartyOrganization" and sentence[last.end:start] in ("、", "和", "及")
    lead = words(name)[0]
    if listed and lead in lx.DELIMITERS and name[len(lead):] in lx.GENERIC_NAMES:
        return None  # 辖区非公党支部: the kind of branches a place has, listed after named ones
    if not suffix.endswith(lx.DESCRIBED_PARTY) and is_generic(name) and not listed:
        return None  # 双方党支部, 综合党委, 楼栋党小组: a kind of party organization, not one
    if listed and last.parent is not None and described_by_kind(name, suffix):
        return Mention(start, e, sentence[start:e], "PartyOrganization", suffix, parent=last.parent)
    if listed and not names_unit(name):
        return Mention(start, e, sentence[start:e], "PartyOrganization", suffix, sibling=last.sibling or last)
    last_word = words(name)[-1]
    if len(last_word) > 1 and _is_stop_word(last_word) and not ORDINAL_RE.fullmatch(last_word) and not listed:
        return None  # …第一党支部 keeps its ordinal
    return Mention(start, e, sentence[start:e], "PartyOrganization", suffix)


def _accept(sentence: str, start: int, s: int, e: int, suffix: str, cls: str, short_ok: bool = False,
            chained: bool = False) -> Mention | None:
    text = sentence[start:e]
    name = sentence[start:s]
    if short_ok and name:
        return Mention(start, e, text, cls, suffix)
    if chained and 2 <= len(name) <= 4 and (name in lx.GENERIC_NAMES or is_generic_place(name)):
        return Mention(start, e, text, cls, suffix)  # 头屯河街道平安社区: a common word named right after its street
    if text.endswith(_common_endings(suffix)) and not _known(text):
        return None
    if suffix in ("区委", "市委", "县委", "镇委") and not _known(name + suffix[0]):
        return None
    if cls == "Organization" and name in lx.ADMIN_CHARS:
        return Mention(start, e, text, cls, suffix)  # 区司法局, 县城管局: the district's own body
    if name in lx.GENERIC_NAMES or (len(name) < 2 and cls not in ("Facility",)):
        return None
    if cls == "Organization" and text.endswith(NOT_ORGANIZATIONS):
        return None
    if cls == "Organization" and is_generic(name) and not _known(name) and text not in lx.NATIONAL_BANKS \
            and not _names_field(name, suffix) and not (suffix.endswith("公司") and FACTORY_NUMBER.match(name)):
        return None  # 业主委员会, 行业协会: a kind of unit, not one
    if cls == "Organization" and not _known(name):
        last_word = words(name)[-1]
        if tag(name)[:1] in ("v", "a", "d", "p") and tag(name) != "vn" and not (suffix.endswith(REGISTERED) and len(name) == 2):
            return None  # 新加入联盟; but 建设银行, 招商银行 are names
        if len(last_word) > 1 and tag(last_word)[:1] == "v" and tag(last_word) != "vn" and not suffix.endswith(REGISTERED) \
                and last_word != "联合":
            return None  # 新加入联盟; a registered name may end in any word (华润万家超市有限公司)
    if cls in PLACE_CLASSES and not _known(text):
        if cls == "Community" and name.endswith(("进", "到", "入")):
            return None  # 文化进社区, 送到村: into the community, not a name
        if name[-1] in "两几诸各" or RATING.fullmatch(name):
            return None  # 浙江、江西两省, 三星社区: a count or a rating of places, not a place
        if cls == "Community" and (name[-1] in "式型性" or _verb_inside(name)):
            return None  # 开放式社区, 互嵌式社区, 聚合力构筑社区: a description of a community, not its name
        common_words = cls == "Community" and is_generic(name) and not chained and not FOLLOWED_AS_UNIT.match(sentence, e)
        if cls in ("Community", "Street") and (is_generic_place(name) or common_words):
            return None  # 幸福和谐社区, 边界村, 两大社区: a kind of place, not a place (unless it acts as one)
        last_word = words(name)[-1]
        village_community = (cls == "Community" and suffix == "社区" and name.endswith("村") and len(name) >= 3
                             and name[:-1] not in lx.GENERIC_NAMES)
        if (name.endswith(PLACE_NAME_ENDINGS) and not village_community and suffix != "街") \
                or (len(last_word) > 1 and _is_stop_word(last_word)):
            return None
    if cls in ("District", "City", "Province") and not _known(text) and not _looks_admin(text, cls):
        if not (suffix == "新区" and 2 <= len(name) <= 4):  # 江东新区: new areas the gazetteer may not list yet
            return None
    if cls == "Street" and suffix in ("镇", "乡") and not _known(text) and len(name) > 3:
        return None
    if cls == "Community" and suffix == "村" and not _known(text) and len(name) > 4:
        return None
    if cls == "ResidentialCompound" and suffix in ("苑", "花园", "公寓") and not _known(text) and len(name) > 4:
        return None
    if cls == "Facility" and len(name) < 2 and suffix not in ("之家",):
        return None
    return Mention(start, e, text, cls, suffix)


def _names_field(name: str, suffix: str) -> bool:
    """Whether a school or institute is named by its field of study (信息学院, 建筑大学, 机械学院): nouns only."""
    return suffix in lx.FIELD_UNIT_SUFFIXES and 2 <= len(name) <= 6 and name not in lx.GENERIC_NAMES \
        and all(tag(w) == "n" for w in words(name))


def _verb_inside(name: str) -> bool:
    """Whether a verb of two or more characters stands after the first word of a name (…构筑社区)."""
    return any(len(w) > 1 and tag(w)[:1] == "v" and tag(w) not in ("vn", "vd") for w in words(name)[1:])


def _looks_admin(text: str, cls: str) -> bool:
    if cls == "Province":
        return any(text.startswith(p) for p in lx.PROVINCES) or text in lx.AUTONOMOUS_REGIONS
    if cls == "City" and text in lx.MUNICIPALITIES:
        return True
    return _autonomous_short(text, cls)


@lru_cache(maxsize=4096)
def _autonomous_short(text: str, cls: str) -> bool:
    """`大通县` for 大通回族土族自治县, `延边州` for 延边朝鲜族自治州: an autonomous county or prefecture written
    short, its people's names left out."""
    if cls not in ("District", "City") or len(text) < 3:
        return False
    short, end = text[:-1], text[-1]
    return any(c.name.startswith(short) and c.name.endswith("自治" + end)
               for c in get_gazetteer().candidates(short, cls))


def _name_start(sentence: str, s: int, e: int, suffix: str, cls: str, last_end: int,
                after_unit: bool = False) -> int | None:
    """Where the name before a suffix begins, or None when there is no name (a bare 社区)."""
    limit = MAX_NAME.get(cls, 8)
    if limit == 0:
        return None
    lo = max(last_end, s - limit)
    j = NAME_RUN_TO_END.search(sentence, lo, s).start() if lo < s else s
    at_boundary = j > lo or j == last_end or j == 0
    # 150米健身步道: a number and its classifier end whatever came before the name
    for m in NUMBER_RE.finditer(sentence, j, s):
        if sentence[m.end():m.end() + 1] == "号" or (m.end() == s and m.start() > j and m.group().isdigit()):
            continue  # 24号线项目党支部, 钢38社区: the number is part of the name
        if m.end() == s and m.start() > j and cls == "PartyOrganization" and DEPARTMENT_NUMBER.fullmatch(m.group()):
            continue  # 交易三处党支部: a numbered department of the unit named before
        j, at_boundary = m.end(), True
    window = sentence[j:s]
    if not window:
        return None
    fallback = None
    if cls in PLACE_CLASSES:
        starts = _word_starts(window, j)
        for b in range(j, s - 1):
            # where a shorter name may begin: the run's start, or a word start inside it (gazetteer asked last)
            whole = b == j and at_boundary
            if not (whole or (b - j > 1 and b in starts)):
                continue
            if _known(sentence[b:e]) and (whole or _ends_with_word(sentence[j:b])):
                if b == j or _drops_container(sentence[j:b], cls):
                    return b
                fallback = b  # 陆城解放社区 or 山水名园社区: the longer name, if it reads as one
                break
    start = _cut_start(sentence, j, s, suffix, cls, last_end, after_unit, at_boundary)
    if fallback is not None and (start is None or _accept(sentence, start, s, e, suffix, cls) is None):
        return fallback
    return start


def _cut_start(sentence: str, j: int, s: int, suffix: str, cls: str, last_end: int, after_unit: bool,
               at_boundary: bool) -> int | None:
    """Where a name begins in the run of name characters from j to its suffix, after delimiters and verbs."""
    window = sentence[j:s]
    # 中国建设银行, 中建三局第一建设工程有限公司, 中西医结合医院, 万家和物业管理有限公司 keep their verbs and 和
    registered = suffix.endswith(("公司", "集团", "银行", "支行", "分行", "医院"))
    # 区建设交通工作党委: a sector's working committee keeps the words of its sector, verbs included
    registered = registered or (cls == "PartyOrganization" and window.endswith("工作"))
    company = suffix.endswith(("公司", "集团"))
    # 厦门大学海洋与地球学院: right after a unit, 与/和/及 join the parts of one name
    conjunctions_inside = after_unit and j == last_end and cls == "Organization"
    kept = ("与", "和", "及") if conjunctions_inside else ("和",) if company else ()
    cut = _delimiter_cut(window, keep_verbs=registered, keep=kept,
                         departments=cls not in PLACE_CLASSES and (suffix in DEPARTMENT_SUFFIXES
                                                                    or DEPARTMENT_TAIL.search(window) is not None))
    if cut is None:
        return None
    if cls == "PartyOrganization":
        start = j + cut  # 在职党员功能型党支部: its words describe it, verbs included
        return start if start < s else None
    if cls in ("Facility", "ResidentialCompound"):
        cut = max(cut, _pos_cut(window) or 0)
    else:
        strict_cut = _pos_cut(window[cut:], strict=not registered, single_verbs=cls == "Organization")
        if strict_cut is None:
            return None
        if registered and strict_cut == 0:
            strict_cut = _leading_verb(window[cut:])  # 引入贵州黔城物业服务有限公司
        if cls not in PLACE_CLASSES or len(window) - cut - strict_cut >= 2:
            cut += strict_cut
    start = j + cut
    if cls in PLACE_CLASSES and cut == 0 and not at_boundary \
            and j not in _word_starts(sentence[max(last_end, j - 6):s], max(last_end, j - 6)):
        return None  # 区域化党建聚合力构筑社区: a run too long for a name, and its cut falls inside a word
    return start if start < s else None


def _drops_container(prefix: str, cls: str) -> bool:
    """Whether the words before a known shorter name may stay out of it: for a community or village only a place
    above it (姑苏区 in 姑苏区金阊社区); 山水 in 山水名园社区 is part of the name the gazetteer does not list."""
    if cls != "Community" or prefix.endswith(PLACE_NAME_ENDINGS) or lead_length(prefix, cls) == len(prefix):
        return True  # 蒙古族乡王爷陵村, 参观交流建东社区: a place above, or words that name nothing
    tail = prefix[-4:]
    return any(_known(tail[i:]) or get_gazetteer().candidates(tail[i:], "District") or
               any(_known(tail[i:] + end) for end in ("街道", "镇", "乡")) for i in range(len(tail) - 1))


def _leading_verb(window: str) -> int:
    """Length of a verb of two or more characters that opens the window (引入, 协调), else 0."""
    first = words(window)[0]
    pos = tag(first)
    return len(first) if len(first) > 1 and len(first) < len(window) and pos[:1] == "v" and pos != "vn" else 0


def _boundaries(window: str) -> set[int]:
    pos, bounds = 0, {0}
    for word in words(window):
        pos += len(word)
        bounds.add(pos)
    return bounds


def _ends_with_word(text: str) -> bool:
    """Whether text ends with a word of two or more characters (国网 in 国网浏阳市), not a prefix like 老 or 新."""
    last = words(text)[-1]
    if len(last) > 1:
        return last not in lx.GENERIC_NAMES
    cut = _delimiter_cut(text + "\0\0") or 0
    rest = text[cut:]
    return 2 <= len(rest) <= 4 and rest not in lx.GENERIC_NAMES


def _word_starts(window: str, offset: int) -> set[int]:
    """Offsets where jieba starts a word in the window (协调/国网/浏阳 → 浏阳市 may start there)."""
    starts, pos = set(), offset
    for word in words(window):
        starts.add(pos)
        pos += len(word)
    return starts


NAME_VERBS = {"建设", "服务", "发展", "管理", "组织", "推进", "打造", "提升", "加强", "建立", "共建", "示范", "先进", "优秀",
              "结合"}


def _delimiter_cut(window: str, keep_verbs: bool = False, keep: tuple[str, ...] = (),
                   departments: bool = False) -> int | None:
    """Offset after the rightmost delimiter word; None when a delimiter ends right at the suffix (和工会).

    A one-character delimiter counts only where jieba sees a word boundary: 在 in 在职党员 or 和 in 和平 is
    part of a word. With `departments`, 与/和 between two fields of one department stay in its name
    (信息与通信工程系, 国资和金融系统, 大数据与信息工程学院).
    """
    cut = 0
    bounds = None  # jieba's word boundaries, asked for only when a one-character delimiter needs them
    for m in DELIM_RE.finditer(window):
        if (keep_verbs and m.group() in NAME_VERBS) or (m.group() in keep and m.end() < len(window)):
            continue
        if departments and m.group() in ("与", "和") and m.start() - cut >= 2 and len(window) - m.end() >= 2 \
                and DEPARTMENT_FIELD.search(window, m.end()) is None \
                and all(NAME_CHAR.match(c) for c in window[cut:m.start()]) and not _is_stop_word(window[cut:m.start()]):
            continue
        if len(m.group()) == 1:
            bounds = _boundaries(window) if bounds is None else bounds
            if m.start() not in bounds or m.end() not in bounds:
                continue
        rest = len(window) - m.end()
        if rest == 0:
            # 万和物业, 元和街道: a two-character name ending in 和 is a name, not "… and"
            if m.group() == "联合" and m.start() - cut >= 2:
                return cut  # 河北慈善联合基金会: 联合 right before the suffix belongs to the name
            return cut if m.group() == "和" and m.start() - cut == 1 else None
        if rest >= 2 or m.group() in lx.STRONG_DELIMITERS:
            cut = max(cut, m.end())
    return cut


_STOP_TAGS = ("v", "p", "c", "u", "d", "r", "m", "q", "f", "y", "e", "o", "t")
_STRICT_STOP_TAGS = ("v", "p", "c", "u", "d", "r")


def _pos_cut(window: str, strict: bool = False, single_verbs: bool = False) -> int | None:
    """Offset where the name begins after the last verb, preposition, numeral … of the window (jieba's tags).

    `strict` cuts only at verbs, prepositions, conjunctions, particles, adverbs and pronouns of two or more
    characters, for names that may hold numerals and place words (中建三局第一建设工程, 牡丹第三).
    """
    parts = words(window)
    if single_verbs and len(parts[-1]) == 1 and tag(parts[-1])[:1] in ("v", "p") and tag(parts[-1]) != "vn" \
            and not _unknown_name(parts):
        return None  # 去银行: a verb right before the suffix leaves no name
    offset = len(window) - len(parts[-1])
    for word in reversed(parts[:-1]):
        if (strict or not single_verbs) and _is_stop_word(word, strict):
            break
        offset -= len(word)
    return offset


def _unknown_name(parts: tuple[str, ...]) -> bool:
    """辛安卫生服务中心: a name jieba does not know, split into a surname and single characters."""
    return len(parts) > 1 and all(len(p) == 1 for p in parts) and tag(parts[0]).startswith("nr")


def _is_stop_word(word: str, strict: bool = False) -> bool:
    pos = name_tag(word)
    if strict:
        return len(word) > 1 and pos.startswith(_STRICT_STOP_TAGS) and pos not in ("vn", "vd")
    return pos.startswith(_STOP_TAGS) and pos not in ("vn", "vd")
