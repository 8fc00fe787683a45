"""An in-memory index of every entity's names, so substring search does not scan the store for each query."""
from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox

from dangjian.graph.lookup.labels import select
from dangjian.ontology import ARTICLE, DJ

__all__ = ["LabelIndex"]

_SEP = "\x00"


@dataclass(frozen=True)
class LabelIndex:
    """Entities in rank order (shorter label first) with their lower-cased names, for exact, prefix and substring hits.

    Build it once per version of the data (`LabelIndex.build(store)`): about 3 s for a 1M-triple
    graph of 60k entities; a search then takes well under a millisecond plus the hits' details.
    """

    iris: tuple[str, ...]
    labels: tuple[str, ...]
    types: tuple[frozenset[str], ...]
    exact: dict[str, tuple[int, ...]]
    sorted_names: tuple[tuple[str, int], ...]
    text: str
    starts: tuple[int, ...]
    owners: tuple[int, ...]
    originals: tuple[str, ...]

    @classmethod
    def build(cls, store) -> LabelIndex:
        """Read every entity's rdfs:label, skos:altLabel and dj: types from the store."""
        labels: dict[str, str] = {}
        types: dict[str, set[str]] = defaultdict(set)
        for row in select(store, "SELECT ?e ?name ?t WHERE { ?e rdfs:label ?name OPTIONAL { ?e a ?t } }"):
            iri = row["e"].value
            if isinstance(row["e"], ox.NamedNode):
                name = row["name"].value.replace(_SEP, "")
                if iri not in labels or name < labels[iri]:
                    labels[iri] = name
                if "t" in row and row["t"].value.startswith(DJ):
                    types[iri].add(row["t"].value[len(DJ):])
        names: dict[str, set[str]] = defaultdict(set)
        for iri, label in labels.items():
            names[iri].add(label)
        for row in select(store, "SELECT ?e ?name WHERE { ?e skos:altLabel ?name }"):
            if row["e"].value in labels:
                names[row["e"].value].add(row["name"].value.replace(_SEP, ""))
        iris = sorted(labels, key=lambda i: (len(labels[i]), labels[i], i))
        return cls._assemble(iris, labels, types, names)

    @classmethod
    def _assemble(cls, iris: list[str], labels: dict, types: dict, names: dict) -> LabelIndex:
        exact: dict[str, list[int]] = defaultdict(list)
        pieces, starts, owners, originals, offset = [], [], [], [], 0
        for rank, iri in enumerate(iris):
            for name in sorted(names[iri]):
                low = name.lower()
                exact[low].append(len(starts))
                pieces.append(low)
                starts.append(offset)
                owners.append(rank)
                originals.append(name)
                offset += len(low) + 1
        return cls(iris=tuple(iris), labels=tuple(labels[i] for i in iris),
                   types=tuple(frozenset(types.get(i, ())) for i in iris),
                   exact={k: tuple(v) for k, v in exact.items()},
                   sorted_names=tuple(sorted((low, slot) for slot, low in enumerate(pieces))),
                   text=_SEP.join(pieces) + _SEP, starts=tuple(starts), owners=tuple(owners),
                   originals=tuple(originals))

    def find(self, needle: str, *, type: str | None = None, limit: int = 20) -> list[tuple[str, str]]:
        """(IRI, matched name) of the best `limit` entities whose names contain `needle` (lower-case):
        exact matches, then prefixes, then other substrings; shorter labels first within each."""
        if not needle or _SEP in needle:
            return []
        chosen: dict[int, str] = {}
        for slots in (self.exact.get(needle, ()), self._prefixed(needle)):
            # Slots are numbered in rank order, so sorting them ranks the hits.
            for slot in sorted(slots):
                self._take(chosen, slot, type, limit)
        position = self.text.find(needle) if len(chosen) < limit else -1
        while position != -1 and len(chosen) < limit:
            slot = bisect.bisect_right(self.starts, position) - 1
            self._take(chosen, slot, type, limit)
            if slot + 1 >= len(self.starts):
                break
            position = self.text.find(needle, self.starts[slot + 1])
        return [(self.iris[rank], name) for rank, name in chosen.items()]

    def _take(self, chosen: dict[int, str], slot: int, type: str | None, limit: int) -> None:
        rank = self.owners[slot]
        if len(chosen) < limit and rank not in chosen and self._wanted(rank, type):
            chosen[rank] = self.originals[slot]

    def _prefixed(self, needle: str) -> list[int]:
        found = []
        at = bisect.bisect_left(self.sorted_names, (needle, -1))
        while at < len(self.sorted_names) and self.sorted_names[at][0].startswith(needle):
            found.append(self.sorted_names[at][1])
            at += 1
        return found

    def _wanted(self, rank: int, type: str | None) -> bool:
        if type is None:
            return not self.iris[rank].startswith(ARTICLE)
        return type in self.types[rank]
