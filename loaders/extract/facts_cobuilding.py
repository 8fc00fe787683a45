"""Co-building (共建) between units: stated pairs, 共建单位, 报到, alliance members."""
from __future__ import annotations

import re
from functools import cached_property
from itertools import chain

from dangjian.loaders.extract.article_state import COBUILD_CLASSES, ArticleState
from dangjian.loaders.extract.mentions import Mention, chain_root
from dangjian.loaders.articles.model import Entity, Fact
from dangjian.loaders.text.text import Sentence

COBUILD_RE = re.compile(r"(共建|结对|联建|共驻|共联|签约|(?:联合|共同|携手)打造|签[订署].{0,12}协议|合作协议|战略合作|党建联盟|合伙人|双报到|联点帮扶)")
# what may stand between a list of units and 与/和: 等成员单位, 等6家单位
LIST_TAIL = re.compile(r"^等[^,;:。]{0,8}$")
PAIR_MARKER = re.compile(r"(与|和|同|跟|联合|携手|会同|赴)")
SIGNING_RE = re.compile(r"签[订署约]")
DISPOSAL = re.compile(r"[将把][^,;:。与和]{0,12}$")
LATER_PAIR = re.compile(r"(与|同|跟|联合|携手|会同)")
JOIN_RE = re.compile(r"(加入|成为|吸纳|纳入|为)[^,，。;；]{0,12}(联盟|共同体|成员单位|共建)")
# `A、B等共建单位`, `A、B等14个共驻共建单位`, `A、B、C三家共建单位`: the units listed before name themselves partners
# 共建单位X, 结对社区Y, 到联系共建的Z社区, 深入联点帮扶村A村、B村: a noun that makes the units after it partners
PARTNER_NOUN = re.compile(r"(共建|结对|联建|联点帮扶|帮扶|联系|结对联系|包联|挂钩|包保)(单位|社区|村|点)")
LISTED_PARTNERS = re.compile(r"(?:等[^,;:。]{0,6}?|(?:[0-9]+|[二三四五六七八九十两]+)[家个])(共建|结对|联建|共驻共建|成员|党建联盟)单位")
# 汇聚了15家共建单位, 向20余家共建单位发出: partners counted, not named (the next paragraphs name them)
PARTNERS_NAMED = re.compile(r"(?:[0-9]+|[一二三四五六七八九十两多数几]+)余?家(?:共建|结对|成员|共驻共建|联建)单位")
CLAUSE_START = re.compile(r"(?:^|[。;:!?,]|\n)")
LISTED_UNITS = re.compile(r"等(?:[0-9]+|[一二三四五六七八九十两多数几]+)?[家个]?(?:驻区|辖区|驻地|有关)?单位")


CLAUSE_END = re.compile(r"[,;:。!?]")
REPORTED = re.compile(r"报到|落户")


def _clause_end(text: str, pos: int) -> int:
    m = CLAUSE_END.search(text, pos)
    return m.start() if m else len(text)


def _clause_start(text: str, pos: int) -> int:
    return max(text.rfind(c, 0, pos) for c in ",;:。!?\n") + 1


def related(a: Entity, b: Entity, facts: list[Fact]) -> bool:
    return any({f.s, f.o} == {a.key, b.key} for f in facts if f.p in ("hostUnit", "partOf", "subOrganizationOf"))


