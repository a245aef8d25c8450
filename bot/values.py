"""Parsing infobox values: dates, runtimes and sums of money (lists: see ``credits``)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["DateMatch", "find_dates", "parse_date", "parse_money", "parse_runtime"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DATE_PATTERNS = (
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b"),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})\b"),
    re.compile(r"\b(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})\b"),
)
_US_MONTH_LIMIT = 12
_RUNTIME = re.compile(
    # Units end at a non-letter, not a word boundary, so '1h38m' reads as 98 minutes.
    r"(?:(?P<hours>\d+)\s*(?:h|hr|hrs|hours?)(?![a-z])\.?\s*)?"
    r"(?:(?P<minutes>\d+)\s*(?:m|min|mins|minutes?)(?![a-z]))?",
    re.IGNORECASE,
)
_MINUTES_PER_HOUR = 60
_MONEY = re.compile(
    r"(?P<number>\d[\d,]*(?:\.\d+)?)(?:\s*(?:-|to)\s*\d[\d,]*(?:\.\d+)?)?"
    r"\s*(?P<scale>thousand|million|billion|[kmb]n?)?\b",
    re.IGNORECASE,
)
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "b": 1e9,
    "bn": 1e9,
}


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a text and where it stands."""

    date: dt.date
    start: int
    end: int


def _match_date(match: re.Match[str]) -> dt.date | None:
    parts = match.groupdict()
    year = int(parts["year"])
    if "first" in parts:
        first, second = int(parts["first"]), int(parts["second"])
        # Slashed dates are read month-first, as US outlets write them, unless impossible.
        month, day = (first, second) if first <= _US_MONTH_LIMIT else (second, first)
    else:
        raw_month = parts["month"]
        month_number = int(raw_month) if raw_month.isdigit() else _MONTHS.get(raw_month.casefold())
        if month_number is None:
            return None
        month, day = month_number, int(parts["day"])
    return _date_or_none(year, month, day)


def parse_date(text: str) -> dt.date | None:
    """The first date in ``text`` (ISO, 'July 25, 2012', '25 July 2012' or US 'MM/DD/YYYY')."""
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            found = _match_date(match)
            if found is not None:
                return found
    return None


def find_dates(text: str) -> tuple[DateMatch, ...]:
    """Every date in ``text``, in reading order, without overlaps."""
    found: list[DateMatch] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            date = _match_date(match)
            overlaps = any(match.start() < f.end and f.start < match.end() for f in found)
            if date is not None and not overlaps:
                found.append(DateMatch(date, match.start(), match.end()))
    return tuple(sorted(found, key=lambda f: f.start))


def parse_runtime(text: str) -> int | None:
    """Minutes in a runtime such as '104 minutes', '1 h 44 min' or '104'."""
    stripped = text.strip()
    if stripped.isdigit():
        return int(stripped)
    for match in _RUNTIME.finditer(stripped):
        hours, minutes = match.group("hours"), match.group("minutes")
        if hours or minutes:
            return int(hours or 0) * _MINUTES_PER_HOUR + int(minutes or 0)
    return None


def parse_money(text: str) -> float | None:
    """The amount in a sum such as '$9.4 million' or '$140,822' (the first figure of a range)."""
    match = _MONEY.search(text)
    if match is None:
        return None
    amount = float(match.group("number").replace(",", ""))
    scale = match.group("scale")
    if scale:
        amount *= _SCALES[scale.casefold()]
    return amount
