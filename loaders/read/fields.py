"""Article metadata fields read from loosely typed mappings (Markdown front matter, JSON Lines records)."""
from __future__ import annotations

import re
from collections.abc import Mapping

from dangjian.loaders.html.pubdate import normalize_date

TEXT_KEYS = ("text", "content", "body")
TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("date", "datepublished", "published", "pubdate", "publish_time", "time")
SOURCE_KEYS = ("source", "publisher", "media")
URL_KEYS = ("url", "link")
AUTHOR_KEYS = ("author", "authors")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def lower_keys(mapping: Mapping) -> dict:
    """The same mapping with lower-case string keys, so `pubDate` and `pubdate` both match."""
    return {str(key).lower(): value for key, value in mapping.items()}


def first_value(mapping: Mapping, keys: tuple[str, ...]) -> object:
    """The value of the first key present and not empty."""
    return next((mapping[key] for key in keys if mapping.get(key) not in (None, "", [])), None)


def text_field(mapping: Mapping, keys: tuple[str, ...]) -> str | None:
    """A field as text: numbers become strings, a list of names is joined with 、, anything else is ignored.

    >>> text_field({"authors": ["高达", "归丹"]}, AUTHOR_KEYS)
    '高达、归丹'
    """
    value = first_value(mapping, keys)
    if isinstance(value, list):
        value = "、".join(str(item) for item in value if isinstance(item, (str, int, float))) or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        return None
    return _SURROGATE.sub("\ufffd", value.strip())


def date_field(mapping: Mapping) -> str | None:
    """The publication date, ISO, from whichever date key is present."""
    return normalize_date(first_value(mapping, DATE_KEYS))


def has_surrogates(text: str) -> bool:
    """Lone UTF-16 surrogates (from JSON escapes) cannot be stored; they are replaced and reported."""
    return _SURROGATE.search(text) is not None


def clean_text(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text)
