"""Dates in article text (`7月15日`, `近日`, `今年4月以来`, `上半年`), resolved against the article's date."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

DATE_RE = re.compile(
    r"(?P<full>(?P<y>\d{4})年(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?)|"
    r"(?P<md>(?:今年)?(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日)|"
    r"(?P<since>今年(?P<m3>\d{1,2})月(?:以来|起|份)|(?<![\d年])(?P<m4>\d{1,2})月(?:以来|起|份|初|中旬|下旬|底))|"
    r"(?P<recent>近日|日前|当天|近期|昨天|昨日|今天|今日)|"
    r"(?P<half>上半年|下半年|今年以来|今年|年初|年底)"
)


@dataclass(frozen=True)
class DateValue:
    phrase: str            # as written
    value: str | None      # ISO form: YYYY-MM-DD, YYYY-MM or YYYY
    datatype: str | None   # date | gYearMonth | gYear


def resolve(phrase_match: re.Match, article_date: str | None) -> DateValue:
    """One date phrase, resolved against the article's ISO date when the phrase is relative."""
    g = phrase_match.groupdict()
    phrase = phrase_match.group()
    year = article_date[:4] if article_date else None
    if g["full"]:
        if g["d"]:
            return DateValue(phrase, f"{g['y']}-{int(g['m']):02d}-{int(g['d']):02d}", "date")
        return DateValue(phrase, f"{g['y']}-{int(g['m']):02d}", "gYearMonth")
    if g["md"] and year:
        return DateValue(phrase, f"{year}-{int(g['m2']):02d}-{int(g['d2']):02d}", "date")
    if g["since"] and year:
        month = g["m3"] or g["m4"]
        return DateValue(phrase, f"{year}-{int(month):02d}", "gYearMonth")
    if g["recent"] and article_date and len(article_date) >= 10 and phrase in ("近日", "日前", "当天", "今天", "今日"):
        return DateValue(phrase, article_date[:10], "date")
    if g["recent"] and article_date:
        return DateValue(phrase, article_date[:7], "gYearMonth") if len(article_date) >= 7 else DateValue(phrase, None, None)
    if g["half"] and year:
        return DateValue(phrase, year, "gYear")
    return DateValue(phrase, None, None)


@lru_cache(maxsize=256)  # an article's lead is read for every event that names no date of its own
def find_date(text: str, article_date: str | None) -> DateValue | None:
    """The first date phrase of a text, resolved."""
    m = DATE_RE.search(text)
    return resolve(m, article_date) if m else None
