"""Extract one article's entities and facts: units, people and posts, events, programs, co-building."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from dangjian.loaders import lexicon as lx
from dangjian.loaders.dates import find_date
from dangjian.loaders.mentions import BARE_ORG_SUFFIXES, PLACE_CLASSES, Mention, find_units
from dangjian.loaders.model import ArticleFacts, Entity, Fact, Literal, MentionRecord, Span
from dangjian.loaders.people import find_people
from dangjian.loaders.quoted import Named, find_branches, find_events, find_programs
from dangjian.loaders.resolve import Resolver, person_entity, program_entity, scoped_entity, unit_entity
from dangjian.loaders.segment import Article
from dangjian.loaders.text import Sentence, for_matching, name_key, split_sentences

ORGANIZER_CLASSES = {"Community", "Street", "PartyOrganization", "Organization", "District", "Zone"}
PARTNER_MARKERS = re.compile(r"(联合|携手|协同|会同|邀请|联手|与|和|同|及|、)")
JOINT_MARKERS = ("联合", "携手", "协同", "会同", "邀请", "联手")
COBUILD_RE = re.compile(r"(共建|结对|联建|共驻|签约|签订.{0,8}协议|合作协议|战略合作)")
AUDIENCES = ("新业态新就业群体", "新就业群体", "残疾人", "老年人", "独居老人", "空巢老人", "高龄老人", "青少年", "儿童",
             "留守儿童", "困境儿童", "退役军人", "困难群众", "困难家庭", "外卖小哥", "快递小哥", "快递员", "外卖员",
             "网约车司机", "环卫工人", "户外劳动者", "妇女", "青年党员", "老党员", "在职党员", "流动党员", "居民",
             "村民", "租户", "新市民", "志愿者", "学生", "家长", "企业职工", "务工人员")
SUPPORT_ROLES = {"志愿者", "网格员", "楼道长", "社工"}
GOVERNMENT_HEADS = ("镇长", "乡长", "区长", "县长", "市长", "村长")


def _government(place: str) -> str:
    """The government a 镇长/区长 heads: 洪山镇 → 洪山镇人民政府; a village's head sits in its 村委会."""
    return _body_name(place, "村委会") if place.endswith("村") else place + "人民政府"


def _body_name(place: str, body: str) -> str:
    """The name of a place's 居委会/村委会/办事处: 董岭村 + 村委会 = 董岭村委会."""
    if place.endswith("村") and body.startswith("村"):
        return place + body[1:]
    if place.endswith("街道") and body == "办事处":
        return place + body
    return place + body


@dataclass
class _Focus:
    community: Entity | None = None
    street: Entity | None = None
    unit: Entity | None = None
    party: dict[str, Entity] = field(default_factory=dict)


