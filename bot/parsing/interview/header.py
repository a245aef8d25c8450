"""An interview's title, date and publication, from the lines above its first exchange."""

from __future__ import annotations

import datetime as dt
import re

from bot.parsing.interview.labels import strip_markup
from bot.parsing.interview.roles import (
    MAX_HEADER_CHARS,
    ROLE_LABEL,
    Classified,
    Role,
    display_name,
)
from bot.parsing.speakers import INTERVIEWER_LABELS
from bot.text import fold
from bot.values import parse_date

__all__ = ["header", "outlet"]

_PUBLISHED_IN = re.compile(
    r"^(?i:originally\s+|first\s+)?(?i:published|appeared|posted)\s+(?i:in|on|by)\s+"
    r"(?P<outlet>[A-Z][^,;|]*?)(?=\s*[,;|]|\s+on\s|\s*$)"
)
_DATELINE = re.compile(r"^(?P<outlet>[A-Z][^,|]{2,60}?)\s*[,|]\s*(?P<when>[^,|]*\b\d{4}\b.*)$")
"""'Coastline Film Monthly, April 2011': a publication's name and an issue date."""
_TRANSCRIPT = re.compile(r"^(?P<outlet>.{3,60}?)\s*[-:|]\s*transcript$", re.IGNORECASE)
"""'ORCHARD RADIO HOUR - TRANSCRIPT': the programme is the publication."""
_OUTLET_WORDS = frozenset(
    {
        "review", "weekly", "daily", "magazine", "times", "post", "news", "radio", "journal",
        "film", "films", "cinema", "online", "blog", "podcast", "tv", "press", "gazette",
        "tribune", "herald", "observer", "guardian", "reporter", "stage", "screen", "variety",
        "monthly", "quarterly", "digest", "chronicle", "network", "channel", "media", "bulletin",
        "wire", "express", "mail", "telegraph", "independent", "insider", "collective", "club",
    }
)  # fmt: skip
"""Words that make a label a publication ('Cinema Weekly'), not a person."""


def header(items: list[Classified]) -> tuple[str | None, dt.date | None, str | None]:
    """Title, publication date and publication, from the lines above the first exchange.

    The publication is named by a 'Published in X' line or by the label that asks the
    questions; a line that only repeats the publication's name is no title.
    """
    titles: list[str] = []
    published: dt.date | None = None
    named: str | None = None
    for item in items:
        if item.role in (Role.ANSWER, Role.INTERVIEWER):
            break
        text = item.paragraph.text if item.role is Role.SKIP else item.text
        if len(text) > MAX_HEADER_CHARS:
            continue
        plain = strip_markup(text)
        found = parse_date(plain)
        if found is not None and published is None:
            published = found
        publication = _PUBLISHED_IN.match(plain)
        dateline = _DATELINE.match(plain)
        programme = _TRANSCRIPT.match(plain)
        if programme and named is None:
            named = display_name(programme.group("outlet").strip())
        elif publication and named is None:
            named = publication.group("outlet").strip()
        elif dateline and named is None and _looks_like_outlet(dateline.group("outlet")):
            named = dateline.group("outlet").strip()
        elif (
            found is None
            and item.role in (Role.PLAIN, Role.HEADING)
            and not plain.endswith((".", ":", "?"))
        ):
            titles.append(plain)
    publisher = named or outlet(items)
    title = next((t for t in titles if publisher is None or fold(t) != fold(publisher)), None)
    return title, published, publisher


def _looks_like_outlet(label: str) -> bool:
    words = [fold(word) for word in label.split()]
    return words[0] == "the" or any(word in _OUTLET_WORDS for word in words)


def outlet(items: list[Classified]) -> str | None:
    """The publication that asks the questions ('Cinema Weekly:'), never a person's name."""
    return next(
        (
            item.label
            for item in items
            if item.role is Role.INTERVIEWER
            and item.label
            and fold(item.label) not in INTERVIEWER_LABELS
            and ROLE_LABEL.match(item.label) is None
            and _looks_like_outlet(item.label)
        ),
        None,
    )
