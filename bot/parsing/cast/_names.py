"""Whether a cast cell reads like a person's name, and which side of a pair is the actor."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.names import NAME_PARTICLES, is_capitalised, word_key
from bot.text import fold

__all__ = ["KnownPeople", "looks_like_name", "looks_like_person"]

MAX_NAME_WORDS = 6
MAX_NAME_CHARS = 60
_SENTENCE = re.compile(r"[.!?]\s+[A-Z]|[;:]")


def looks_like_name(text: str) -> bool:
    """True for a short capitalised phrase (a person or a character), not a sentence."""
    words = text.split()
    return (
        0 < len(words) <= MAX_NAME_WORDS
        and len(text) <= MAX_NAME_CHARS
        and text[:1].isupper()
        and _SENTENCE.search(text) is None
    )


def looks_like_person(text: str) -> bool:
    """True for a person's name: every word capitalised bar particles, no comma.

    Stricter than a character ('the Ferry Pilot'), so a prose line of a cast section
    ('Additionally, Ada Pym appears as herself') is no actor.
    """
    return (
        looks_like_name(text)
        and "," not in text
        and all(is_capitalised(word) or word_key(word) in NAME_PARTICLES for word in text.split())
    )


class KnownPeople:
    """People the document credits elsewhere (infobox), to tell an actor from a character."""

    def __init__(self, names: Iterable[str]) -> None:
        self._names = frozenset(fold(name) for name in names if name.strip())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and fold(name) in self._names
