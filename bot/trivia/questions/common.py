"""What every question family shares: the draft shape and the loose text comparisons."""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from enum import Enum
from typing import Final

from rapidfuzz import fuzz

from bot.models import QuestionKind
from bot.names import CHARACTER_TITLES, PERSON_TITLES, company_core
from bot.text import fold
from bot.trivia.aliases import short_forms

__all__ = [
    "FIGURE",
    "MIN_NAME_TOKEN_LENGTH",
    "NAME_KEYS_CACHE_SIZE",
    "SIMILAR_NAME_RATIO",
    "WORD",
    "Draft",
    "Entity",
    "figure",
    "hash_key",
    "loosely_equal",
    "mentions",
    "spaced",
]

MIN_NAME_TOKEN_LENGTH: Final = 3
"""Shortest word of a name that counts as naming someone (a speaker in a quote, a character)."""

SIMILAR_NAME_RATIO: Final = 85.0
"""Similarity (0-100) from which a distractor is too close to an accepted answer."""

FIGURE: Final = re.compile(r"\d[\d,]*(?:\.\d+)?")
"""A number as written in running text (``1,250,000``, ``7.2``)."""

WORD: Final = re.compile(r"[\w']+")
"""A word of running text, apostrophes included (``Mara's``)."""

_JOINT_SEPARATOR: Final = re.compile(r",\s*|\s+(?:and|&)\s+")


class Entity(Enum):
    """What an answer names; decides how distractors are compared with it."""

    PERSON = "person"
    CHARACTER = "character"
    COMPANY = "company"
    NUMBER = "number"


@dataclass(frozen=True, slots=True)
class Draft:
    """A question before its choices are picked and it is checked."""

    text: str
    answers: tuple[str, ...]
    kind: QuestionKind
    spoiler: bool
    source: str
    entity: Entity
    pools: tuple[tuple[str, ...], ...]


def hash_key(seed: str, item: str) -> str:
    """A stable pseudo-random sort key for ``item`` within the question ``seed``."""
    return hashlib.sha256(f"{fold(seed)}\x00{fold(item)}".encode()).hexdigest()


def spaced(text: str) -> str:
    """Folded ``text`` with hyphens as spaces, for word-level comparisons."""
    return re.sub(r"\s+", " ", fold(text).replace("-", " ")).strip()


def mentions(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` as whole words, ignoring case, accents, hyphens."""
    needle = spaced(phrase)
    if not needle:
        return False
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", spaced(text)) is not None


def figure(text: str) -> float | None:
    """The first number written in ``text``."""
    match = FIGURE.search(text)
    return float(match.group().replace(",", "")) if match else None


def _members(answer: str) -> tuple[str, ...]:
    """The names a joint answer lists (``A and B`` gives ``A``, ``B``)."""
    return tuple(part for part in _JOINT_SEPARATOR.split(answer) if part.strip())


NAME_KEYS_CACHE_SIZE: Final = 4096
"""Names whose short forms are kept: every distractor is compared with the same answers."""


@functools.lru_cache(maxsize=NAME_KEYS_CACHE_SIZE)
def _name_keys(name: str, entity: Entity) -> frozenset[str]:
    """Folded short forms of a (possibly joint) name, for the loose similarity check."""
    if entity is Entity.COMPANY:
        return frozenset({spaced(name), spaced(company_core(name))})
    titles = PERSON_TITLES if entity is Entity.PERSON else CHARACTER_TITLES
    keys: set[str] = set()
    for member in _members(name) or (name,):
        keys |= {spaced(form) for form in short_forms(member, titles=titles)}
    return frozenset(keys)


def loosely_equal(first: str, second: str, entity: Entity) -> bool:
    """Whether a player could mistake ``first`` for ``second`` (or a judge confuse them)."""
    if spaced(first) == spaced(second):
        return True
    if entity is Entity.NUMBER:
        figures = (figure(first), figure(second))
        return figures[0] is not None and figures[0] == figures[1]
    if _name_keys(first, entity) & _name_keys(second, entity):
        return True
    return fuzz.ratio(spaced(first), spaced(second)) >= SIMILAR_NAME_RATIO