class ArticleExtractor:
    """Reads one article; `run()` returns its ArticleFacts."""

    def __init__(self, article: Article, resolver: Resolver, *, date: str | None, scope: str,
                 read: tuple[list[Sentence], list[list[Mention]]] | None = None) -> None:
        self.article = article
        self.resolver = resolver
        self.date = date
        self.scope = scope  # keys events and facilities that repeat across articles
        self.text = article.text
        self.norm = for_matching(self.text)
        self.out = ArticleFacts(article, self.text, date=date)
        self.focus = _Focus()
        self.sentences, self._units = read or read_units(self.norm)
        self._resolved: dict[int, Entity | None] = {}
        self._recent: dict[str, tuple[Entity, int]] = {}  # class → (last unit named, its paragraph)
        self._para = 0
        self._joins: list[tuple[Sentence, list[Mention]]] = []
        self._lead: str | None = None
        self._implied_hosts: dict[int, Entity] = {}

    # -- driver -------------------------------------------------------------------------------

    def run(self) -> ArticleFacts:
        self._find_focus()
        self._spread_list_parents()
        people_seen: dict[str, Entity] = {}
        for sent, units in zip(self.sentences, self._units):
            self._read_units(sent, units)
            self._read_people(sent, units, people_seen)
            events = self._read_events(sent, units)
            self._read_branches(sent)
            taken = [(e.start, e.end) for e in events]
            self._read_programs(sent, taken)
            self._read_cobuilding(sent, units)
        self._finish_joins()
        self._mention_known_people(people_seen)
        self._title_street_parents()
        for name in self.article.authors:
            self._entity(person_entity(name))
        for unit_name in self.article.byline_units:
            units = find_units(for_matching(unit_name))
            if units and units[-1].text == unit_name and units[-1].cls == "Organization":
                self._entity(unit_entity("Organization", unit_name))
        return self.out

    # -- units --------------------------------------------------------------------------------

    def _entity(self, entity: Entity) -> Entity:
        return self.out.add_entity(entity)

    def resolve(self, unit: Mention) -> Entity | None:
        """The entity a unit mention stands for (bare 社区/街道/党委 refer back to the article's units)."""
        if id(unit) in self._resolved:
            return self._resolved[id(unit)]
        entity = self._resolve(unit)
        self._resolved[id(unit)] = entity
        return entity

    def _resolve(self, unit: Mention) -> Entity | None:
        if unit.bare and unit.parent is None:
            if unit.cls == "Community":
                return self._recent_unit("Community") or self.focus.community
            if unit.cls == "Street":
                return self._recent_unit("Street") or self.focus.street
            if unit.suffix in BARE_ORG_SUFFIXES:
                return self._last_org(unit.suffix)
            host = self._recent_unit("Community") or self.focus.community
            if unit.cls == "Organization" and host is not None:
                return self._entity(unit_entity("Organization", _body_name(host.label, unit.suffix)))
            return None
        parent = self.resolve(unit.parent) if unit.parent is not None else None
        if unit.cls in PLACE_CLASSES:
            container = parent if parent is not None and parent.cls in PLACE_CLASSES else None
            if unit.cls == "ResidentialCompound":
                return self._entity(scoped_entity("ResidentialCompound", unit.text, container.key if container else self.scope))
            return self._entity(self.resolver.place(unit.text, unit.cls, container))
        if unit.cls == "PartyOrganization":
            if unit.parent is None:  # 在职党员功能型党支部: set up in the unit the paragraph is about
                parent = self._recent_unit("Community") or self.focus.community or self.focus.unit
                if parent is None or parent.cls not in ("Community", "Street", "Organization"):
                    return None
                entity = self._entity(unit_entity("PartyOrganization", unit.text, parent))
                entity.label = name_key(unit.text)
                self._implied_hosts[id(unit)] = parent
                return entity
            if parent is None:
                return None
            if unit.hosts:
                label = unit.text
            elif unit.text.startswith(unit.parent.text):
                label = parent.label + unit.text[len(unit.parent.text):]
            else:
                label = unit.text
            entity = self._entity(unit_entity("PartyOrganization", label, parent))
            if label.endswith(unit.suffix) and len(label) == len(parent.label) + len(unit.suffix):
                self.focus.party.setdefault(parent.key, entity)
            return entity
        if unit.cls == "Facility":
            host = parent or self.focus.community or self.focus.street
            return self._entity(scoped_entity("Facility", unit.text, host.key if host else self.scope))
        if unit.parent is not None and unit.parent.bare:
            if parent is None:
                return None
            return self._entity(unit_entity(unit.cls, parent.label + unit.text[len(unit.parent.text):]))
        return self._entity(unit_entity(unit.cls, unit.text))

    def _last_org(self, suffix: str) -> Entity | None:
        """The organization a bare 医院/银行 refers to: the last one named with that ending."""
        for entity in reversed(list(self.out.entities.values())):
            if entity.cls == "Organization" and entity.label.endswith(suffix):
                return entity
        return None

    def _recent_unit(self, cls: str) -> Entity | None:
        """The last community or street named in the same paragraph: what a bare 社区/村/街道 there refers to."""
        found = self._recent.get(cls)
        return found[0] if found is not None and found[1] == self._para else None

    def _find_focus(self) -> None:
        """The units the article is about: the first community and street of the title or lead, the lead's subject."""
        title_end = len(self.article.title)
        lead = [i for i, s in enumerate(self.sentences) if s.start >= title_end][:2]
        order = [i for i, s in enumerate(self.sentences) if s.start < title_end] + lead
        for i in order:
            for unit in self._units[i]:
                if unit.bare:
                    continue
                if unit.cls == "Community" and self.focus.community is None:
                    self.focus.community = self.resolve(unit)
                if unit.cls == "Street" and self.focus.street is None:
                    self.focus.street = self.resolve(unit)
        for i in lead + order:
            heads = self._heads(self._units[i])
            if heads:
                self.focus.unit = self.resolve(heads[0])
                break
        if self.focus.unit is None:
            self.focus.unit = self.focus.community or self.focus.street

    @staticmethod
    def _heads(units: list[Mention]) -> list[Mention]:
        """Units that are not merely the container or host of the next one in a chain."""
        parents = {id(u.parent) for u in units if u.parent is not None}
        return [u for u in units if id(u) not in parents and u.cls in ORGANIZER_CLASSES and not u.bare]

    def _spread_list_parents(self) -> None:
        """`元和街道)蠡口社区、建元社区、莫阳社区`: the container of the first of a list holds the rest."""
        for sent, units in zip(self.sentences, self._units):
            for a, b in zip(units, units[1:]):
                between = self.norm[a.end:b.start]
                if between in ("、", "和", "及", "与", ",") and a.cls == b.cls and a.cls in PLACE_CLASSES \
                        and b.parent is None and a.parent is not None and a.parent.cls in PLACE_CLASSES:
                    b.parent = a.parent

    def _record(self, entity: Entity, start: int, end: int, sent: Sentence) -> None:
        self.out.mentions.append(MentionRecord(entity.key, Span(start, end), Span(sent.start, sent.end)))

    def _fact(self, s: Entity, p: str, o: "Entity | Literal", sent: Sentence) -> None:
        obj = o.key if isinstance(o, Entity) else o
        self.out.add_fact(Fact(s.key, p, obj, Span(sent.start, sent.end)))

    def _read_units(self, sent: Sentence, units: list[Mention]) -> None:
        self._para = self.norm.count("\n", 0, sent.start)
        for unit in units:
            entity = self.resolve(unit)
            if entity is None:
                continue
            if not unit.bare and entity.cls in ("Community", "Street"):
                self._recent[entity.cls] = (entity, self._para)
            self._record(entity, unit.start, unit.end, sent)
            if id(unit) in self._implied_hosts:
                self._fact(entity, "hostUnit", self._implied_hosts[id(unit)], sent)
            parent = self.resolve(unit.parent) if unit.parent is not None else None
            if parent is None or parent is entity:
                continue
            if unit.cls == "PartyOrganization":
                for host in unit.hosts or [unit.parent]:
                    resolved = self.resolve(host)
                    if resolved is not None and resolved is not entity:
                        self._fact(entity, "hostUnit", resolved, sent)
            elif unit.cls in PLACE_CLASSES | {"Facility"} and parent.cls in PLACE_CLASSES:
                if not (unit.cls == "Facility" and unit.parent is not None and unit.parent.bare):
                    self._fact(entity, "partOf", parent, sent)

    def _title_street_parents(self) -> None:
        """`元和街道多社区开展助残活动`: a title naming one street places the article's communities in it."""
        title_end = len(self.article.title)
        streets = {self.resolve(u).key: self.resolve(u) for i, s in enumerate(self.sentences) if s.start < title_end
                   for u in self._units[i] if u.cls == "Street" and not u.bare and self.resolve(u) is not None}
        if len(streets) != 1:
            return
        street = next(iter(streets.values()))
        placed = {f.s for f in self.out.facts if f.p == "partOf"}
        for sent, units in zip(self.sentences, self._units):
            for unit in units:
                entity = self.resolve(unit)
                if entity is not None and entity.cls == "Community" and not unit.bare and entity.key not in placed:
                    self._fact(entity, "partOf", street, sent)
                    placed.add(entity.key)

    # -- people ---------------------------------------------------------------------------------

    def _read_people(self, sent: Sentence, units: list[Mention], seen: dict[str, Entity]) -> None:
        people, posts = find_people(sent.text, [self._local(u, sent) for u in units])
        for p in people:
            person = self._entity(person_entity(p.name))
            seen[p.name] = person
            self._record(person, sent.start + p.start, sent.start + p.end, sent)
        previous: Entity | None = None
        for post in sorted(posts, key=lambda x: x.pos):
            person = seen[post.person.name]
            org = self._post_org(post, units, sent, previous)
            if org is None or post.title in SUPPORT_ROLES:
                continue
            previous = org
            key = f"post/{person.label}/{org.key}/{post.title}"
            entity = self._entity(Entity(key, "Post", f"{person.label} {post.title}"))
            self._fact(entity, "holder", person, sent)
            self._fact(entity, "organization", org, sent)
            self._fact(entity, "title", Literal(post.title), sent)

    @staticmethod
    def _local(unit: Mention, sent: Sentence) -> Mention:
        return Mention(unit.start - sent.start, unit.end - sent.start, unit.text, unit.cls, unit.suffix,
                       parent=unit.parent, bare=unit.bare)

    def _host_of(self, org: Entity) -> Entity | None:
        for f in self.out.facts:
            if f.s == org.key and f.p == "hostUnit":
                return self.out.entities.get(f.o)
        return None

    def _post_org(self, post, units: list[Mention], sent: Sentence, previous: Entity | None) -> Entity | None:
        """The organization a post is held in: the unit before the title, or the one the title implies."""
        title = post.title
        unit = None
        if post.org is not None:
            unit = next((u for u in units if u.start - sent.start == post.org.start and u.cls == post.org.cls), None)
        entity = self.resolve(unit) if unit is not None else None
        if entity is not None and entity.cls in ("PartyOrganization", "Organization"):
            return entity
        place = entity if entity is not None and entity.cls in PLACE_CLASSES else None
        if place is None and previous is not None:
            place = previous if previous.cls in PLACE_CLASSES else self._host_of(previous)
        if place is None:
            place = self._recent_unit("Community") or self.focus.community or self.focus.street
        if post.org_word:
            if place is None or place.cls not in PLACE_CLASSES:
                return None
            if post.org_word in lx.PARTY_WORDS:
                word = "党工委" if place.cls == "Street" and post.org_word == "党委" and "党工委" in title else post.org_word
                return self._entity(unit_entity("PartyOrganization", place.label + word, place))
            return self._entity(unit_entity("Organization", _body_name(place.label, post.org_word)))
        if title.endswith(GOVERNMENT_HEADS) and place is not None and place.cls in PLACE_CLASSES:
            # a 镇长 heads the town's government: posts are held in organizations (core vocabulary)
            return self._entity(unit_entity("Organization", _government(place.label)))
        if title == "第一书记" and place is not None and place.cls in PLACE_CLASSES:
            known = self.focus.party.get(place.key)
            if known is not None:
                return known
            party = self._entity(unit_entity("PartyOrganization", place.label + "党组织", place))
            self._fact(party, "hostUnit", place, sent)
            return party
        if previous is not None and unit is None:
            if title.endswith(("书记", "委员")) and previous.cls == "PartyOrganization":
                return previous
            host = self._host_of(previous)
            if host is not None and host.cls == "Organization":
                return host
            if title.endswith("主任") and place is not None and place.cls == "Community":
                return self._entity(unit_entity("Organization", _body_name(place.label, "居委会" if place.label.endswith("社区") else "村委会")))
        return None

    def _mention_known_people(self, seen: dict[str, Entity]) -> None:
        """Every other place a known name stands in the article (家住3楼的张凤 after 张凤说)."""
        recorded = {(m.key, m.span.start) for m in self.out.mentions}
        for name, person in seen.items():
            for m in re.finditer(re.escape(name), self.norm):
                if (person.key, m.start()) in recorded:
                    continue
                sent = next((s for s in self.sentences if s.start <= m.start() < s.end), None)
                if sent is not None:
                    self._record(person, m.start(), m.end(), sent)

    # -- events, programs, branches --------------------------------------------------------------

    def _read_events(self, sent: Sentence, units: list[Mention]) -> list[Named]:
        if sent.start < len(self.article.title):
            return []  # a title sums up the events its article tells of
        events = find_events(sent.text)
        for ev in events:
            entity = self._entity(scoped_entity("Event", ev.label, self.scope))
            entity.alt.update(a for a in ev.alt if a)
            self._record(entity, sent.start + ev.start, sent.start + ev.end, sent)
            organizers, partners, location = self._event_roles(sent, units, sent.start + ev.verb_start)
            for org in organizers:
                self._fact(entity, "organizer", org, sent)
            for partner in partners:
                self._fact(entity, "partner", partner, sent)
            # a joint event of a community (or its party organization) and an outside unit shows co-building
            joint = organizers + partners
            for unit in joint:
                for other in joint:
                    if self._outside(other) and not self._outside(unit) and unit.cls in ("Community", "Street", "PartyOrganization"):
                        if not _related(unit, other, self.out.facts):
                            self._fact(unit, "coBuildsWith", other, sent)
            if location is not None:
                self._fact(entity, "location", location, sent)
            when = find_date(sent.text, self.date) or find_date(self._lead_text(), self.date)
            if when is not None and when.value:
                self._fact(entity, "date", Literal(when.value, when.datatype), sent)
            elif when is not None:
                self._fact(entity, "dateText", Literal(when.phrase, lang="zh"), sent)
            for audience in _audiences(sent.text + self.article.title):
                self._fact(entity, "audience", Literal(audience, lang="zh"), sent)
        return events

    def _lead_text(self) -> str:
        if self._lead is None:
            body = self.article.paragraphs
            self._lead = for_matching(body[0]) if body else ""
        return self._lead

    def _event_roles(self, sent: Sentence, units: list[Mention], verb: int):
        """Organizers (the clause's subject), partners (after 联合/携手) and the venue (在…) of an event."""
        clause_start = sent.start
        for m in re.finditer(r"[,;:]", self.norm[sent.start:verb]):
            before = [u for u in units if u.end <= sent.start + m.start()]
            after = [u for u in units if sent.start + m.end() <= u.start < verb]
            if after or not before:
                clause_start = sent.start + m.end()
        clause = [u for u in units if clause_start <= u.start < verb]
        venues = {id(u) for u in clause if self.norm[max(0, u.start - 1):u.start] == "在"}
        venues |= {id(u) for u in clause if u.parent is not None and id(u.parent) in venues}
        heads = [u for u in self._heads(clause) if id(u) not in venues]
        bare_heads = [u for u in clause if u.bare and u.parent is None and u.cls in ("Community", "Street")
                      and id(u) not in venues and not any(h.start < u.start for h in heads)]
        bare_heads += [u for u in clause if u.bare and u.suffix in BARE_ORG_SUFFIXES and id(u) not in venues]
        organizers: list[Entity] = []
        partners: list[Entity] = []
        marker_seen = False
        for unit in sorted(heads + bare_heads, key=lambda u: u.start):
            entity = self.resolve(unit)
            if entity is None:
                continue
            gap = self.norm[clause_start:unit.start]
            joint = any(j in gap for j in JOINT_MARKERS)
            marker_seen = marker_seen or joint
            (partners if joint else organizers).append(entity)
        location = None
        for unit in clause:
            if id(unit) in venues and unit.cls in PLACE_CLASSES | {"Facility"}:
                location = self.resolve(unit)
        if not organizers:
            # 医院组织医护人员, 在社区开展义诊活动: the subject stands in an earlier clause of the sentence
            earlier = [u for u in units if sent.start <= u.start < clause_start and id(u) not in venues
                       and (u in self._heads(units) or (u.bare and u.suffix in BARE_ORG_SUFFIXES))]
            subject = self.resolve(earlier[0]) if earlier else None
            if subject is not None and subject.cls in ORGANIZER_CLASSES:
                organizers.append(subject)
        if not organizers and not partners and self.focus.unit is not None:
            organizers.append(self.focus.unit)
        elif not organizers and partners and self.focus.unit is not None:
            organizers.append(self.focus.unit)
        return _unique(organizers), _unique(p for p in partners if p not in organizers), location

    def _read_branches(self, sent: Sentence) -> None:
        for branch in find_branches(sent.text):
            host = self.focus.community or self.focus.unit
            scope = host.key if host else self.scope
            entity = self._entity(Entity(f"party-org/{scope}/{name_key(branch.label)}", "PartyOrganization",
                                         name_key(branch.label), set(branch.alt)))
            self._record(entity, sent.start + branch.start, sent.start + branch.end, sent)
            if host is not None and host.cls in ("Community", "Street", "Organization"):
                self._fact(entity, "hostUnit", host, sent)
                parent = self.focus.party.get(host.key)
                if parent is not None:
                    self._fact(entity, "subOrganizationOf", parent, sent)

    def _read_programs(self, sent: Sentence, taken: list[tuple[int, int]]) -> None:
        branch_spans = [(b.start, b.end) for b in find_branches(sent.text)]
        for named in find_programs(sent.text, taken + branch_spans):
            if named.cls == "Facility":
                host = self.focus.community or self.focus.street
                entity = self._entity(scoped_entity("Facility", named.label, host.key if host else self.scope))
            else:
                entity = self._entity(program_entity(named.label))
                entity.alt.update(named.alt)
                if self.focus.unit is not None and self.focus.unit.cls in ("Community", "PartyOrganization"):
                    self._fact(self.focus.unit, "program", entity, sent)
            self._record(entity, sent.start + named.start, sent.start + named.end, sent)

    def _outside(self, entity: Entity) -> bool:
        """A unit outside the community system: an enterprise, bank, school, or a party organization of one."""
        if entity.cls == "Organization":
            return True
        hosts = [self.out.entities.get(f.o) for f in self.out.facts if f.s == entity.key and f.p == "hostUnit"]
        return entity.cls == "PartyOrganization" and any(h is not None and h.cls == "Organization" for h in hosts)

    # -- co-building ------------------------------------------------------------------------------

    def _read_cobuilding(self, sent: Sentence, units: list[Mention]) -> None:
        """Co-building stated in a sentence: `A与B结对共建`, `A携手B签订联建协议`, `共建单位X`, `X党员到Y社区报到`."""
        text = sent.text
        if not COBUILD_RE.search(text) and "报到" not in text and not JOIN_RE.search(text):
            return
        heads = sorted(self._heads(units) + [u for u in units if u.bare and u.cls in ("Community", "Street")],
                       key=lambda u: u.start)
        pairs: list[tuple[Entity | None, Entity | None]] = []
        for m in PAIR_MARKER.finditer(text):
            if not COBUILD_RE.search(text, m.end()):
                continue
            start, end = sent.start + m.start(), sent.start + m.end()
            left = self._list_before(heads, start)
            clause_end = _clause_end(self.norm, end)
            right = [u for u in heads if end <= u.start < clause_end and u.cls in COBUILD_CLASSES]
            if not right:
                continue
            if left:
                subjects = [self.resolve(u) for u in left]
            elif re.search(r"(^|[,;:]|以来|去年|此前|今年|已|还|先后|自)$", self.norm[sent.start:start]):
                subjects = [self._recent_unit("Community") or self.focus.unit]  # 自去年与…结对共建以来: the article's unit
            else:
                continue
            pairs += [(a, self.resolve(r)) for a in subjects for r in right]
        for m in re.finditer(r"(共建单位|结对单位|联建单位)", text):
            pos = sent.start + m.end()
            right = [u for u in heads if pos <= u.start <= pos + 2 and u.cls in COBUILD_CLASSES]
            subject = next((self.resolve(u) for u in heads if u.end <= sent.start + m.start()), None)
            pairs += [(subject or self.focus.unit, self.resolve(r)) for r in right]
        if "报到" in text:
            orgs = [u for u in heads if u.cls == "Organization"]
            places = [u for u in heads if u.cls == "Community" and not u.bare]
            pairs += [(self.resolve(o), self.resolve(c)) for o in orgs for c in places if o.start < c.start]
        if JOIN_RE.search(text):
            self._joins.append((sent, [u for u in heads if u.cls in ("Organization", "PartyOrganization")
                                       and not u.text.endswith(("联盟", "共同体"))]))
        for a, b in pairs:
            if a is not None and b is not None and a.key != b.key and not _related(a, b, self.out.facts):
                self._fact(a, "coBuildsWith", b, sent)

    def _list_before(self, heads: list[Mention], pos: int) -> list[Mention]:
        """The units of a list (A、B和C) that ends right before `pos`."""
        out: list[Mention] = []
        end = pos
        for unit in reversed([u for u in heads if u.end <= pos]):
            gap = self.norm[unit.end:end]
            if (not out and len(gap) <= 2 and not re.search(r"[,;:]", gap)) or (out and gap in ("、", "和", "及", "与")):
                out.insert(0, unit)
                end = unit.start
            else:
                break
        return out

    def _finish_joins(self) -> None:
        """Units that join a street's or community's alliance co-build with its party organization."""
        anchor = self.focus.unit
        if anchor is not None and anchor.cls in ("Street", "Community"):
            anchor = self.focus.party.get(anchor.key, anchor)
        for sent, units in self._joins:
            for unit in units:
                entity = self.resolve(unit)
                if anchor is not None and entity is not None and entity.key != anchor.key:
                    self._fact(anchor, "coBuildsWith", entity, sent)


