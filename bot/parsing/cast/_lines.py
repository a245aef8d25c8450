"""Cast lines: 'Actor as Character', 'Actor as:' with nested roles, 'Character - Actor'."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.parsing.cast._member import split_character
from bot.parsing.cast._names import KnownPeople, looks_like_name, looks_like_person
from bot.parsing.cast._qualifiers import split_qualifiers

__all__ = ["Pair", "actor_comes_first", "multi_role_actor", "read_line", "strip_bullet"]

_BULLET = re.compile(r"^(?:[-*•#]+|\d+[.)])\s+")
_AS = re.compile(r"\s+as\s+", re.IGNORECASE)
_AS_HEAD = re.compile(r"^(?P<actor>.+?)\s+as\s*:?$", re.IGNORECASE)
_ALSO = re.compile(r"[;,]?\s+(?:and\s+)?also\s+(?:plays|as|voices|appears\s+as)\s+", re.I)
_SLASH = re.compile(r"\s+/\s+")
_DASH_PAIR = re.compile(r"^(?P<left>[^:]+?)\s+(?:-|--|\u2014|\.{3})\s+(?P<right>.+)$")
_COLON_PAIR = re.compile(r"^(?P<left>[^:]{1,60}?)\s*:\s+(?P<right>\S.*)$")
_PARENS = re.compile(r"\([^()]*\)")


@dataclass(frozen=True, slots=True)
class Pair:
    """An actor and a character read from one line, before numbering."""

    actor: str
    character: str
    description: str | None = None


def strip_bullet(line: str) -> tuple[str, bool]:
    """The line without its list marker, and whether it had one."""
    match = _BULLET.match(line)
    return (line[match.end() :], True) if match else (line, False)


def _outside_parens(text: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The first match of ``pattern`` that is not inside parentheses ('credited as X')."""
    masked = _PARENS.sub(lambda m: "_" * len(m.group(0)), text)
    return pattern.search(masked)


def multi_role_actor(text: str) -> str | None:
    """'Actor as:' (or 'Actor as') heads a nested list of the actor's roles."""
    match = _AS_HEAD.match(text)
    if match and looks_like_person(split_qualifiers(match.group("actor"))[0]):
        return match.group("actor")
    return None


def _as_pairs(text: str) -> list[Pair] | None:
    match = _outside_parens(text, _AS)
    if match is None:
        return None
    actor, rest = text[: match.start()], text[match.end() :]
    if not looks_like_person(split_qualifiers(actor)[0]):
        return None
    pairs: list[Pair] = []
    for part in _ALSO.split(rest):
        character, description = split_character(part)
        for role in _SLASH.split(character):
            pairs.append(Pair(actor, role, description))
    return pairs


def _sided_pair(left: str, right: str, known: KnownPeople, actor_first: bool) -> Pair | None:
    """'Character - Actor[, description]', or 'Actor - Character' when the actor comes first."""
    right_name, description = split_character(right)
    left_known = split_qualifiers(left)[0] in known
    right_known = split_qualifiers(right_name)[0] in known
    if (actor_first and not right_known) or (left_known and not right_known):
        if not looks_like_person(split_qualifiers(left)[0]):
            return None
        return Pair(left, right_name, description)
    if not looks_like_person(split_qualifiers(right_name)[0]):
        return None
    return Pair(right_name, left, description)


def _sides(text: str) -> tuple[str, str] | None:
    for pattern in (_DASH_PAIR, _COLON_PAIR):
        match = pattern.match(text)
        if match and looks_like_name(split_qualifiers(match.group("left"))[0]):
            return match.group("left"), match.group("right")
    return None


def actor_comes_first(lines: list[str], known: KnownPeople) -> bool:
    """True when at least half the section's 'X - Y' lines name a credited person first."""
    left = right = paired = 0
    for line in lines:
        sides = _sides(line)
        if sides is not None:
            paired += 1
            left += split_qualifiers(sides[0])[0] in known
            right += split_qualifiers(split_character(sides[1])[0])[0] in known
    return left > right and left * 2 >= paired


def read_line(text: str, known: KnownPeople, *, actor_first: bool = False) -> list[Pair] | None:
    """The pairs one cast line names, or None when it is no cast line."""
    pairs = _as_pairs(text)
    if pairs:
        return pairs
    sides = _sides(text)
    if sides is None:
        return None
    pair = _sided_pair(*sides, known, actor_first)
    return [pair] if pair is not None else None
