"""Units of an article: each unit mention resolved to one entity, the article's focus, containment and host facts,
short forms merged into the full names they stand for (a step of the extraction over one `ArticleState`)."""
from __future__ import annotations

from dangjian.loaders.text import lexicon as lx
from dangjian.loaders.extract.article_state import ArticleState
from dangjian.loaders.extract.facts_events import VENUE_MARKERS
from dangjian.loaders.extract.facts_people import body_name
from dangjian.loaders.extract.mentions import (BARE_GOVERNMENTS, BARE_ORG_SUFFIXES, FOLLOWED_AS_UNIT, NAME_CHAR, PLACE_CLASSES, Mention,
                                               is_known, unit_suffix)
from dangjian.loaders.articles.model import Entity
from dangjian.loaders.text.name_words import abbreviates, described_by_kind, starts_common
from dangjian.loaders.extract.resolve import scoped_entity, unit_entity
from dangjian.loaders.text.text import Sentence, name_key


SHORT_FORM_CLASSES = {"PartyOrganization", "Organization"}
# party committees typed as organizations: the organs named after them are theirs, not set up in them
COMMITTEES = ("区委", "市委", "县委", "州委", "省委", "镇委")
PLACE_OPENERS = VENUE_MARKERS + ("位于", "地处")
# A residents' or villagers' committee named on its own stands for its community.
COMMITTEE_OF_PLACE = ("居委会", "居民委员会", "村委会", "村民委员会")


