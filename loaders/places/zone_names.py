"""Names of functional zones (功能区): short ↔ full forms and the hand-written list in `data/zones.tsv`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

ZONES_FILE = Path(__file__).parent / "data" / "zones.tsv"

# Endings that make a name a zone even when no rule expands them; used to find the stem (吴中 in
# 吴中开发区) that tells which district or city the zone belongs to. 新城 is left out: it ends as
# many housing estates' names (朝阳新城) as zones'.
_ZONE_ENDINGS = ("开发区", "新区", "度假区", "园区", "工业园", "产业园", "示范区", "保税区", "合作区", "实验区")


@dataclass(frozen=True)
class ZoneEntry:
    """One zone of the list: its full name, the other names it goes by, and where it lies."""

    name: str
    aliases: tuple[str, ...]
    district: str | None  # None when the zone sits directly under the city
    city: str
    streets: tuple[str, ...]  # streets or towns the zone runs (区政合一), e.g. 元和街道

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class ZoneBook:
    """The zone list and suffix rules of one `zones.tsv`."""

    rules: tuple[tuple[str, str], ...]  # (full ending, short ending), e.g. (经济技术开发区, 经开区)
    entries: tuple[ZoneEntry, ...]

    def entries_named(self, name: str) -> list[ZoneEntry]:
        return self._by_form.get(name, [])

    @cached_property
    def _by_form(self) -> dict[str, list[ZoneEntry]]:
        index: dict[str, list[ZoneEntry]] = {}
        for entry in self.entries:
            for form in entry.forms:
                index.setdefault(form, []).append(entry)
        return index

    @cached_property
    def _endings(self) -> tuple[str, ...]:
        """Every zone ending, longest first."""
        endings = {ending for rule in self.rules for ending in rule} | set(_ZONE_ENDINGS)
        return tuple(sorted(endings, key=len, reverse=True))

    def forms(self, name: str) -> tuple[str, ...]:
        """The name in every form the rules give, the full form first.

        >>> default_zone_book().forms("吴中经开区")
        ('吴中经济技术开发区', '吴中经开区', '吴中经济开发区')
        """
        if not name.endswith(self._endings):
            return (name,)
        for full, short in self.rules:
            stem = _stem(name, full)
            if stem:
                return (name, stem + short)
        expanded = [stem + full for full, short in self.rules if (stem := _stem(name, short))]
        if not expanded:
            return (name,)
        return (expanded[0], name, *expanded[1:])

    def stem(self, name: str) -> str | None:
        """What precedes the zone ending (相城 in 相城高新区), or None for a name that is no zone."""
        if not name.endswith(self._endings):
            return None  # most names asked about: one test instead of one per ending
        for ending in self._endings:
            stem = _stem(name, ending)
            if stem:
                return stem
        return None


def _stem(name: str, ending: str) -> str | None:
    if name.endswith(ending) and len(name) - len(ending) >= 2:
        return name[: -len(ending)]
    return None


def read_zone_book(path: Path) -> ZoneBook:
    """Parse a zones file; a bad line raises ValueError naming the file and line."""
    rules: list[tuple[str, str]] = []
    entries: list[ZoneEntry] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if cells[0].startswith("*") and len(cells) == 2:
            rules.append((cells[0][1:], cells[1]))
        elif len(cells) == 5 and cells[0] and cells[3]:
            name, aliases, district, city, streets = cells
            district_name = None if district in ("", "-") else district
            entries.append(ZoneEntry(name, _split(aliases), district_name, city, _split(streets)))
        else:
            expected = "'*full<TAB>short' or five tab-separated cells"
            raise ValueError(f"{path}:{number}: expected {expected}: fix the line")
    return ZoneBook(tuple(rules), tuple(entries))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part for part in cell.replace(",", "、").split("、") if part and part != "-")


@cache
def default_zone_book() -> ZoneBook:
    """The zone list shipped with the package."""
    return read_zone_book(ZONES_FILE)
