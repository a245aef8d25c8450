"""Cast questions both ways: who plays a character, and whom an actor plays."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from bot.models import QuestionKind
from bot.names import is_proper_name
from bot.text import fold
from bot.trivia.aliases import unique_folded
from bot.trivia.questions.common import Draft, Entity, spaced
from bot.trivia.questions.film import FilmContext

__all__ = ["SELF_ROLES", "cast_drafts", "cast_source"]

SELF_ROLES: Final = frozenset({"himself", "herself", "themselves", "themself", "self"})
"""Character names meaning the actor plays themselves: no cast questions for these."""


def _is_proper(character: str) -> bool:
    """Whether a character has a real name (not ``Man at the bar`` or ``Himself``)."""
    return fold(character) not in SELF_ROLES and is_proper_name(character)


def cast_source(ctx: FilmContext) -> tuple[str, bool]:
    """Where cast lines come from and whether that section is a spoiler."""
    section = ctx.section(title="Cast")
    return ctx.section_source(section, "Cast"), bool(section and section.spoiler)


def cast_drafts(ctx: FilmContext) -> Iterator[Draft]:
    """``Who plays <character>?`` and ``Whom does <actor> play?`` for unambiguous pairs."""
    film = ctx.record
    source, section_spoiler = cast_source(ctx)
    members = [
        member for member in film.cast if member.actor.strip() and _is_proper(member.character)
    ]
    actors_of: dict[str, set[str]] = {}
    characters_of: dict[str, set[str]] = {}
    for member in film.cast:
        actors_of.setdefault(spaced(member.character), set()).add(spaced(member.actor))
        characters_of.setdefault(spaced(member.actor), set()).add(spaced(member.character))
    proper_characters = tuple(unique_folded(member.character for member in members))
    for member in members:
        spoiler = member.spoiler or section_spoiler
        if len(actors_of[spaced(member.character)]) == 1:
            yield Draft(
                text=f"Who plays {member.character} in {film.title}?",
                answers=ctx.person_answers(member.actor),
                kind=QuestionKind.ACTOR,
                spoiler=spoiler,
                source=source,
                entity=Entity.PERSON,
                pools=(ctx.actors,),
            )
        if len(characters_of[spaced(member.actor)]) == 1:
            yield Draft(
                text=f"Whom does {member.actor} play in {film.title}?",
                answers=ctx.character_answers(member.character),
                kind=QuestionKind.CHARACTER,
                spoiler=spoiler,
                source=source,
                entity=Entity.CHARACTER,
                pools=(proper_characters,),
            )
