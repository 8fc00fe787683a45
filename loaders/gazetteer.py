"""The gazetteer of Chinese places: official names, parent chains and codes, and homonyms told apart by context.

The data is jionlp's five-level list (province → city → county → town/street → community/village,
2025), read from its files without importing jionlp and cached as sqlite (see `gazetteer_index`).
Codes are the 6-digit administrative-division codes jionlp gives provinces, cities, counties and
the statistical functional zones (320571 苏州工业园区); streets and communities have no code there,
so their `code` is None and their `key` is the nearest coded ancestor's code followed by names
(`320507/元和街道/蠡口社区`), stable across rebuilds.

`Place.name` is the gazetteer's own name (蠡口社区, 元和街道, 苏州市); 居委会/村委会 forms are
accepted as input but never returned. Functional zones come from the gazetteer where it lists them
and from `data/zones.tsv` otherwise; a zone's `name` is its full form (相城高新技术产业开发区) and
`aliases` its short forms (相城高新区).
"""

from __future__ import annotations

import os
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from dangjian.loaders.gazetteer_index import LEVELS, ZONE, ensure_index
from dangjian.loaders.zone_names import ZoneBook, ZoneEntry, default_zone_book

__all__ = ["Place", "Gazetteer", "get_gazetteer", "normalize"]

# A level asked for also accepts zones there: 苏州工业园区 stands where a district would.
_ACCEPTS = {"District": ("District", "Zone"), "Street": ("Street", "Zone")}
# Context names with more homonyms than this say too little about where an article is.
MAX_CONTEXT_CANDIDATES = 10
# How deep a shared ancestor must be for a homonym to be picked: 1 = same province, 2 = same city.
_MIN_SHARED = {"Community": 2}
_UNAMBIGUOUS_LEVELS = ("Province", "City", "District")
_DROP = str.maketrans("", "", " \t\r\n\u3000\"'“”‘’「」『』")
_QUERY_SUFFIXES = (
    ("社区居民委员会", ("社区",)),
    ("社区居委会", ("社区",)),
    ("村民委员会", ("村",)),
    ("村委会", ("村",)),
    ("居民委员会", ("社区", "")),
    ("居委会", ("社区", "")),
    ("街道办事处", ("街道",)),
    ("街道办", ("街道",)),
)


@dataclass(frozen=True, eq=False)
class Place:
    """A place of the gazetteer with its chain of parents up to the province.

    Two places are equal when their keys are equal.
    """

    name: str
    level: str  # a dj: class name: Province, City, District, Zone, Street, Community
    code: str | None
    parent: Place | None
    key: str = ""  # stable and unique: the code, or the parent's key / name
    aliases: tuple[str, ...] = ()
    path: tuple[str, ...] = field(init=False, repr=False)  # keys from the province down to self

    def __post_init__(self) -> None:
        key = self.key or self.code or (f"{self.parent.key}/{self.name}" if self.parent else self.name)
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "path", (*self.parent.path, key) if self.parent else (key,))

    def chain(self) -> list[Place]:
        """Self, parent, grandparent, … up to the province."""
        places, place = [], self
        while place is not None:
            places.append(place)
            place = place.parent
        return places

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Place) and other.key == self.key

    def __hash__(self) -> int:
        return hash(self.key)


def normalize(name: str) -> str:
    """NFKC, without white space and quotes: the form every lookup starts from."""
    return unicodedata.normalize("NFKC", name).translate(_DROP)


