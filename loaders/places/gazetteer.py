"""The gazetteer of Chinese places: official names, parent chains, codes, homonyms told apart by context.

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

>>> gazetteer = get_gazetteer()
>>> [p.name for p in gazetteer.resolve("元和街道", "Street", ["相城区", "苏州市"]).chain()]
['元和街道', '相城区', '苏州市', '江苏省']
>>> gazetteer.resolve("元和街道", "Street", []) is None  # two 元和街道, nothing to choose by
True
>>> gazetteer.resolve("相城经开区", "Zone", ["元和街道"]).name
'相城经济技术开发区'
"""

from __future__ import annotations

import os
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from dangjian.loaders.places.gazetteer_index import LEVELS, ZONE, ensure_index
from dangjian.loaders.places.zone_names import ZoneBook, ZoneEntry, default_zone_book

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


@dataclass(frozen=True, eq=False, slots=True)
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


@lru_cache(maxsize=4096)  # the page's context names are normalized again for every place resolved against them
def normalize(name: str) -> str:
    """NFKC, without white space and quotes: the form every lookup starts from.

    >>> normalize(" “苏州市”\u3000姑苏区 ")
    '苏州市姑苏区'
    """
    return unicodedata.normalize("NFKC", name).translate(_DROP)


class _Hit(NamedTuple):
    """A candidate before it is made a Place: cheap to score, cheap to cache."""

    path: tuple[str, ...]  # row ids from the province down; a zone that is no row ends in its key
    level: str
    rank: int  # 0 the official name, 1 another form, 2 a zone guessed from its name
    place: Place | None  # set for zones that are no row of the index


