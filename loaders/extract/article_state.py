"""What the steps reading one article share: the article, its sentences and units, the facts so far, its focus.

The extraction (extract.py) builds one `ArticleState` per article and runs its named steps over it (units,
people, events, co-building), so what a step reads and writes is this object, named, rather than attributes of a
class it is mixed into.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from dangjian.loaders.articles.model import ArticleFacts, Entity, Fact, Literal, MentionRecord, Span
from dangjian.loaders.articles.segment import Article
from dangjian.loaders.extract.mentions import Mention
from dangjian.loaders.extract.resolve import Resolver
from dangjian.loaders.text.text import Sentence

ORGANIZER_CLASSES = {"Community", "Street", "PartyOrganization", "Organization", "District", "Zone"}
# The core vocabulary's range of dj:partner; a street, district or zone joining an event (联合X街道开展) is one of
# its organizers, which the vocabulary describes as all the units of a joint event.
PARTNER_CLASSES = {"Community", "PartyOrganization", "Organization"}
COBUILD_CLASSES = {"Community", "Street", "PartyOrganization", "Organization"}


@dataclass
class Focus:
    """The units an article is about: its community, street, lead unit, and each unit's own party organization."""
    community: Entity | None = None
    street: Entity | None = None
    unit: Entity | None = None
    party: dict[str, Entity] = field(default_factory=dict)


@dataclass(slots=True)
class ArticleState:
    """One article being read; `resolve`, set by the units step, turns a unit mention into its entity."""
    article: Article
    resolver: Resolver
    date: str | None
    scope: str  # keys events and facilities that repeat across articles
    norm: str
    out: ArticleFacts
    sentences: list[Sentence]
    units: list[list[Mention]]
    resolve: Callable[[Mention], Entity | None] = field(init=False)
    focus: Focus = field(default_factory=Focus)
    recent: dict[str, tuple[Entity, int]] = field(default_factory=dict)  # class → (last unit named, its paragraph)
    para: int = 0
    joins: list[tuple[Sentence, list[Mention]]] = field(default_factory=list)
    last_event: Entity | None = None  # what 此次活动 in a later sentence refers to
    partner_cue: tuple[Entity, int] | None = None  # who counted its partners, in which paragraph
    lead: str | None = None
    people_seen: dict[str, Entity] = field(default_factory=dict)  # name → person, for later bare mentions

    def entity(self, entity: Entity) -> Entity:
        return self.out.add_entity(entity)

    def record(self, entity: Entity, start: int, end: int, sent: Sentence) -> None:
        self.out.mentions.append(MentionRecord(entity.key, Span(start, end), Span(sent.start, sent.end)))

    def fact(self, s: Entity, p: str, o: "Entity | Literal", sent: Sentence) -> None:
        if p == "coBuildsWith" and not (s.cls in COBUILD_CLASSES and isinstance(o, Entity) and o.cls in COBUILD_CLASSES):
            return  # 宝坻区已有251个社区与驻区单位建立结对共建关系: a district sums up, it does not co-build
        obj = o.key if isinstance(o, Entity) else o
        self.out.add_fact(Fact(s.key, p, obj, Span(sent.start, sent.end)))

    def joined(self, event: Entity, unit: Entity, sent: Sentence) -> None:
        """A unit that took part in an event with its organizers: a partner, or an organizer where the vocabulary
        has no partner of its kind."""
        self.fact(event, "partner" if unit.cls in PARTNER_CLASSES else "organizer", unit, sent)

    def recent_unit(self, cls: str) -> Entity | None:
        """The last community or street named in the same paragraph: what a bare 社区/村/街道 there refers to."""
        found = self.recent.get(cls)
        return found[0] if found is not None and found[1] == self.para else None

    @staticmethod
    def heads(units: list[Mention]) -> list[Mention]:
        """Units that are not merely the container or host of the next one in a chain (a community stays one
        before its own station: 金源社区新时代文明实践站联合…开展 is the community's doing)."""
        parents = {id(u.parent) for u in units if u.parent is not None and u.cls != "Facility"}
        return [u for u in units if id(u) not in parents and u.cls in ORGANIZER_CLASSES and not u.bare]