class CobuildingFacts:
    """Reads co-building into the article's state; the events step asks it which units stand outside."""

    def __init__(self, state: ArticleState) -> None:
        self.state = state

    def outside(self, entity: Entity) -> bool:
        """A unit outside the community system: an enterprise, bank, school, or a party organization of one
        (also one with a name of its own and no place as its host, such as 中铁…项目党支部)."""
        if entity.cls == "Organization":
            return True
        if entity.cls != "PartyOrganization":
            return False
        hosts = [self.state.out.entities.get(f.o) for f in self.state.out.facts if f.s == entity.key and f.p == "hostUnit"]
        if any(h is not None and h.cls == "Organization" for h in hosts):
            return True
        return not hosts and not entity.key.startswith(("party-org/community", "party-org/street", "party-org/place"))

    # -- co-building ------------------------------------------------------------------------------

    @cached_property
    def _cobuilding_anywhere(self) -> bool:
        """Whether the article speaks of co-building anywhere: asked for each sentence that lists units."""
        return COBUILD_RE.search(self.state.norm) is not None

    def read_partners_acting(self, sent: Sentence, units: list[Mention]) -> None:
        """`X社区党委…汇聚了15家共建单位` and then `A认领…;B、C组建…`: units that open the clauses of the next
        paragraphs are those partners (of X, and of the event the article is about)."""
        para = self.state.norm.count("\n", 0, sent.start)
        if PARTNERS_NAMED.search(sent.text):
            heads = [u for u in self.state.heads(units) if u.cls in ("Community", "Street", "PartyOrganization")]
            anchor = self.state.resolve(heads[0]) if heads else None
            if anchor is None and self.state.focus.unit is not None:
                anchor = self.state.focus.party.get(self.state.focus.unit.key, self.state.focus.unit)
            if anchor is not None:
                self.state.partner_cue = (anchor, para)
            return
        if self.state.partner_cue is None or not 0 < para - self.state.partner_cue[1] <= 2:
            return
        anchor = self.state.partner_cue[0]
        heads = self.state.heads(units)
        for m in CLAUSE_START.finditer(sent.text):
            for unit in self._listed_from(heads, sent.start + m.end(), reach=0):
                entity = self.state.resolve(unit)
                if entity is None or entity.key == anchor.key or not self.outside(entity):
                    continue
                if not related(anchor, entity, self.state.out.facts):
                    self.state.fact(anchor, "coBuildsWith", entity, sent)
                if self.state.last_event is not None:
                    self.state.joined(self.state.last_event, entity, sent)

    def read_cobuilding(self, sent: Sentence, units: list[Mention]) -> None:
        """Co-building stated in a sentence: `A与B结对共建`, `A携手B签订联建协议`, `共建单位X`, `X党员到Y社区报到`."""
        text = sent.text
        listed_units = LISTED_UNITS.search(text) is not None and self._cobuilding_anywhere
        reported = REPORTED.search(text) is not None
        if not COBUILD_RE.search(text) and not reported and not JOIN_RE.search(text) and not listed_units:
            return
        heads = sorted(self.state.heads(units) + [u for u in units if u.bare and u.cls in ("Community", "Street")],
                       key=lambda u: u.start)
        pairs: list[tuple[Entity | None, Entity | None]] = []
        for m in PAIR_MARKER.finditer(text):
            cue = COBUILD_RE.search(text, m.end())
            if not cue:
                continue
            if m.group() == "和" and LATER_PAIR.search(text, m.end(), cue.start()):
                continue  # A、B和C与D签约: 和 joins a list, 与 pairs it
            if m.group() == "和" and CLAUSE_END.search(text, m.end(), cue.start()):
                continue  # X党员落户A社区和B社区,并签订…协议: 和 joins the objects, the clause after is X's
            start, end = sent.start + m.start(), sent.start + m.end()
            # 新雪社区党委、党群服务中心联合…: a unit listed with its own service centre
            stations = [u for u in units if u.cls == "Facility" and not u.bare]
            left = [u for u in self.list_before(sorted(heads + stations, key=lambda u: u.start), start)
                    if u.cls != "Facility"]
            clause_end = _clause_end(self.state.norm, end)
            right = [u for u in heads if end <= u.start < clause_end and u.cls in COBUILD_CLASSES]
            if not right:
                continue
            if left:
                subjects = [self.state.resolve(u) for u in left]
            elif re.search(r"(^|[,;:]|以来|去年|此前|今年|已|还|先后|自)$", self.state.norm[sent.start:start]):
                subjects = [self.state.recent_unit("Community") or self.state.focus.unit]  # 自去年与…结对共建以来: the article's unit
            elif DISPOSAL.search(self.state.norm, sent.start, start) and any(u.end <= start for u in heads):
                # X社区党委…将社区5个楼院与A、B等单位进行联合: the sentence's subject is the one that pairs
                first = next(u for u in heads if u.end <= start)
                subjects = [self.state.resolve(u) for u in self._listed_from(heads, chain_root(first).start, reach=0)]
            else:
                continue
            pairs += [(a, self.state.resolve(r)) for a in subjects for r in right]
        for m in SIGNING_RE.finditer(text):  # A、B、C签署三方共建协议: the units listed sign with each other
            listed = [u for u in self.list_before(heads, sent.start + m.start()) if u.cls in COBUILD_CLASSES]
            clause = _clause_start(self.state.norm, listed[0].start) if listed else 0
            if len(listed) >= 2 and not PAIR_MARKER.search(self.state.norm, clause, sent.start + m.start()):
                pairs += [(self.state.resolve(a), self.state.resolve(b)) for i, a in enumerate(listed) for b in listed[i + 1:]]
        # in an article about co-building, `A、B、C等多家单位` / `等驻区单位` lists the partners of its unit
        for m in chain(LISTED_PARTNERS.finditer(text), LISTED_UNITS.finditer(text) if listed_units else ()):
            pos = sent.start + m.start()
            listed = [u for u in self.list_before(heads, pos) if u.cls in COBUILD_CLASSES]
            subject = next((self.state.resolve(u) for u in heads if u.end <= (listed[0].start if listed else pos)
                            and u.cls in ("Community", "Street", "PartyOrganization")), None)
            partners = [self.state.resolve(u) for u in listed]
            anchor = subject or self.state.focus.unit
            if subject is None and anchor is not None and any(p is not None and p.key == anchor.key for p in partners):
                continue  # the article's unit is one of the listed partners: they are not each other's
            pairs += [(anchor, p) for p in partners]
        for m in PARTNER_NOUN.finditer(text):
            pos = sent.start + m.end()
            right = self._listed_from([u for u in heads if u.cls in COBUILD_CLASSES], pos)
            before = [u for u in heads if u.end <= sent.start + m.start()]
            subjects = self._listed_from(before, chain_root(before[0]).start, reach=0) if before else []
            subjects = [self.state.resolve(u) for u in subjects] or [self.state.focus.unit]
            pairs += [(a, self.state.resolve(r)) for a in subjects for r in right]
        if reported:  # X党员到Y社区报到, X党员“落户”Y社区
            orgs = [u for u in heads if u.cls == "Organization"
                    or (u.cls == "PartyOrganization" and self.outside(self.state.resolve(u) or Entity("", "", "")))]
            places = [u for u in heads if u.cls == "Community"]
            pairs += [(self.state.resolve(o), self.state.resolve(c)) for o in orgs for c in places if o.start < c.start
                      and not re.search(r"[;。]|精神|要求", self.state.norm[o.end:c.start])]  # not a document's issuer
        if JOIN_RE.search(text):
            self.state.joins.append((sent, [u for u in heads if u.cls in ("Organization", "PartyOrganization")
                                       and not u.text.endswith(("联盟", "共同体"))]))
        for a, b in pairs:
            if a is not None and b is not None and a.key != b.key and not related(a, b, self.state.out.facts):
                self.state.fact(a, "coBuildsWith", b, sent)

    def _listed_from(self, heads: list[Mention], pos: int, reach: int = 4) -> list[Mention]:
        """The units of a list (A、B和C) whose first unit's name (with the places it is named over) begins
        within `reach` characters after `pos`: 到结对社区泺源街道科技街社区, 深入联点帮扶村甘树湾村、下庙村."""
        out: list[Mention] = []
        for unit in heads:
            root = chain_root(unit)
            if not out:
                if pos <= root.start <= pos + reach and not re.search(r"[,;:]", self.state.norm[pos:root.start]):
                    out.append(unit)
            elif re.fullmatch(r"[、和及与]", self.state.norm[out[-1].end:root.start]) or (
                    out[-1].end == root.start == unit.start):
                out.append(unit)
            elif root.start >= out[-1].end:
                break
        return out

    def list_before(self, heads: list[Mention], pos: int) -> list[Mention]:
        """The units of a list (A、B和C) that ends right before `pos`."""
        out: list[Mention] = []
        end = pos
        for unit in reversed([u for u in heads if u.end <= pos]):
            gap = self.state.norm[unit.end:end]
            first = not out and (len(gap) <= 2 or LIST_TAIL.match(gap)) and not re.search(r"[,;:]", gap)
            if first or (out and gap in ("、", "和", "及", "与")):
                out.insert(0, unit)
                end = unit.start
            else:
                break
        return out

    def finish_joins(self) -> None:
        """Units that join a street's or community's alliance co-build with its party organization."""
        anchor = self.state.focus.unit
        if anchor is not None and anchor.cls in ("Street", "Community"):
            anchor = self.state.focus.party.get(anchor.key, anchor)
        for sent, units in self.state.joins:
            for unit in units:
                entity = self.state.resolve(unit)
                if anchor is not None and entity is not None and entity.key != anchor.key:
                    self.state.fact(anchor, "coBuildsWith", entity, sent)

    def finish_signings(self) -> None:
        """A signing ceremony is held by the units that sign: the co-building pair of its sentence, else the
        pairs of the article's first sentence that states any (在签约仪式上… after 大门院社区与…社区签订共建协议)."""
        pairs = [f for f in self.state.out.facts if f.p == "coBuildsWith"]
        if not pairs:
            return
        first = [f for f in pairs if f.evidence == pairs[0].evidence]
        events = {k for k, e in self.state.out.entities.items() if e.cls == "Event" and "签约" in e.label}
        for record in [m for m in self.state.out.mentions if m.key in events]:
            same = [f for f in pairs if f.evidence == record.sentence] or first
            for fact in same:
                for end in (fact.s, fact.o):
                    self.state.out.add_fact(Fact(record.key, "organizer", end, record.sentence))

