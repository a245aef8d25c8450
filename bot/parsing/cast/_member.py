"""Building one cast member from an actor, a character and what is written around them."""

from __future__ import annotations

import re

from bot.models import CastMember
from bot.parsing.cast._qualifiers import split_qualifiers
from bot.parsing.credits import strip_trailing_period
from bot.parsing.spoilers import description_reveals_plot

__all__ = ["make_member", "split_character"]


def _top_level_comma(text: str) -> int:
    depth = 0
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0:
            return index
    return -1


def split_character(text: str) -> tuple[str, str | None]:
    """'Name, a description' -> the character and the description (commas inside kept)."""
    comma = _top_level_comma(text)
    if comma < 0:
        return text, None
    return text[:comma], text[comma + 1 :].strip() or None


def _notes(*notes: str | None) -> str | None:
    return "; ".join(note for note in notes if note) or None


def make_member(
    actor: str,
    character: str,
    description: str | None,
    position: int,
    note: str | None = None,
) -> CastMember | None:
    """A cast member with qualifiers moved to its note, or None when a side is empty."""
    actor, actor_note = split_qualifiers(actor)
    character, character_note = split_qualifiers(character)
    actor = strip_trailing_period(re.sub(r"\s+", " ", actor))
    character = strip_trailing_period(re.sub(r"\s+", " ", character))
    if description is not None:
        description = description.strip() or None
    if not actor or not character:
        return None
    return CastMember(
        actor=actor,
        character=character,
        description=description,
        position=position,
        spoiler=description is not None and description_reveals_plot(description),
        note=_notes(actor_note, character_note, note),
    )
