"""Events, action branches and programs of an article, with organizers, partners, venue, date and audience."""
from __future__ import annotations

import re

from dangjian.loaders.text.dates import find_date
from dangjian.loaders.extract.article_state import ORGANIZER_CLASSES, ArticleState
from dangjian.loaders.extract.facts_cobuilding import LISTED_PARTNERS, CobuildingFacts, related
from dangjian.loaders.extract.mentions import BARE_ORG_SUFFIXES, PLACE_CLASSES, Mention, chain_root
from dangjian.loaders.articles.model import Entity, Literal, unique_entities
from dangjian.loaders.extract.quoted import Named, find_branches, find_events, find_programs
from dangjian.loaders.extract.resolve import program_entity, scoped_entity
from dangjian.loaders.text.text import Sentence, for_matching, name_key

# 下一步…将继续开展好“…”活动: what an article says will be done is no event that took place
# 计划 before punctuation is a noun (制定共治计划,并…开展): no plan of what follows
PLANNED = re.compile(r"(下一步|今后|将继续|将进一步|将持续|将以|将把|计划(?![,;:。、!?])|拟于|拟在|力争|争取|还将|也将|将定期|将不断)")
# 与A及B、C等单位,共同开展 / 联合A、B共同开展: units that act together with the subject, after the event is named
JOINT_TAIL = re.compile(r"(与|联合|携手|会同|协同)(?P<list>[^,;:。]{2,80}?),?(共同|一同|一起|一道)"
                        r"(开展|举办|组织|参与|参加|完成|走访|进行|发起|承办)")
# …等共建单位参加 / 代表…落座,活动正式启动: units that took part in an event
ATTENDED = re.compile(r"(参加|出席|参与|参会|到场|落座|见证|观摩)")
# 此次活动由X牵头: a sentence about the event the one before named
ANAPHOR = re.compile(r"(此次|本次|这次|该)(活动|仪式|行动|项目)?由")
LEAD_VERB = re.compile(r"(牵头|主办|发起|组织|承办|主导)")
CO_HOST = re.compile(r"(?:共同|联合)?(?:协办|承办|支持)")
# A主办,B协办: a unit written right before 协办 is a partner of the event, not its organizer
SUPPORTER = re.compile(r"(?:共同|联合)?协办")
# 与党员志愿者一同开展: the community's own volunteers as the partners of units acting in it
WITH_VOLUNTEERS = re.compile(r"与(?:社区|辖区)?(?:党员|在职党员)?志愿者们?(?:一同|共同|一起|一道)")
VENUE_MARKERS = ("在", "赴", "到", "走进", "来到", "前往", "深入", "走入", "进入", "下沉")
SUBJECTLESS = re.compile(f"(一同|共同|一起|一道|携手|分别|先后|相继)?({'|'.join(m for m in VENUE_MARKERS if m != '在')})")
JOINT_MARKERS = ("联合", "携手", "协同", "会同", "邀请", "联手")
AUDIENCES = ("新业态新就业群体", "新就业群体", "残疾人", "老年人", "独居老人", "空巢老人", "高龄老人", "青少年", "儿童",
             "留守儿童", "困境儿童", "退役军人", "困难群众", "困难家庭", "外卖小哥", "快递小哥", "快递员", "外卖员",
             "网约车司机", "环卫工人", "户外劳动者", "妇女", "青年党员", "老党员", "在职党员", "流动党员", "居民",
             "村民", "租户", "新市民", "志愿者", "学生", "家长", "企业职工", "务工人员")


