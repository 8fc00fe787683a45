"""What extraction produces: entities with stable keys, facts between them, mentions with offsets."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from dangjian.loaders.articles.segment import Article

KIND_SLUG = {
    "Province": "province", "City": "city", "District": "district", "Zone": "zone", "Street": "street",
    "Community": "community", "ResidentialCompound": "compound", "Facility": "facility",
    "PartyOrganization": "party-org", "Organization": "org", "Person": "person", "Event": "event",
    "Program": "program", "Post": "post",
}


@dataclass
class Entity:
    key: str                      # the IRI's path under id/, e.g. community/元和街道/富元社区 or place/320507…
    cls: str                      # dj: class name
    label: str                    # canonical name (one per key)
    alt: set[str] = field(default_factory=set)
    code: str | None = None       # official administrative-division code
    gazetteer: bool = False       # the node and its containment come from the gazetteer


@dataclass(frozen=True)
class Literal:
    value: str
    datatype: str | None = None   # xsd local name (date, gYearMonth, gYear, boolean …)
    lang: str | None = None


class Span(NamedTuple):
    """Character offsets [start, end) into the article text; a tuple, as a frozen dataclass costs a setattr per
    field on each of the hundred thousand a corpus makes."""
    start: int
    end: int


@dataclass
class Fact:
    s: str                        # entity key
    p: str                        # dj: property local name
    o: "str | Literal"            # entity key or literal
    evidence: Span | None = None  # the sentence it was read from (None for gazetteer facts)
    gazetteer: bool = False


@dataclass
class MentionRecord:
    key: str
    span: Span                    # the mention itself
    sentence: Span


@dataclass
class ArticleFacts:
    article: Article
    text: str                     # the article text offsets refer to
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    _fact_keys: set = field(default_factory=set, repr=False)
    mentions: list[MentionRecord] = field(default_factory=list)
    date: str | None = None
    source: str | None = None
    url: str | None = None
    source_file: str | None = None

    def add_entity(self, entity: Entity) -> Entity:
        known = self.entities.get(entity.key)
        if known is None:
            self.entities[entity.key] = entity
            return entity
        known.alt |= entity.alt
        return known

    def add_fact(self, fact: Fact) -> None:
        """Keep a fact once; coBuildsWith is symmetric, so its reverse counts as the same fact."""
        if fact.s == fact.o:
            return
        key = (fact.s, fact.p, fact.o)
        if key in self._fact_keys:
            return
        self._fact_keys.add(key)
        if fact.p == "coBuildsWith":
            self._fact_keys.add((fact.o, fact.p, fact.s))
        self.facts.append(fact)

    def merge(self, old: str, into: str, keep_name: bool = True) -> None:
        """Make `old` another name of `into`: its label becomes an alternative one (unless it was no name but a
        misread), its facts and mentions move."""
        gone, kept = self.entities.pop(old), self.entities[into]
        if keep_name:
            kept.alt |= {gone.label} | gone.alt
        facts, self.facts, self._fact_keys = self.facts, [], set()
        for fact in facts:
            s = into if fact.s == old else fact.s
            o = into if fact.o == old else fact.o
            self.add_fact(Fact(s, fact.p, o, fact.evidence, fact.gazetteer) if (s, o) != (fact.s, fact.o) else fact)
        for i, m in enumerate(self.mentions):
            if m.key == old:
                self.mentions[i] = MentionRecord(into, m.span, m.sentence)


def unique_entities(entities) -> list[Entity]:
    """Entities without repeats (by key), in first-seen order; None left out."""
    out: list[Entity] = []
    for e in entities:
        if e is not None and all(e.key != o.key for o in out):
            out.append(e)
    return out
