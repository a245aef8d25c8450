"""Deciding which parts of the seed documents give the story away."""

from __future__ import annotations

import re

__all__ = [
    "description_reveals_plot",
    "is_spoiler_heading",
    "is_spoiler_marker",
    "is_spoiler_notice",
]

SPOILER_HEADING_WORDS = frozenset(
    {"plot", "synopsis", "story", "storyline", "summary", "ending", "spoiler", "spoilers"}
)
"""Article sections (and their subsections) whose heading holds one of these words are spoilers."""

SPOILER_CUES = re.compile(
    r"\b(eventually|ultimately|in the end|by the end|later|turns out|true nature|"
    r"reveal(?:s|ed|ing)?|dies|died|death|killed|kills|murder(?:s|ed)?|betray(?:s|ed)?)\b",
    re.IGNORECASE,
)
"""Words in a cast description that tell where the story goes, not just who someone is."""

MAX_MARKER_WORDS = 8
"""A spoiler marker is a short line of its own, not a sentence that mentions spoilers."""

MAX_NOTICE_WORDS = 40
"""A spoiler notice written as a sentence is one or two sentences long."""

_NOTICE = re.compile(
    r"\b(?:contains?|containing|has|includes?|including|discuss(?:es)?|reveals?|with|major|"
    r"heavy|full)\s+(?:\w+\s+){0,2}spoilers\b|"
    r"\bspoilers?\s+(?:for|about|ahead|below|follow|warning|alert)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z]+")
_MARKER = re.compile(r"\bspoil(?:er|ers|ing)\b", re.IGNORECASE)


def is_spoiler_heading(heading: str) -> bool:
    """True for headings such as 'Plot', 'Plot summary' or 'Ending'."""
    return any(word in SPOILER_HEADING_WORDS for word in _WORD.findall(heading.casefold()))


def is_spoiler_marker(paragraph: str) -> bool:
    """True for lines such as '**Spoilers ahead**', 'SPOILER WARNING' or '[Spoilers below]'."""
    words = _WORD.findall(paragraph.casefold())
    return 0 < len(words) <= MAX_MARKER_WORDS and _MARKER.search(paragraph) is not None


def description_reveals_plot(description: str) -> bool:
    """True when a character description tells how the story develops or ends."""
    return SPOILER_CUES.search(description) is not None


def is_spoiler_notice(paragraph: str) -> bool:
    """True for a marker or a sentence such as 'This interview contains spoilers for X.'."""
    if is_spoiler_marker(paragraph):
        return True
    words = _WORD.findall(paragraph.casefold())
    return 0 < len(words) <= MAX_NOTICE_WORDS and _NOTICE.search(paragraph) is not None