COBUILD_CLASSES = {"Community", "Street", "PartyOrganization", "Organization"}
PAIR_MARKER = re.compile(r"(与|和|同|跟|联合|携手|会同)")
JOIN_RE = re.compile(r"(加入|成为)[^,，。]{0,8}(联盟|共同体|成员单位)")


def _clause_end(text: str, pos: int) -> int:
    m = re.compile(r"[,;:。!?]").search(text, pos)
    return m.start() if m else len(text)


def _related(a: Entity, b: Entity, facts: list[Fact]) -> bool:
    return any({f.s, f.o} == {a.key, b.key} for f in facts if f.p in ("hostUnit", "partOf", "subOrganizationOf"))


def _unique(entities) -> list[Entity]:
    out: list[Entity] = []
    for e in entities:
        if e is not None and all(e.key != o.key for o in out):
            out.append(e)
    return out


def _audiences(text: str) -> list[str]:
    found: list[str] = []
    for word in AUDIENCES:
        if word in text and not any(word in f for f in found):
            found.append(word)
    if "助残" in text and "残疾人" not in found:
        found.append("残疾人")
    return found[:3]


def read_units(norm: str) -> tuple[list[Sentence], list[list[Mention]]]:
    """The sentences of a (normalized) text and the units each names, with offsets into the text."""
    sentences = split_sentences(norm)
    units = []
    for s in sentences:
        found = find_units(s.text)
        for u in found:
            u.start += s.start
            u.end += s.start
        units.append(found)
    return sentences, units


def extract_articles(articles: list[Article], *, date: str | None, scope_of) -> tuple[list[ArticleFacts], Resolver]:
    """Extract every article of one page, with the page's places as the gazetteer's context."""
    context: list[str] = []
    read = []
    for article in articles:
        read.append(read_units(for_matching(article.text)))
        context.extend(u.text for units in read[-1][1] for u in units if u.cls in PLACE_CLASSES and not u.bare)
        context.extend(article.byline_units)
    resolver = Resolver(context)
    results = [ArticleExtractor(a, resolver, date=date, scope=scope_of(a), read=r).run() for a, r in zip(articles, read)]
    return results, resolver
