"""Publication dates from metadata values (`2023年7月20日`, `2023/7/20`, `2023-07-20T08:00`) to ISO strings."""
from __future__ import annotations

import datetime as dt
import re

_CHINA = dt.timezone(dt.timedelta(hours=8))
_YMD = re.compile(r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:[T\s]|$)")
_YM = re.compile(r"(?<!\d)(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})(?!\d)")
_Y = re.compile(r"^\s*(\d{4})\s*年?\s*$")


def normalize_date(value: object) -> str | None:
    """The first date in `value` as "YYYY-MM-DD", "YYYY-MM" or "YYYY"; None when there is none.

    >>> normalize_date("2023年7月20日"), normalize_date("2023/7/20 08:00"), normalize_date("2023-07")
    ('2023-07-20', '2023-07-20', '2023-07')
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return _from_number(value)
    return _from_text(str(value))


def _from_number(value: float) -> str | None:
    """A bare year, or a Unix timestamp in seconds or milliseconds (read as China time)."""
    if 1900 <= value <= 2100 and float(value).is_integer():
        return str(int(value))
    seconds = value / 1000 if value > 1e11 else value
    if not 6e8 <= seconds <= 4.2e9:
        return None
    return dt.datetime.fromtimestamp(seconds, _CHINA).date().isoformat()


def _from_text(text: str) -> str | None:
    for pattern in (_YMD, _COMPACT):
        if match := pattern.search(text):
            return _valid(*match.groups())  # a full date that is impossible (2月30日) is no date at all
    match = _YM.search(text)
    if match and _plausible_year(match[1]) and 1 <= int(match[2]) <= 12:
        return f"{int(match[1]):04d}-{int(match[2]):02d}"
    match = _Y.match(text)
    if match and _plausible_year(match[1]):
        return f"{int(match[1]):04d}"
    return None


def _valid(year: str, month: str, day: str) -> str | None:
    if not _plausible_year(year):
        return None
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _plausible_year(year: str) -> bool:
    return 1900 <= int(year) <= 2100
