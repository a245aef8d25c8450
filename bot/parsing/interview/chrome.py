"""Page furniture around a published interview: menus, share buttons, bylines and captions."""

from __future__ import annotations

import re

__all__ = ["MAX_CAPTION_CHARS", "MAX_CHROME_CHARS", "is_byline", "is_caption", "is_chrome"]

MAX_CHROME_CHARS = 80
"""Menus, buttons and footers are short; a longer paragraph is text, whatever its words."""

MAX_CAPTION_CHARS = 240
"""A caption is a sentence or two under a picture."""

_CHROME_WORDS = (
    r"skip to (?:main )?content|menu|search|home|sign in|log in|sign up|subscribe(?: now)?|"
    r"newsletter|tweet(?: this)?|e-?mail|print|facebook|twitter|x|instagram|whatsapp|reddit|"
    r"linkedin|pinterest|threads|bluesky|copy link|comments?|advertisement|transcript|"
    r"no more articles|related(?: articles| stories| posts)?:?|trending|most popular|"
    r"all rights reserved\.?|share(?: this)?(?: (?:article|story|post|page))?"
)
_CHROME = re.compile(
    rf"^(?:(?:{_CHROME_WORDS})(?:\s*[|/·•,]\s*|\s+|$))+$|"
    r"^(?:share (?:on|via|this)\b.*|read more\b.*|more from\b.*|follow us\b.*|"
    r"(?:story|article) continues below\b.*|continue reading\b.*|scroll to continue\b.*|"
    r"sign up\b.*|subscribe\b.*|copyright\b.*|©.*)$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:by|posted by|written by|words by|interview by|reporting by)\s+\S", re.IGNORECASE
)
_CREDIT = re.compile(
    r"^\W*(?:photo(?:graph)?|image|picture|still|illustration|credit)s?(?:\s+credit)?\s*(?::|by\b)|"
    r"\((?:photo|image|picture|still|credit)[^)]*\)|"
    r"\b(?:photo|image|picture)s?\s+(?:courtesy|credit)\b|\bcourtesy of\b|"
    r"\bgetty images\b|\bshutterstock\b",
    re.IGNORECASE,
)


def is_chrome(text: str) -> bool:
    """True for menus, share buttons, related-story links and copyright lines."""
    return len(text) <= MAX_CHROME_CHARS and _CHROME.match(text.strip(" *_#>")) is not None


def is_byline(text: str) -> bool:
    """True for 'By Name' and 'Posted by staff | July 20, 2018' lines."""
    return len(text) <= MAX_CHROME_CHARS and _BYLINE.match(text.strip(" *_")) is not None


def is_caption(text: str) -> bool:
    """True for image credits and captions ('Ada Pym on set. (Photo: Studio)')."""
    return len(text) <= MAX_CAPTION_CHARS and _CREDIT.search(text) is not None