class UnitFacts:
    """Resolves the article's unit mentions (bare 社区/街道/党委 refer back to the units named before) and reads
    the facts units state by standing together: partOf, hostUnit."""

    def __init__(self, state: ArticleState) -> None:
        self.state = state
        self._resolved: dict[int, Entity | None] = {}
        self._implied_hosts: dict[int, Entity] = {}
        state.resolve = self.resolve

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
                return self.state.recent_unit("Community") or self.state.focus.community
            if unit.cls == "Street":
                return self.state.recent_unit("Street") or self.state.focus.street
            if unit.suffix in BARE_ORG_SUFFIXES:
                return self._last_org(unit.suffix)
            if unit.cls == "PartyOrganization" and unit.suffix in ("工委", "党工委") and unit.text == unit.suffix:
                return self._last_org(unit.suffix, "PartyOrganization")  # 省直机关工委…工委书记X: the one named
            if unit.suffix in BARE_GOVERNMENTS:
                place = self._last_place(*BARE_GOVERNMENTS[unit.suffix])
                return self.state.entity(unit_entity("Organization", place.label + "政府")) if place else None
            host = self.state.recent_unit("Community") or self.state.focus.community
            if unit.cls == "Organization" and host is not None:
                return self.state.entity(unit_entity("Organization", body_name(host.label, unit.suffix)))
            return None
        if unit.parent is None:
            longer = self._longer_form(unit) or self._place_named_whole(unit)
            if longer is not None:
                return longer
        parent = self.resolve(unit.parent) if unit.parent is not None else None
        if unit.cls in PLACE_CLASSES:
            container = parent if parent is not None and parent.cls in PLACE_CLASSES else None
            if unit.cls == "ResidentialCompound":
                return self.state.entity(scoped_entity("ResidentialCompound", unit.text, container.key if container else self.state.scope))
            place = self.state.resolver.place(unit.text, unit.cls, container)
            if unit.cls == "Community" and self._elsewhere(unit, place):
                return None
            return self.state.entity(place)
        if unit.cls == "PartyOrganization":
            if unit.parent is None:  # 在职党员功能型党支部: set up in the unit the paragraph is about
                parent = self.state.recent_unit("Community") or self.state.focus.community or self.state.focus.unit
                own = unit.sibling is not None and unit.sibling.parent is None and id(unit.sibling) not in self._implied_hosts
                if own or not described_by_kind(unit.text[:-len(unit.suffix)], unit.suffix):
                    return self.state.entity(unit_entity("PartyOrganization", unit.text))  # 中国太平广西区域工委: its own
                if parent is None or parent.cls not in ("Community", "Street", "Organization"):
                    return None
                entity = self.state.entity(unit_entity("PartyOrganization", unit.text, parent))
                entity.label = name_key(unit.text)
                self._implied_hosts[id(unit)] = parent
                return entity
            if parent is None:
                return None
            official = None
            if unit.hosts:
                label = unit.text
            elif unit.text.startswith(unit.parent.text):
                label = parent.label + unit.text[len(unit.parent.text):]
                if not unit.parent.bare and name_key(unit.text) != name_key(label):
                    label, official = unit.text, label  # 东川工业园区党委 as written, not after the gazetteer's 东川工业园
            else:
                label = unit.text
            entity = self.state.entity(unit_entity("PartyOrganization", label, parent))
            if official is not None:
                entity.alt.add(official)
            if label.endswith(unit.suffix) and len(label) == len(parent.label) + len(unit.suffix):
                self.state.focus.party.setdefault(parent.key, entity)
            return entity
        if unit.cls == "Organization" and unit.suffix in COMMITTEE_OF_PLACE and not unit.bare:
            return self._committee_place(unit, parent)
        if unit.cls == "Facility":
            host = parent or self.state.focus.community or self.state.focus.street
            return self.state.entity(scoped_entity("Facility", unit.text, host.key if host else self.state.scope))
        if unit.parent is not None and unit.parent.bare:
            if parent is None:
                return None
            return self.state.entity(unit_entity(unit.cls, parent.label + unit.text[len(unit.parent.text):]))
        return self.state.entity(unit_entity(unit.cls, unit.text))

    def _committee_place(self, unit: Mention, parent: Entity | None) -> Entity | None:
        """`丽新里社区居委会`, `桃李园居委会`, `老街村委会`: a residents' or villagers' committee named stands for its
        community, known also by the committee's name."""
        if parent is not None and parent.cls == "Community":
            place = parent
        elif unit.parent is not None and parent is None:
            return None  # 社区居委会 with no community to refer to
        elif parent is None:
            name = unit.text[:-len(unit.suffix)]
            kind = "村" if unit.suffix.startswith("村") else "社区"
            if len(name) < 2 or name.endswith(("社区", "村")):
                return self.state.entity(unit_entity(unit.cls, unit.text))
            place = self.state.entity(self.state.resolver.place(name + kind, "Community", None))
        else:
            return self.state.entity(unit_entity(unit.cls, unit.text))
        place.alt.add(unit.text)
        return place

    def _elsewhere(self, unit: Mention, place: Entity) -> bool:
        """A village name standing alone that the gazetteer knows only outside the districts the page is about
        (促进边界村社经济, 路小村密): a phrase that reads like a name, not a place of the article."""
        if unit.parent is not None or unit.bare or place.gazetteer or not self.state.resolver.names_districts():
            return False
        if FOLLOWED_AS_UNIT.match(self.state.norm, unit.end) or not is_known(unit.text):
            return False
        if self._stands_alone(unit.start):
            return False  # 圪垱店村是…, 近日,夏家桥社区开展…, 在首创社区举行: where a place stands
        return not any(u is not unit and u.cls in PLACE_CLASSES and (u.end == unit.start - 1 or u.start == unit.end + 1)
                       for units in self.state.units for u in units)

    def _longer_form(self, unit: Mention) -> Entity | None:
        """`局机关党委` after `宁波市农业农村局机关党委`, `东里社区` after `海东里社区`: a short form of a unit the
        article has already named in full is that unit."""
        if unit.cls not in SHORT_FORM_CLASSES or len(unit.text) < 3 or (len(unit.text) < 4 and not starts_common(unit.text)):
            return None  # three characters make a short form only with a common word (局机关), else a name of its own
        found = [e for e in self.state.out.entities.values() if e.cls == unit.cls and len(e.label) > len(unit.text)
                 and (e.label.endswith(unit.text) or abbreviates(unit.text, e.label, unit.suffix))]
        return found[-1] if len(found) == 1 or len({e.key for e in found}) == 1 else None

    def _place_named_whole(self, unit: Mention) -> Entity | None:
        """`向对门山村党支部`, `到对门山村`: a village whose first character was read as a preposition, after the
        article named it whole (龙场镇对门山村), is that village."""
        if unit.cls != "Community" or unit.bare or unit.start == 0:
            return None
        whole = self.state.norm[unit.start - 1] + unit.text
        return next((e for e in self.state.out.entities.values() if e.cls == "Community" and e.label == whole), None)

    def merge_short_forms(self) -> None:
        """A short form named before its full name (高科党支部 … 成都清华高科党支部), or beside an abbreviation, is
        the unit the full name names, when only one full name fits."""
        by_length = sorted((e for e in self.state.out.entities.values() if e.cls in SHORT_FORM_CLASSES),
                           key=lambda e: len(e.label))
        for short in by_length:
            if len(short.label) < 4:
                continue
            suffix = unit_suffix(short.label)
            found = {e.key for e in self.state.out.entities.values() if e.cls == short.cls and len(e.label) > len(short.label)
                     and (e.label.endswith(short.label) or abbreviates(short.label, e.label, suffix))}
            if len(found) == 1 and not self._hosted_apart(short.key, next(iter(found))):
                self.state.out.merge(short.key, found.pop())
        self._merge_overlong_places()
        events = [e for e in self.state.out.entities.values() if e.cls == "Event"]
        for i, later in enumerate(events):  # “城乡结对、文明共建”活动 and …结对活动: one event, named twice
            first = next((e for e in events[:i] if e.key in self.state.out.entities
                          and ({e.label} | e.alt) & ({later.label} | later.alt)), None)
            if first is not None:
                self.state.out.merge(later.key, first.key)

    def _merge_overlong_places(self) -> None:
        """A community written both as `立新东楼社区` and `东楼社区`: one community. The longer name is right where
        it stands on its own (after punctuation or 在/到); glued to the words before it (参观交流建东社区) those
        words are no part of the name."""
        communities = [e for e in self.state.out.entities.values() if e.cls == "Community" and not e.gazetteer]
        for long in communities:
            shorter = [e for e in self.state.out.entities.values() if e.cls == "Community" and e.key != long.key
                       and long.label.endswith(e.label) and len(e.label) >= 3]
            if len(shorter) != 1 or long.key not in self.state.out.entities:
                continue
            if any(self._stands_alone(m.span.start) for m in self.state.out.mentions if m.key == long.key):
                self.state.out.merge(shorter[0].key, long.key)
            else:
                self.state.out.merge(long.key, shorter[0].key, keep_name=False)

    def _stands_alone(self, start: int) -> bool:
        before = self.state.norm[max(0, start - 2):start]
        return start == 0 or not NAME_CHAR.match(before[-1]) or before.endswith(PLACE_OPENERS)

    def _hosted_apart(self, a: str, b: str) -> bool:
        """Whether two party organizations are set up in different units (no short form of each other)."""
        hosts = [{f.o for f in self.state.out.facts if f.s == k and f.p == "hostUnit"} for k in (a, b)]
        return bool(hosts[0] and hosts[1] and not hosts[0] & hosts[1])

    def _last_org(self, suffix: str, cls: str = "Organization") -> Entity | None:
        """The organization a bare 医院/银行 (or party 工委) refers to: the last one named with that ending."""
        for entity in reversed(list(self.state.out.entities.values())):
            if entity.cls == cls and entity.label.endswith(suffix):
                return entity
        return None

    def _last_place(self, cls: str, ending: str) -> Entity | None:
        """The last place of this level the article named (汉阴县 for a 县政府 written alone)."""
        for entity in reversed(list(self.state.out.entities.values())):
            if entity.cls == cls and entity.label.endswith(ending):
                return entity
        return None

    def find_focus(self) -> None:
        """The units the article is about: the first community and street of the title or lead, the lead's subject."""
        title_end = len(self.state.article.title)
        lead = [i for i, s in enumerate(self.state.sentences) if s.start >= title_end][:2]
        order = [i for i, s in enumerate(self.state.sentences) if s.start < title_end] + lead
        for i in order:
            for unit in self.state.units[i]:
                if unit.bare:
                    continue
                if unit.cls == "Community" and self.state.focus.community is None:
                    self.state.focus.community = self.resolve(unit)
                if unit.cls == "Street" and self.state.focus.street is None:
                    self.state.focus.street = self.resolve(unit)
        for i in lead + order:
            heads = self.state.heads(self.state.units[i])
            if heads:
                self.state.focus.unit = self.resolve(heads[0])
                break
        if self.state.focus.unit is None:
            self.state.focus.unit = self.state.focus.community or self.state.focus.street

    def spread_list_parents(self) -> None:
        """`元和街道)蠡口社区、建元社区、莫阳社区`: the container of the first of a list holds the rest."""
        for units in self.state.units:
            for a, b in zip(units, units[1:]):
                between = self.state.norm[a.end:b.start]
                if between in ("、", "和", "及", "与", ",") and a.cls == b.cls and a.cls in PLACE_CLASSES \
                        and b.parent is None and a.parent is not None and a.parent.cls in PLACE_CLASSES:
                    b.parent = a.parent

    def read_sentence(self, sent: Sentence, units: list[Mention]) -> None:
        self.state.para = self.state.norm.count("\n", 0, sent.start)
        for unit in units:
            entity = self.resolve(unit)
            if entity is None:
                continue
            if not unit.bare and entity.cls in ("Community", "Street"):
                self.state.recent[entity.cls] = (entity, self.state.para)
            self.state.record(entity, unit.start, unit.end, sent)
            if id(unit) in self._implied_hosts:
                self.state.fact(entity, "hostUnit", self._implied_hosts[id(unit)], sent)
            parent = self.resolve(unit.parent) if unit.parent is not None else None
            if parent is None or parent is entity:
                continue
            if unit.cls == "PartyOrganization":
                for host in unit.hosts or [unit.parent]:
                    resolved = self.resolve(host)
                    if resolved is not None and resolved is not entity and resolved.cls not in ("City", "Province") \
                            and not (resolved.cls == "Organization" and resolved.label.endswith(COMMITTEES)):
                        self.state.fact(entity, "hostUnit", resolved, sent)  # 大同市…联合党支部, 区委两新工委: no host
            elif unit.cls in PLACE_CLASSES | {"Facility"} and parent.cls in PLACE_CLASSES:
                # 韶山市清溪镇韶山市…: a name repeated in a run of places is not inside the one before it
                if lx.lies_in(entity.cls, parent.cls) \
                        and not (unit.cls == "Facility" and unit.parent is not None and unit.parent.bare):
                    self.state.fact(entity, "partOf", parent, sent)

    def place_in_title_street(self) -> None:
        """`元和街道多社区开展助残活动`: a title naming one street places the article's communities in it."""
        title_end = len(self.state.article.title)
        streets = {self.resolve(u).key: self.resolve(u) for i, s in enumerate(self.state.sentences) if s.start < title_end
                   for u in self.state.units[i] if u.cls == "Street" and not u.bare and self.resolve(u) is not None}
        if len(streets) != 1:
            return
        street = next(iter(streets.values()))
        placed = {f.s for f in self.state.out.facts if f.p == "partOf"}
        for sent, units in zip(self.state.sentences, self.state.units):
            for unit in units:
                entity = self.resolve(unit)
                if entity is not None and entity.cls == "Community" and not unit.bare and entity.key not in placed:
                    self.state.fact(entity, "partOf", street, sent)
                    placed.add(entity.key)

    def place_by_gazetteer(self) -> None:
        """Two places the article names, one inside the other by the gazetteer: the article places one in the
        other (南京市 … 鼓楼区), said where the inner one is named. Containers it does not name stay reference
        data (dj:withinArea in the gazetteer graph), not facts of the article."""
        placed = {f.s for f in self.state.out.facts if f.p == "partOf"}
        by_start = {s.start: s for s in self.state.sentences}
        first_seen: dict[str, Sentence] = {}
        for m in self.state.out.mentions:
            first_seen.setdefault(m.key, by_start[m.sentence.start])
        for key, entity in list(self.state.out.entities.items()):
            if not entity.gazetteer or key in placed or key not in first_seen:
                continue
            parent = self.state.resolver.gazetteer_parent(key)  # the direct container only: no level is skipped
            if parent in first_seen:
                self.state.fact(entity, "partOf", self.state.out.entities[parent], first_seen[key])