class Gazetteer:
    """Look-ups over one index file; cheap to create, safe to share across threads and forks."""

    def __init__(self, index: Path, zones: ZoneBook | None = None) -> None:
        self.index = Path(index)
        self.zones = zones or default_zone_book()
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        self._place = lru_cache(maxsize=200_000)(self._load_place)
        self._candidates = lru_cache(maxsize=100_000)(self._find)
        self._evidence = lru_cache(maxsize=1_024)(self._context_paths)
        self._resolved = lru_cache(maxsize=100_000)(self._resolve)

    # -- public surface -------------------------------------------------------------------

    def candidates(self, name: str, level: str | None = None) -> list[Place]:
        """Every place the name may denote, official names first.

        Accepts 居委会/村委会 forms (蠡口社区居委会), short forms (苏州, 相城) and zone short
        or full forms (相城高新区, 相城高新技术产业开发区).
        """
        wanted = _accepted(level)
        return [place for place in self._candidates(normalize(name)) if wanted is None or place.level in wanted]

    def resolve(self, name: str, level: str | None, context: Iterable[str] = ()) -> Place | None:
        """The one place the name denotes given the other places named nearby, or None.

        Each candidate scores by the deepest ancestor it shares with a context place (a zone counts
        for its district and the streets it runs), then by the sum over context names. None when
        nothing is found, when homonyms tie, or when a street or community shares nothing with a
        context that does name places (the right one is then missing from the gazetteer).
        """
        _accepted(level)
        return self._resolved(normalize(name), level, _context_key(context))

    def _resolve(self, name: str, level: str | None, context: tuple[str, ...]) -> Place | None:
        candidates = self.candidates(name, level)
        if not candidates:
            return None
        evidence = [paths for ctx, paths in self._evidence(context) if ctx != name]
        if len(candidates) == 1 and (not evidence or candidates[0].level in _UNAMBIGUOUS_LEVELS):
            return candidates[0]
        if not evidence:
            return None
        scored = sorted(((_score(place, evidence), place) for place in candidates), key=lambda s: s[0], reverse=True)
        (best, place), runner_up = scored[0], scored[1][0] if len(scored) > 1 else None
        needed = _MIN_SHARED.get(place.level, 1) if len(candidates) > 1 else 1
        if best[0] < needed or best == runner_up:
            return None
        return place

    def is_known(self, name: str) -> bool:
        """Whether the string names a place at any level, in any form `candidates` accepts."""
        return bool(self._candidates(normalize(name)))

    def names(self, level: str) -> Iterator[str]:
        """Every official name at one level, e.g. for a segmenter's user dictionary."""
        if level not in LEVELS:
            raise ValueError(f"unknown level {level!r}: use one of {', '.join(LEVELS)}")
        for (name,) in self._db().execute("SELECT DISTINCT name FROM place WHERE level = ?", (LEVELS.index(level),)):
            yield name

    # -- storage ----------------------------------------------------------------------------

    def _db(self) -> sqlite3.Connection:
        # A connection must not cross a fork: each worker process opens its own.
        if self._connection is None or self._pid != os.getpid():
            uri = f"{self.index.resolve().as_uri()}?mode=ro&immutable=1"
            self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._connection

    def _load_place(self, place_id: int) -> Place:
        parent_id, name, level, code, key = self._db().execute(
            "SELECT parent, name, level, code, key FROM place WHERE id = ?", (place_id,)
        ).fetchone()
        parent = self._place(parent_id) if parent_id else None
        aliases = tuple(self.zones.forms(name)[1:]) if level == ZONE else ()
        return Place(name, LEVELS[level], code, parent, key or "", aliases)

    def _lookup(self, forms: Iterable[str]) -> list[tuple[Place, bool]]:
        """Places answering to any of the forms, with whether the form is their official name."""
        forms = list(dict.fromkeys(forms))
        marks = ",".join("?" * len(forms))
        rows = self._db().execute(
            f"SELECT place, max(official) FROM form WHERE form IN ({marks}) GROUP BY place", forms
        ).fetchall()
        return [(self._place(place_id), bool(official)) for place_id, official in rows]

    # -- candidates -------------------------------------------------------------------------

    def _find(self, name: str) -> tuple[Place, ...]:
        forms = _query_forms(name, self.zones)
        found: dict[str, tuple[int, Place]] = {}
        for place, official in self._lookup(forms):
            found[place.key] = (0 if official and place.name == name else 1, place)
        for entry in {e for form in forms for e in self.zones.entries_named(form)}:
            place = self._zone(entry)
            if place is not None:
                found[place.key] = (0, place)
        if not found:
            for place in self._zones_by_stem(name):
                found[place.key] = (2, place)
        ranked = sorted(found.values(), key=lambda item: (item[0], len(item[1].path), item[1].key))
        return tuple(place for _, place in ranked)

    @cache  # noqa: B019 - one gazetteer lives for the whole process
    def _zone(self, entry: ZoneEntry) -> Place | None:
        """The place of a listed zone: the gazetteer's own record if it has one, else a new one."""
        anchor_name = entry.district or entry.city
        anchors = [p for p, _ in self._lookup([anchor_name]) if any(a.name == entry.city for a in p.chain())]
        if not anchors:
            return None
        anchor = anchors[0]
        for place, _ in self._lookup(entry.forms):
            if place.level == "Zone" and anchor in place.chain():
                aliases = tuple(form for form in entry.forms if form != place.name)
                return Place(place.name, place.level, place.code, place.parent, place.key, aliases)
        return Place(entry.name, "Zone", None, anchor, aliases=entry.aliases)

    def _zones_by_stem(self, name: str) -> list[Place]:
        """Zones missing from every list, placed under the district or city their name starts with."""
        stem = self.zones.stem(name)
        if stem is None:
            return []
        full, *others = self.zones.forms(name)
        parents = [p for p, _ in self._lookup([stem]) if p.level in ("City", "District")]
        return [Place(full, "Zone", None, parent, aliases=tuple(others)) for parent in parents]

    def zone_streets(self, zone: Place) -> list[Place]:
        """The streets a listed zone runs (相城高新区 → 元和街道), for context."""
        streets = []
        for entry in {e for form in (zone.name, *zone.aliases) for e in self.zones.entries_named(form)}:
            for street in entry.streets:
                streets += [p for p, _ in self._lookup([street]) if zone.parent in p.chain()]
        return streets

    # -- context ----------------------------------------------------------------------------

    def _context_paths(self, names: tuple[str, ...]) -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
        """For each context name that names few enough places, the key paths of those places."""
        evidence = []
        for name in names:
            places = self._candidates(name)
            if not places or len(places) > MAX_CONTEXT_CANDIDATES:
                continue
            paths = [p.path for p in places]
            paths += [s.path for p in places if p.level == LEVELS[ZONE] for s in self.zone_streets(p)]
            evidence.append((name, tuple(paths)))
        return tuple(evidence)


def _context_key(context: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({normalize(name) for name in context} - {""}))


def _score(place: Place, evidence: list[tuple[tuple[str, ...], ...]]) -> tuple[int, int]:
    shared = [max(_shared_depth(place.path, path) for path in paths) for paths in evidence]
    return max(shared), sum(shared)


def _shared_depth(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    depth = 0
    for x, y in zip(a, b):
        if x != y:
            break
        depth += 1
    return depth


def _accepted(level: str | None) -> tuple[str, ...] | None:
    if level is None:
        return None
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}: use one of {', '.join(LEVELS)}")
    return _ACCEPTS.get(level, (level,))


def _query_forms(name: str, zones: ZoneBook) -> list[str]:
    """The name as given plus the forms the gazetteer may list it under."""
    forms = [name]
    for suffix, replacements in _QUERY_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            for replacement in replacements:
                forms.append(stem if stem.endswith(replacement) else stem + replacement)
            break
    forms += [form for form in zones.forms(name) if form not in forms]
    return [form for form in forms if len(form) >= 2]


@cache
def get_gazetteer() -> Gazetteer:
    """The process's gazetteer, its index built on first use (a few seconds, once per machine)."""
    return Gazetteer(ensure_index())