class EventFacts:
    """Reads events, branches and programs into the article's state, asking co-building which units stand outside."""

    def __init__(self, state: ArticleState, cobuilding: CobuildingFacts) -> None:
        self.state = state
        self.cobuilding = cobuilding

    def read_events(self, sent: Sentence, units: list[Mention]) -> list[Named]:
        if sent.start < len(self.state.article.title):
            return []  # a title sums up the events its article tells of
        events = [ev for ev in find_events(sent.text) if not PLANNED.search(sent.text, 0, max(ev.verb_start, 0))]
        if not events and self.state.last_event is not None and ANAPHOR.match(self.state.norm, sent.start):
            self._read_anaphor(sent, units, self.state.last_event)
        if not events and self.state.last_event is not None and ATTENDED.search(sent.text):
            self._read_attending(sent, units, self.state.last_event)  # …等共建单位代表…有序落座,活动正式启动
        for ev in events:
            entity = self.state.entity(scoped_entity("Event", ev.label, self.state.scope))
            entity.alt.update(a for a in ev.alt if a)
            self.state.record(entity, sent.start + ev.start, sent.start + ev.end, sent)
            organizers, partners, location = self._event_roles(sent, units, sent.start + ev.verb_start)
            for org in organizers:
                self.state.fact(entity, "organizer", org, sent)
            for partner in partners:
                self.state.joined(entity, partner, sent)
            # a joint event of a community (or its party organization) and an outside unit shows co-building
            joint = organizers + partners
            for unit in joint:
                for other in joint:
                    if self.cobuilding.outside(other) and not self.cobuilding.outside(unit) and unit.cls in ("Community", "Street", "PartyOrganization"):
                        if not related(unit, other, self.state.out.facts):
                            self.state.fact(unit, "coBuildsWith", other, sent)
            if joint and WITH_VOLUNTEERS.search(sent.text, 0, ev.verb_start):
                self._joined_by_volunteers(sent, joint)
            self._read_joint_tail(sent, units, sent.start + ev.end, entity, organizers)
            self._read_attending(sent, units, entity, after=sent.start + ev.end)
            self.state.last_event = entity
            if location is not None:
                self.state.fact(entity, "location", location, sent)
            when = find_date(sent.text, self.state.date) or find_date(self._lead_text(), self.state.date)
            if when is not None and when.value:
                self.state.fact(entity, "date", Literal(when.value, when.datatype), sent)
            elif when is not None:
                self.state.fact(entity, "dateText", Literal(when.phrase, lang="zh"), sent)
            for audience in _audiences(sent.text + self.state.article.title):
                self.state.fact(entity, "audience", Literal(audience, lang="zh"), sent)
        return events

    def _joined_by_volunteers(self, sent: Sentence, joint: list[Entity]) -> None:
        """`A、B等五家单位…与党员志愿者一同开展…`: outside units acting with the party volunteers of the community
        the article is about co-build with it (its party organization when the article names one)."""
        focus = self.state.focus.unit
        if focus is None or focus.cls not in ("Community", "Street", "PartyOrganization") or self.cobuilding.outside(focus):
            return
        anchor = self.state.focus.party.get(focus.key, focus)
        for unit in joint:
            if self.cobuilding.outside(unit) and not related(anchor, unit, self.state.out.facts):
                self.state.fact(anchor, "coBuildsWith", unit, sent)

    def _read_anaphor(self, sent: Sentence, units: list[Mention], event: Entity) -> None:
        """`此次活动由街道党工委牵头,联合A及B、C共同开展`: who held the event the sentence before named."""
        lead = LEAD_VERB.search(self.state.norm, sent.start, sent.end)
        if lead is None:
            return
        clause_end = self.state.norm.find(",", sent.start, lead.start())
        end = lead.start() if clause_end < 0 else clause_end
        organizers = unique_entities(e for e in (self.state.resolve(u) for u in self.state.heads(units) + self._bare_units(units)
                                                 if sent.start <= u.start < end) if e is not None)
        for org in organizers:
            self.state.fact(event, "organizer", org, sent)
        self._read_joint_tail(sent, units, lead.end(), event, organizers)
        co_host = CO_HOST.search(self.state.norm, lead.end(), sent.end)
        if co_host is not None:  # …主办,A、B等八家银行共同协办: the units between are its partners
            for unit in self.state.heads(units):
                entity = self.state.resolve(unit) if lead.end() <= unit.start < co_host.start() else None
                if entity is not None and entity not in organizers and entity.cls in ("Organization", "PartyOrganization"):
                    self.state.joined(event, entity, sent)

    def _read_attending(self, sent: Sentence, units: list[Mention], event: Entity, after: int = 0) -> None:
        """`县委办、县政协办等8个共建单位参加`: the partner units a sentence lists as taking part in the event."""
        attended = ATTENDED.search(self.state.norm, max(after, sent.start), sent.end)
        if attended is None:
            return
        organizers = {f.o for f in self.state.out.facts if f.s == event.key and f.p == "organizer"}
        heads = self.state.heads(units)
        for m in LISTED_PARTNERS.finditer(self.state.norm, max(after, sent.start), attended.start()):
            for unit in self.cobuilding.list_before(heads, m.start()):
                partner = self.state.resolve(unit)
                if partner is not None and partner.key not in organizers and partner.cls in ORGANIZER_CLASSES:
                    self.state.joined(event, partner, sent)

    def _bare_units(self, units: list[Mention]) -> list[Mention]:
        return [u for u in units if u.bare and u.cls in ("PartyOrganization", "Community", "Street")]

    def _read_joint_tail(self, sent: Sentence, units: list[Mention], after: int, event: Entity,
                         organizers: list[Entity]) -> None:
        """`…,与马新村党总支及A、B等单位,共同开展了…`: the units a later clause says acted jointly are the
        event's partners; they co-build with the article's own unit among them, else with the organizers."""
        for m in JOINT_TAIL.finditer(self.state.norm, after, sent.end):
            listed = [u for u in self.state.heads(units) + self._bare_units(units)
                      if m.start("list") <= u.start and u.end <= m.end("list")]
            tail = unique_entities(e for e in (self.state.resolve(u) for u in sorted(listed, key=lambda u: u.start))
                                   if e is not None and e.cls in ORGANIZER_CLASSES)
            own = [e for e in tail if self._is_focus(e)]
            others = [e for e in tail if e not in own and e not in organizers]
            for partner in others:
                self.state.joined(event, partner, sent)
            anchors = own or [o for o in organizers if not self.cobuilding.outside(o)
                              and o.cls in ("Community", "Street", "PartyOrganization")]
            for a in anchors:
                for b in others:
                    if a.key != b.key and not related(a, b, self.state.out.facts):
                        self.state.fact(a, "coBuildsWith", b, sent)

    def _is_focus(self, entity: Entity) -> bool:
        """The article's own community, street or unit, or one of their party organizations."""
        own = {e.key for e in (self.state.focus.community, self.state.focus.street, self.state.focus.unit) if e is not None}
        return entity.key in own or any(f.s == entity.key and f.p == "hostUnit" and f.o in own for f in self.state.out.facts)

    def _lead_text(self) -> str:
        if self.state.lead is None:
            body = self.state.article.paragraphs
            self.state.lead = for_matching(body[0]) if body else ""
        return self.state.lead

    def _event_roles(self, sent: Sentence, units: list[Mention], verb: int):
        """Organizers (the clause's subject), partners (after 联合/携手) and the venue (在…) of an event."""
        clause_start = sent.start
        for m in re.finditer(r"[,;:]", self.state.norm[sent.start:verb]):
            before = [u for u in units if u.end <= sent.start + m.start()]
            after = [u for u in units if sent.start + m.end() <= u.start < verb]
            # A、B和C,一同到D社区开展…: a clause that opens with 一同/到 has the units before it as its subject
            subjectless = SUBJECTLESS.match(self.state.norm, sent.start + m.end()) and any(
                u.start >= clause_start for u in before)
            if (after or not before) and not subjectless:
                clause_start = sent.start + m.end()
        clause = [u for u in units if clause_start <= u.start < verb]
        # 在/赴/走进/来到 X: X is where it happened, not who held it
        venues = self._venues(clause)
        heads = [u for u in self.state.heads(clause) if id(u) not in venues]
        bare_heads = [u for u in clause if u.bare and u.parent is None and u.cls in ("Community", "Street")
                      and id(u) not in venues and not any(h.start < u.start for h in heads)]
        bare_heads += [u for u in clause if u.bare and u.suffix in BARE_ORG_SUFFIXES and id(u) not in venues]
        organizers: list[Entity] = []
        partners: list[Entity] = []
        marker_seen = False
        for unit in sorted(heads + bare_heads, key=lambda u: u.start):
            entity = self.state.resolve(unit)
            if entity is None:
                continue
            gap = self.state.norm[clause_start:unit.start]
            joint = any(j in gap for j in JOINT_MARKERS) or SUPPORTER.match(self.state.norm, unit.end) is not None
            marker_seen = marker_seen or joint
            (partners if joint else organizers).append(entity)
        location = None
        for unit in clause:
            if id(unit) in venues and unit.cls in PLACE_CLASSES | {"Facility"}:
                location = self.state.resolve(unit)
        if not organizers:
            # 医院组织医护人员, 在社区开展义诊活动: the subject stands in an earlier clause of the sentence
            earlier = [u for u in units if sent.start <= u.start < clause_start and not self._after_venue_marker(u)
                       and (u in self.state.heads(units) or (u.bare and u.suffix in BARE_ORG_SUFFIXES))]
            # A与B携手走进C社区,共同开展…: every unit of the subject's clause, those after 携手/联合 as partners
            first_clause_end = self.state.norm.find(",", earlier[0].end, clause_start) if earlier else -1
            subjects = [u for u in earlier if first_clause_end < 0 or u.start < first_clause_end]
            for unit in subjects:
                entity = self.state.resolve(unit)
                if entity is None or entity.cls not in ORGANIZER_CLASSES:
                    continue
                gap = self.state.norm[subjects[0].start:unit.start]
                joint = unit is not subjects[0] and any(j in gap for j in JOINT_MARKERS)
                (partners if joint or SUPPORTER.match(self.state.norm, unit.end) else organizers).append(entity)
        if not organizers and not partners and self.state.focus.unit is not None:
            organizers.append(self.state.focus.unit)
        elif not organizers and partners and self.state.focus.unit is not None:
            organizers.append(self.state.focus.unit)
        return unique_entities(organizers), unique_entities(p for p in partners if p not in organizers), location

    def _venues(self, clause: list[Mention]) -> set[int]:
        """Units a clause goes to (在/赴/深入 X): after a marker, with the places X is named over and the words
        that describe it (深入联点帮扶村大通县景阳镇甘树湾村), and the units listed after it (、下庙村)."""
        venues: set[int] = set()
        previous = None
        for unit in sorted(clause, key=lambda u: u.start):
            root = chain_root(unit)
            lead = self.state.norm[max(0, root.start - 12):root.start]
            marker = max((lead.rfind(m) + len(m) for m in VENUE_MARKERS if m in lead), default=-1)
            described = marker >= 0 and not re.search(r"[,;:、]", lead[marker:]) and not any(
                u is not unit and not u.bare and u.end <= root.start and root.start - 12 + marker <= u.start for u in clause
                if u not in (root, unit.parent))
            listed = previous is not None and id(previous) in venues and self.state.norm[previous.end:root.start] in ("、", "和", "及")
            if self._after_venue_marker(unit) or self._after_venue_marker(root) or described or listed:
                venues.add(id(unit))
            elif unit.parent is not None and id(unit.parent) in venues:
                venues.add(id(unit))
            previous = unit
        return venues

    def _after_venue_marker(self, unit: Mention) -> bool:
        return self.state.norm[max(0, unit.start - 2):unit.start].endswith(VENUE_MARKERS)

    def read_branches(self, sent: Sentence) -> None:
        for branch in find_branches(sent.text):
            host = self.state.focus.community or self.state.focus.unit
            scope = host.key if host else self.state.scope
            entity = self.state.entity(Entity(f"party-org/{scope}/{name_key(branch.label)}", "PartyOrganization",
                                         name_key(branch.label), set(branch.alt)))
            self.state.record(entity, sent.start + branch.start, sent.start + branch.end, sent)
            if host is not None and host.cls in ("Community", "Street", "Organization"):
                self.state.fact(entity, "hostUnit", host, sent)
                parent = self.state.focus.party.get(host.key)
                if parent is not None:
                    self.state.fact(entity, "subOrganizationOf", parent, sent)

    def read_programs(self, sent: Sentence, taken: list[tuple[int, int]]) -> None:
        branch_spans = [(b.start, b.end) for b in find_branches(sent.text)]
        for named in find_programs(sent.text, taken + branch_spans):
            if named.cls == "Facility":
                host = self.state.focus.community or self.state.focus.street
                entity = self.state.entity(scoped_entity("Facility", named.label, host.key if host else self.state.scope))
            else:
                entity = self.state.entity(program_entity(named.label))
                entity.alt.update(named.alt)
                if self.state.focus.unit is not None and self.state.focus.unit.cls in ("Community", "PartyOrganization"):
                    self.state.fact(self.state.focus.unit, "program", entity, sent)
            self.state.record(entity, sent.start + named.start, sent.start + named.end, sent)


def _audiences(text: str) -> list[str]:
    found: list[str] = []
    for word in AUDIENCES:
        if word in text and not any(word in f for f in found):
            found.append(word)
    if "助残" in text and "残疾人" not in found:
        found.append("残疾人")
    return found[:3]