class Gazetteer:
    """Look-ups over one index file; cheap to create, safe to share across threads and forks."""

    def __init__(self, index: Path, zones: ZoneBook | None = None) -> None:
        self.index = Path(index)
        self.zones = zones or default_zone_book()
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        # Bounded caches: memory stays flat however many articles a process reads.
        self._place = lru_cache(maxsize=20_000)(self._load_place)
        self._hits = lru_cache(maxsize=20_000)(self._find)
        self._listed_zone = lru_cache(maxsize=None)(self._zone)
        self._evidence = lru_cache(maxsize=256)(self._context_votes)
        self._resolved = lru_cache(maxsize=8_192)(self._resolve)

    # -- public surface -------------------------------------------------------------------

    def candidates(self, name: str, level: str | None = None) -> list[Place]:
        """Every place the name may denote, official names first.

        Accepts 居委会/村委会 forms (蠡口社区居委会), short forms (苏州, 相城) and zone short
        or full forms (相城高新区, 相城高新技术产业开发区).
        """
        return [self._place_of(hit) for hit in _filter(self._hits(normalize(name)), level)]

    def count(self, name: str, level: str | None = None) -> int:
        """How many places `candidates` would return, without loading them."""
        return len(_filter(self._hits(normalize(name)), level))

    def resolve(self, name: str, level: str | None, context: Iterable[str] = ()) -> Place | None:
        """The one place the name denotes given the other places named nearby, or None.

        The context names are first resolved among themselves; then each candidate scores by the
        deepest ancestor it shares with them (a zone counts for its district and the streets it
        runs) and by how many of them share each level. None when nothing is found, when homonyms
        tie, when a community's best match is not even in the same city, or when a street or
        community shares nothing with a context that does name places (the right one is then
        missing from the gazetteer).
        """
        _accepted(level)
        key = _page_context_key(context) if isinstance(context, tuple) else _context_key(context)
        hit = self._resolved(normalize(name), level, key)
        return None if hit is None else self._place_of(hit)

    def is_known(self, name: str) -> bool:
        """Whether the string names a place at any level, in any form `candidates` accepts."""
        key = normalize(name)
        forms = _query_forms(key, self.zones)
        if not self._any_form(forms) and not any(self.zones.entries_named(form) for form in forms) \
                and self.zones.stem(key) is None:
            return False  # most strings asked about name no place: one existence query, no candidates built
        return bool(self._hits(key))

    def names_starting(self, prefix: str, cap: int = 50) -> int:
        """How many official place names begin with `prefix`, counted up to `cap`: words that open many
        names (胜利, 建设, 张家) are name words; verbs such as 促进 or 参观 open almost none."""
        row = self._db().execute(
            "SELECT count(*) FROM (SELECT 1 FROM form WHERE form >= ? AND form < ? AND official = 1 LIMIT ?)",
            (prefix, prefix + "\U0010ffff", cap),
        ).fetchone()
        return row[0]

    def names(self, level: str) -> Iterator[str]:
        """Every official name at one level, e.g. for a segmenter's user dictionary."""
        _accepted(level)
        rows = self._db().execute("SELECT DISTINCT name FROM place WHERE level = ?", (LEVELS.index(level),))
        for (name,) in rows:
            yield name

    def about(self) -> dict[str, str]:
        """The index's source, format, size and build time, for the gazetteer graph's provenance."""
        return dict(self._db().execute("SELECT k, v FROM meta").fetchall())

    def zone_streets(self, zone: Place) -> list[Place]:
        """The streets a listed zone runs (相城高新区 → 元和街道), e.g. for `dj:partOf` facts."""
        return [self._place_of(hit) for hit in self._zone_street_hits(zone)]

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

    def _place_of(self, hit: _Hit) -> Place:
        return hit.place or self._place(int(hit.path[-1]))

    def _any_form(self, forms: list[str]) -> bool:
        if not forms:
            return False
        sql = f"SELECT 1 FROM form WHERE form IN ({','.join('?' * len(forms))}) LIMIT 1"
        return self._db().execute(sql, forms).fetchone() is not None

    def _lookup(self, forms: Iterable[str]) -> list[_Hit]:
        """Rows answering to any of the forms; rank 0 where the form is the row's official name."""
        forms = list(dict.fromkeys(forms))
        if not forms:
            return []
        rows = self._db().execute(
            "SELECT lineage, level, max(official AND form = ?) FROM form"
            f" WHERE form IN ({','.join('?' * len(forms))}) GROUP BY place",
            [forms[0], *forms],
        ).fetchall()
        return [_Hit(tuple(path.split("/")), LEVELS[level], 1 - exact, None) for path, level, exact in rows]

    # -- candidates -------------------------------------------------------------------------

    def _find(self, name: str) -> tuple[_Hit, ...]:
        forms = _query_forms(name, self.zones)
        found = {hit.path: hit for hit in self._lookup(forms)}
        for entry in dict.fromkeys(e for form in forms for e in self.zones.entries_named(form)):
            hit = self._listed_zone(entry)
            if hit is not None:
                found[hit.path] = hit
        if not found:
            found = {hit.path: hit for hit in self._zones_by_stem(name)}
        # A stable sort: equal ranks keep the index's order, the same on every run.
        return tuple(sorted(found.values(), key=lambda hit: (hit.rank, len(hit.path))))

    def _zone(self, entry: ZoneEntry) -> _Hit | None:
        """A listed zone: the gazetteer's own row if it has one (given the list's names), else a new place."""
        anchors = [h for h in self._lookup([entry.district or entry.city]) if self._lies_in(h, entry.city)]
        if not anchors:
            return None
        anchor = anchors[0]
        for hit in self._lookup(entry.forms):
            if hit.level == "Zone" and hit.path[: len(anchor.path)] == anchor.path:
                row = self._place_of(hit)
                aliases = tuple(form for form in entry.forms if form != row.name)
                place = Place(row.name, row.level, row.code, row.parent, row.key, aliases)
                return _Hit(hit.path, "Zone", 0, place)
        place = Place(entry.name, "Zone", None, self._place_of(anchor), aliases=entry.aliases)
        return _Hit((*anchor.path, place.key), "Zone", 0, place)

    def _lies_in(self, hit: _Hit, city: str) -> bool:
        return city in (place.name for place in self._place_of(hit).chain())

    def _zones_by_stem(self, name: str) -> list[_Hit]:
        """Zones missing from every list, placed under the district or city their name starts with."""
        stem = self.zones.stem(name)
        if stem is None:
            return []
        full, *others = self.zones.forms(name)
        hits = []
        for parent in self._lookup([stem]):
            if parent.level in ("City", "District"):
                place = Place(full, "Zone", None, self._place_of(parent), aliases=tuple(others))
                hits.append(_Hit((*parent.path, place.key), "Zone", 2, place))
        return hits

    def _zone_street_hits(self, zone: Place) -> list[_Hit]:
        entries = dict.fromkeys(e for form in (zone.name, *zone.aliases) for e in self.zones.entries_named(form))
        streets = [street for entry in entries for street in entry.streets]
        if not streets or zone.parent is None:
            return []
        return [hit for hit in self._lookup(streets) if zone.parent in self._place_of(hit).chain()]

    # -- resolving ---------------------------------------------------------------------------

    def _resolve(self, name: str, level: str | None, context: tuple[str, ...]) -> _Hit | None:
        hits = _filter(self._hits(name), level)
        if not hits:
            return None
        settled, everything = self._evidence(context)
        # When no context name could be settled on its own (朱巷社区 alone has two homonyms), all
        # their homonyms vote, so that the query and the context can settle each other.
        votes = settled if settled.has_voters(besides=name) else everything
        informative = votes.has_voters(besides=name)
        if len(hits) == 1 and (not informative or hits[0].level in _UNAMBIGUOUS_LEVELS):
            return hits[0]
        if not informative:
            return None
        return _pick(hits, votes, name, needed=None if len(hits) > 1 else 1)

    def _context_votes(self, names: tuple[str, ...]) -> tuple[_Votes, _Votes]:
        """The context's places with each homonym settled by the other names (or left out), and
        the context's places with every homonym."""
        options = {}
        for name in names:
            hits = self._hits(name)
            if 0 < len(hits) <= MAX_CONTEXT_CANDIDATES:
                options[name] = hits
        everything = _Votes(
            (name, [path for hit in hits for path in self._paths(hit)]) for name, hits in options.items()
        )
        chosen = []
        for name, hits in options.items():
            # A homonym in the context is kept only where others place it in the same city.
            hit = hits[0] if len(hits) == 1 else _pick(hits, everything, name, needed=2)
            if hit is not None:
                chosen.append((name, self._paths(hit)))
        return _Votes(chosen), everything

    def _paths(self, hit: _Hit) -> list[tuple[str, ...]]:
        """Where a context place points: itself, and for a zone also the streets it runs."""
        if hit.level != "Zone":
            return [hit.path]
        return [hit.path, *(street.path for street in self._zone_street_hits(self._place_of(hit)))]


