"""Gold annotations of a document (the format of ../shared/eval/seed-gold.json) and how names in them match.

A gold file is JSON: `entities` ({"type": class or [classes], "name", "aliases"?, "optional"?}) and
`relations` ({"s": name, "p": property or [properties], "o": name, "title"? for a post, "optional"?}),
with `document` naming the text. Names match after `normalize`; events and articles also match when one
name of four or more characters contains the other, since titles and event names are cut differently.
"""
from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dangjian.ontology.errors import DangjianError

__all__ = ["GoldError", "Gold", "normalize", "as_list", "read_gold"]

QUOTES = "“”‘’\"'「」『』《》〈〉"
LOOSE = frozenset({"Event", "Article"})
_MIN_CONTAINED = 4  # characters: shorter names would match inside unrelated titles


class GoldError(DangjianError, ValueError):
    """A gold file that cannot be read; the message names the file (and line) and what to fix."""


def normalize(name: str) -> str:
    """A name as gold and system names are compared: NFKC, without quotes and white space.

    >>> normalize("“红色 治理”")
    '红色治理'
    """
    return "".join(c for c in unicodedata.normalize("NFKC", name) if c not in QUOTES and not c.isspace())


def as_list(value: str | list[str]) -> list[str]:
    """A gold field that holds one value or a list of acceptable ones, as a list."""
    return value if isinstance(value, list) else [value]


@dataclass
class Gold:
    """The annotations of one document, indexed by normalized name."""

    entities: list[dict]
    relations: list[dict]
    document: str | None = None
    by_name: dict[str, set[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for index, entity in enumerate(self.entities):
            for name in self.names(index):
                self.by_name.setdefault(name, set()).add(index)

    def names(self, index: int) -> set[str]:
        entity = self.entities[index]
        return {normalize(n) for n in [entity["name"], *entity.get("aliases", [])]}

    def types(self, index: int) -> list[str]:
        return as_list(self.entities[index]["type"])

    def named(self, name: str) -> set[int]:
        """The gold entities called `name`."""
        return self.by_name.get(normalize(name), set())

    def match(self, labels: Iterable[str], types: set[str] | None = None) -> set[int]:
        """The gold entities (of one of `types`, when given) that a system node with these labels stands for."""
        labels = {normalize(label) for label in labels}
        return {index for index in range(len(self.entities))
                if (types is None or set(self.types(index)) & types) and self._named_by(index, labels)}

    def _named_by(self, index: int, labels: set[str]) -> bool:
        names = self.names(index)
        if labels & names:
            return True
        if not set(self.types(index)) & LOOSE:
            return False
        return any(len(name) >= _MIN_CONTAINED and (name in label or (len(label) >= _MIN_CONTAINED and label in name))
                   for name in names for label in labels)


def read_gold(path: Path) -> Gold:
    """The gold annotations in `path`; GoldError names the file, line or item and what to fix."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise GoldError(f"{path}: cannot read it ({error.strerror or error}); check the path") from None
    except json.JSONDecodeError as error:
        raise GoldError(f"{path}:{error.lineno}:{error.colno}: not JSON ({error.msg}); fix the file") from None
    except UnicodeDecodeError:
        raise GoldError(f"{path}: not UTF-8 text; save it as UTF-8") from None
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise GoldError(f"{path}: a gold file is a JSON object with an \"entities\" list (and \"relations\"); "
                        f"see ../shared/eval/seed-gold.json for the format")
    relations = data.get("relations", [])
    _check_items(path, "entities", data["entities"], ("type", "name"))
    _check_items(path, "relations", relations, ("s", "p", "o"))
    return Gold(data["entities"], relations, data.get("document"))


def _check_items(path: Path, key: str, items: object, required: tuple[str, ...]) -> None:
    if not isinstance(items, list):
        raise GoldError(f"{path}: \"{key}\" must be a list")
    for number, item in enumerate(items, 1):
        missing = [name for name in required if not isinstance(item, dict) or not item.get(name)]
        if missing:
            raise GoldError(f"{path}: {key} item {number} has no {' or '.join(repr(m) for m in missing)}; "
                            f"every item needs {', '.join(repr(r) for r in required)}")
