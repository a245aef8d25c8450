"""The dates an infobox gives for a film, each with the place or event it belongs to."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.values import find_dates

__all__ = ["DATE_KEYS", "RELEASE_KEYS", "DatedEvent", "dated_events", "split_dates"]

RELEASE_KEYS = frozenset({"released", "release", "release date", "release dates"})
"""Infobox keys whose dates are releases."""
DATE_KEYS = RELEASE_KEYS | frozenset({"premiere", "premiered"})
"""Infobox keys that hold the film's dated events."""

_PAREN = re.compile(r"\((?P<event>[^()]+)\)")
_SEPARATORS = " ,;/|"
_HIDDEN_ISO = re.compile(r"\s*\(\d{4}-\d{2}-\d{2}\)")
"""A rendered page repeats each date in ISO form in parentheses: 'May 2, 2014 (2014-05-02)'."""
_JOINERS = re.compile(r"^[\s,;:|/-]+|[\s,;:|/-]+$|^(?:at|in|on)\s+|\s+(?:at|in|on)$", re.I)


@dataclass(frozen=True, slots=True)
class DatedEvent:
    """One dated event of a film (a premiere, a festival, a country's release)."""

    date: dt.date
    event: str | None
    text: str


def _event(text: str) -> str | None:
    paren = _PAREN.search(text)
    if paren:
        return paren.group("event").strip() or None
    previous = None
    while previous != text:
        previous, text = text, _JOINERS.sub("", text)
    return text or None


def split_dates(value: str) -> tuple[str, ...]:
    """One item per date in ``value``, each keeping the place or event written with it."""
    value = _HIDDEN_ISO.sub("", value)
    matches = find_dates(value)
    if len(matches) < 2:
        return (value.strip(),) if value.strip() else ()
    if value[: matches[0].start].strip(_SEPARATORS):
        # 'Festival: date, Country: date' names each event before its date.
        starts = [0, *(m.end for m in matches[:-1])]
        ends = [m.end for m in matches]
        ends[-1] = len(value)
    else:
        starts = [m.start for m in matches]
        ends = [*(m.start for m in matches[1:]), len(value)]
    return tuple(
        value[start:end].strip(_SEPARATORS) for start, end in zip(starts, ends, strict=True)
    )


def dated_events(values: Iterable[str]) -> tuple[DatedEvent, ...]:
    """The dated events of a release-date field's items, in the infobox's order."""
    events: list[DatedEvent] = []
    for value in values:
        matches = find_dates(value)
        if not matches:
            continue
        first = matches[0]
        rest = f"{value[: first.start]} {value[first.end :]}"
        events.append(DatedEvent(date=first.date, event=_event(rest), text=value))
    return tuple(events)
