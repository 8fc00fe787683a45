"""One node per real thing: stable keys and canonical labels for mentions, places linked to the gazetteer."""
from __future__ import annotations

from collections.abc import Iterable

from dangjian.loaders.places.gazetteer import Place, get_gazetteer
from dangjian.loaders.articles.model import KIND_SLUG, Entity, Fact
from dangjian.loaders.text.text import clean_label, name_key

ADMIN_LEVELS = ("Province", "City", "District", "Zone", "Street", "Community")


class Resolver:
    """Resolves names to entities with the places named on the same page as context."""

    def __init__(self, context: Iterable[str]) -> None:
        self.context = tuple(dict.fromkeys(name_key(c) for c in context if c))
        self.gazetteer_entities: dict[str, Entity] = {}
        self.gazetteer_facts: list[Fact] = []
        self._gazetteer_links: set[tuple[str, str]] = set()
        self._gazetteer_parent: dict[str, str] = {}
        self._places: dict[tuple[str, str], Entity] = {}
        self._districts: set[str] | None = None

    def place(self, name: str, cls: str, parent: Entity | None = None) -> Entity:
        """A place node: the gazetteer's when the name resolves there, else one keyed by name (and parent)."""
        cache_key = (name_key(name), cls)
        if cache_key in self._places:
            return self._places[cache_key]
        found = None
        if cls in ADMIN_LEVELS:
            context = self.context + ((parent.label,) if parent else ())
            level = "District" if cls == "City" else cls  # 浏阳市 is a county-level city: the gazetteer says which
            found = get_gazetteer().resolve(name, level, context)
            if found is None and cls == "City":
                found = get_gazetteer().resolve(name, "City", context)
            if found is not None and not _compatible(cls, found.level):
                found = None
            if found is not None and found.level == "Community" and not self._fits_context(found):
                found = None
            if found is not None and parent is not None and found.parent is not None \
                    and parent.cls == "Street" and name_key(found.parent.name) != name_key(parent.label):
                found = None  # the text names another street than the gazetteer's: the text wins
        if found is not None:
            entity = self._from_gazetteer(found)
            if name_key(name) != name_key(entity.label):
                entity.alt.add(name)
        else:
            label = name_key(name)
            alt = set()
            if cls == "Zone":
                short = _without_city(label)
                if short != label:  # 厦门火炬高新区 and 火炬高新区 are one zone
                    label, alt = short, {name_key(name)}
            scope = f"{name_key(parent.label)}/" if parent is not None and cls in ("Community", "Street") else ""
            entity = Entity(f"{KIND_SLUG[cls]}/{scope}{label}", cls, label, alt)
        self._places[cache_key] = entity
        return entity

    def names_districts(self) -> bool:
        """Whether the page names districts (or streets or zones of known districts) to place its villages in."""
        return bool(self._context_districts())

    def _fits_context(self, place: Place) -> bool:
        """A community must lie in a district the page names, when the page names districts or streets there."""
        districts = self._context_districts()
        if not districts:
            return True
        return any(p.key in districts for p in place.chain() if p.level in ("District", "Zone"))

    def _context_districts(self) -> set[str]:
        if self._districts is None:
            self._districts = set()
            gazetteer = get_gazetteer()
            for name in self.context:
                if gazetteer.count(name) > 3:
                    continue
                for cand in gazetteer.candidates(name):
                    if cand.level in ("District", "Street", "Zone"):
                        self._districts.update(p.key for p in cand.chain() if p.level in ("District", "Zone"))
        return self._districts

    def _from_gazetteer(self, place: Place) -> Entity:
        chain = place.chain()
        entities = [self._gazetteer_entity(p) for p in chain]
        for child, parent in zip(entities, entities[1:]):
            fact = Fact(child.key, "partOf", parent.key, gazetteer=True)
            if (fact.s, fact.o) not in self._gazetteer_links:
                self._gazetteer_links.add((fact.s, fact.o))
                self._gazetteer_parent.setdefault(fact.s, fact.o)
                self.gazetteer_facts.append(fact)
        return entities[0]

    def gazetteer_parent(self, key: str) -> str | None:
        """The key of a gazetteer place's direct container (None for a place not in the gazetteer, or a province)."""
        return self._gazetteer_parent.get(key)

    def _gazetteer_entity(self, place: Place) -> Entity:
        key = f"place/{place.key}"
        entity = self.gazetteer_entities.get(key)
        if entity is None:
            entity = Entity(key, place.level, place.name, set(place.aliases), code=place.code, gazetteer=True)
            self.gazetteer_entities[key] = entity
        return entity


def _without_city(name: str) -> str:
    """A zone's name without the city it starts with (厦门火炬高新区 → 火炬高新区), when enough is left."""
    for size in (3, 2):
        head, rest = name[:size], name[size:]
        if len(rest) >= 5 and any(p.level == "City" for p in get_gazetteer().candidates(head)):
            return rest
    return name


def _compatible(asked: str, found: str) -> bool:
    if asked == found:
        return True
    return {asked, found} <= {"City", "District"} or (asked in ("District", "Street") and found == "Zone")


def unit_entity(cls: str, label: str, host: Entity | None = None) -> Entity:
    """A party organization or other organization, keyed by its full name (and its host when it has one)."""
    label = name_key(label)
    if cls == "PartyOrganization" and host is not None:
        suffix = label[len(name_key(host.label)):] if label.startswith(name_key(host.label)) else label
        return Entity(f"party-org/{host.key}/{suffix}", cls, label)
    return Entity(f"{KIND_SLUG[cls]}/{label}", cls, label)


def person_entity(name: str) -> Entity:
    return Entity(f"person/{name_key(name)}", "Person", name_key(name))


def scoped_entity(cls: str, label: str, scope: str) -> Entity:
    """An entity whose name repeats across places (健康小屋) or articles (events): keyed within a scope."""
    label_key = name_key(label)
    return Entity(f"{KIND_SLUG[cls]}/{scope}/{label_key}", cls, label_key if cls != "Event" else label)


def program_entity(label: str) -> Entity:
    return Entity(f"program/{name_key(label)}", "Program", clean_label(label))