class _Votes:
    """Which context names have a place under each path prefix (province, city, …)."""

    def __init__(self, named_paths: Iterable[tuple[str, list[tuple[str, ...]]]]) -> None:
        self.by_prefix: dict[tuple[str, ...], set[str]] = {}
        for name, paths in named_paths:
            for path in paths:
                for depth in range(1, len(path) + 1):
                    self.by_prefix.setdefault(path[:depth], set()).add(name)

    def has_voters(self, besides: str) -> bool:
        return any(names - {besides} for names in self.by_prefix.values())

    def score(self, path: tuple[str, ...], besides: str) -> tuple[int, int]:
        """(deepest level shared with some other name, sum over levels of names sharing it)."""
        deepest = total = 0
        for depth in range(1, len(path) + 1):
            names = self.by_prefix.get(path[:depth], ())
            count = len(names) - (besides in names)
            if count == 0:
                break
            deepest, total = depth, total + count
        return deepest, total


def _pick(hits: Iterable[_Hit], votes: _Votes, name: str, needed: int | None) -> _Hit | None:
    """The best-scoring hit, if it beats the runner-up and shares a deep enough ancestor.

    `needed` is that depth (1 = same province, 2 = same city), or None for the level's default.
    """
    scored = sorted(((votes.score(h.path, name), h) for h in hits), key=lambda item: item[0], reverse=True)
    (best, hit), runner_up = scored[0], (scored[1][0] if len(scored) > 1 else None)
    if needed is None:
        needed = _MIN_SHARED.get(hit.level, 1)
    if best[0] < needed or best == runner_up:
        return None
    return hit


def _filter(hits: tuple[_Hit, ...], level: str | None) -> list[_Hit]:
    wanted = _accepted(level)
    return [hit for hit in hits if wanted is None or hit.level in wanted]


@lru_cache(maxsize=256)  # a page resolves all its places against the same context
def _page_context_key(context: tuple[str, ...]) -> tuple[str, ...]:
    return _context_key(context)


def _context_key(context: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({normalize(name) for name in context} - {""}))


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
