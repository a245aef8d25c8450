"""Reading an article's cast from its cast sections, whatever layout they use."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.models import CastMember
from bot.parsing.cast._lines import (
    Pair,
    actor_comes_first,
    multi_role_actor,
    read_line,
    strip_bullet,
)
from bot.parsing.cast._member import make_member, split_character
from bot.parsing.cast._names import KnownPeople
from bot.parsing.cast._tables import is_table_line, read_table

__all__ = ["CAST_LINE_SHARE", "CastResult", "CastSection", "read_cast"]

CAST_LINE_SHARE = 0.5
"""A section not headed 'Cast' is a cast list when this share of its lines are pairs."""

_CAST_HEADING = re.compile(r"\b(?:cast|starring|voices?|characters)\b", re.IGNORECASE)
_GROUP_LABEL = re.compile(r"^(?:[*_']{2,}.+[*_']{2,}|[^.!?]{1,60}:)$")
"""'**Voices**', "'''Family'''" or 'The Harlan family:' label a group of cast lines."""
_MAX_QUOTED_LINE = 60
_NESTED = re.compile(r"^(?:\s+\S|--|::)")
"""An indented line, or one marked '--', is an item nested under the line above it."""


@dataclass(frozen=True, slots=True)
class CastSection:
    """A section of the article: its heading path, heading line number and raw lines."""

    path: tuple[str, ...]
    line: int
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CastResult:
    """The cast read from an article, and warnings about cast lines that could not be read."""

    members: tuple[CastMember, ...]
    warnings: tuple[str, ...]


@dataclass
class _Reader:
    known: KnownPeople
    pairs: list[tuple[Pair, str | None]]
    unread: list[tuple[str, int]]

    def section(self, section: CastSection, *, bulleted_only: bool = False) -> int:
        """Read one section's lines; returns how many pairs it gave."""
        before = len(self.pairs)
        numbered = [(line, section.line + 1 + i) for i, line in enumerate(section.lines)]
        table: list[tuple[str, int]] = []
        actor: str | None = None
        bodies = [strip_bullet(line.strip())[0] for line in section.lines]
        actor_first = actor_comes_first(bodies, self.known)
        for raw, number in [*numbered, ("", 0)]:
            text = raw.strip()
            if text and is_table_line(text):
                table.append((text, number))
                continue
            if table:
                rows = read_table(table, self.known)
                if not rows:
                    self.unread.append(table[0])
                for row in rows:
                    self.pairs.append((Pair(row.actor, row.character, row.description), row.note))
                table = []
            if not text:
                continue
            body, bulleted = strip_bullet(text)
            head = multi_role_actor(body)
            if head is not None:
                actor = head
                continue
            if actor is not None and _NESTED.match(raw):
                # Under 'Actor as:', an indented item is always one of the actor's roles.
                character, description = split_character(body)
                self.pairs.append((Pair(actor, character, description), None))
                continue
            readable = bulleted or not bulleted_only
            pairs = read_line(body, self.known, actor_first=actor_first) if readable else None
            if pairs:
                actor = None
                self.pairs.extend((pair, None) for pair in pairs)
            elif actor is not None and bulleted:
                character, description = split_character(body)
                self.pairs.append((Pair(actor, character, description), None))
            elif bulleted and not _GROUP_LABEL.match(body):
                self.unread.append((text, number))
            else:
                actor = None
        return len(self.pairs) - before


def _is_cast_heading(path: Sequence[str]) -> bool:
    return any(_CAST_HEADING.search(name) for name in path)


def _mostly_pairs(section: CastSection, known: KnownPeople) -> bool:
    items = [strip_bullet(line.strip()) for line in section.lines if line.strip()]
    pairs = sum(1 for item, bulleted in items if bulleted and read_line(item, known))
    return bool(items) and pairs >= len(items) * CAST_LINE_SHARE


def _short(text: str) -> str:
    return text if len(text) <= _MAX_QUOTED_LINE else text[: _MAX_QUOTED_LINE - 3] + "..."


def read_cast(source: str, sections: Iterable[CastSection], credited: Iterable[str]) -> CastResult:
    """The cast members of an article's cast sections, with warnings naming file and line."""
    known = KnownPeople(credited)
    reader = _Reader(known, [], [])
    warnings: list[str] = []
    for section in sections:
        headed = _is_cast_heading(section.path)
        if not headed and not _mostly_pairs(section, known):
            continue
        unread_before = len(reader.unread)
        found = reader.section(section, bulleted_only=not headed)
        if headed and not found and any(line.strip() for line in section.lines):
            warnings.append(
                f"{source}:{section.line}: the cast section '{section.path[-1]}' has no line"
                " read as an actor and a character ('Actor as Character', 'Character - Actor'"
                " or a table)"
            )
        elif found:
            warnings.extend(
                f"{source}:{number}: cast line not read: '{_short(text)}'"
                for text, number in reader.unread[unread_before:]
            )
    members: list[CastMember] = []
    for pair, note in reader.pairs:
        member = make_member(pair.actor, pair.character, pair.description, len(members), note)
        if member is not None:
            members.append(member)
    return CastResult(members=tuple(members), warnings=tuple(warnings))
