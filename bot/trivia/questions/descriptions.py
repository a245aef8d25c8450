"""Description questions: who plays the character a cast list describes in a few words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from bot.models import CastMember, QuestionKind
from bot.names import LEADING_ARTICLES
from bot.text import fold, normalize_typography
from bot.trivia.questions.cast import cast_source
from bot.trivia.questions.common import MIN_NAME_TOKEN_LENGTH, WORD, Draft, Entity, mentions, spaced
from bot.trivia.questions.film import FilmContext

__all__ = [
    "MAX_DESCRIPTION_WORDS",
    "MIN_DESCRIPTION_WORDS",
    "description_drafts",
]

MIN_DESCRIPTION_WORDS: Final = 2
"""Fewest words a character description clause needs to be asked about."""

MAX_DESCRIPTION_WORDS: Final = 8
"""Most words a character description clause may have to be asked about."""

_CLAUSE_END: Final = re.compile(
    r"[,;:(]|(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bSt)\.(?:\s|$)|\s[-–—]\s"
    r"|\s+(?:(?:in|to|with|for|of|from|by|on|at|about|through)\s+)?"
    r"(?:who|whom|whose|which|that|where|when)\b",
    re.IGNORECASE,
)


def _clause(description: str) -> str:
    """The first clause of a description: up to the first comma, ``who``, ``whom``, ..."""
    text = normalize_typography(description).strip()
    match = _CLAUSE_END.search(text)
    return (text[: match.start()] if match else text).strip(" .")


def _distinctive(clause: str, character_words: frozenset[str]) -> bool:
    """Whether a clause points at one person: definite, possessive or naming a character."""
    words = clause.split()
    if not MIN_DESCRIPTION_WORDS <= len(words) <= MAX_DESCRIPTION_WORDS:
        return False
    if fold(words[0]) == "the" or "'s" in fold(clause):
        return True
    return any(fold(word.strip("'")) in character_words for word in WORD.findall(clause))


def description_drafts(ctx: FilmContext) -> Iterator[Draft]:
    """``In <title>, who plays <first clause of the character's description>?``."""
    film = ctx.record
    source, section_spoiler = cast_source(ctx)
    character_words = frozenset(
        fold(word)
        for character in ctx.characters
        for word in WORD.findall(character)
        if word[0].isupper() and len(word) >= MIN_NAME_TOKEN_LENGTH
    )
    clauses: dict[str, list[CastMember]] = {}
    for member in film.cast:
        if member.description and member.actor.strip():
            clause = _clause(member.description)
            clauses.setdefault(spaced(clause), []).append(member)
    for members in clauses.values():
        if len({spaced(member.actor) for member in members}) != 1:
            continue  # the same clause describes two people: ambiguous
        member = members[0]
        clause = _clause(member.description or "")
        if not _distinctive(clause, character_words):
            continue
        if any(mentions(clause, alias) for alias in ctx.character_answers(member.character)):
            continue  # names the character: that is the plain cast question again
        first, _, rest = clause.partition(" ")
        if fold(first) in LEADING_ARTICLES:
            clause = f"{first.lower()} {rest}"
        yield Draft(
            text=f"In {film.title}, who plays {clause}?",
            answers=ctx.person_answers(member.actor),
            kind=QuestionKind.DESCRIPTION,
            spoiler=member.spoiler or section_spoiler,
            source=source,
            entity=Entity.PERSON,
            pools=(ctx.actors,),
        )
