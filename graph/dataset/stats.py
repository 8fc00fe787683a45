"""Size of a store at a glance: triples, named graphs, and entities per `dj:` class."""
from __future__ import annotations

from dataclasses import dataclass, field

from dangjian.graph.store import Store
from dangjian.ontology import CORE_CLASSES, DJ

__all__ = ["Stats", "store_stats"]

CLASS_COUNTS = f"""
SELECT ?class (COUNT(DISTINCT ?entity) AS ?n)
WHERE {{ ?entity a ?class . FILTER(STRSTARTS(STR(?class), "{DJ}")) }}
GROUP BY ?class
"""


@dataclass
class Stats:
    """Counts of one store; `classes` maps a dj: class name (no prefix) to its number of entities."""

    triples: int
    graphs: int
    classes: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict:
        """A plain dict for `--format json`."""
        return {"triples": self.triples, "graphs": self.graphs, "entities": self.classes}

    def text(self) -> str:
        """Readable lines: totals, then one line per class, largest first."""
        width = max((len(name) for name in self.classes), default=0) + 3
        lines = [f"triples  {self.triples}", f"graphs   {self.graphs}", "entities"]
        for name, n in sorted(self.classes.items(), key=lambda item: (-item[1], item[0])):
            lines.append(f"  {'dj:' + name:<{width}} {n}")
        return "\n".join(lines) + "\n"


def store_stats(store: Store) -> Stats:
    """Count a store; every core class is listed, with 0 when it has no entity yet."""
    classes = dict.fromkeys(CORE_CLASSES, 0)
    for row in store.query(CLASS_COUNTS):
        classes[row["class"].value[len(DJ):]] = int(row["n"].value)
    return Stats(triples=store.count(), graphs=len(store.graphs()), classes=classes)
