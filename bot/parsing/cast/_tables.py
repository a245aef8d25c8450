"""Cast tables: rows of cells, with a header naming the columns (or credited names deciding)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.parsing.cast._names import KnownPeople, looks_like_person
from bot.parsing.cast._qualifiers import split_qualifiers

__all__ = ["TableRow", "is_table_line", "read_table"]

_RULE = re.compile(r"^[|+:\s-]+$")
_CELL_SPLIT = re.compile(r"\s*\|\|?\s*|\t+")
_CHARACTER_HEADERS = re.compile(r"^(?:character|characters|role|roles|part)s?$", re.I)
_ACTOR_HEADERS = re.compile(
    r"\b(?:actors?|actress(?:es)?|cast|performers?|played by|voice actors?|voiced by|voice|"
    r"names?)\b",
    re.I,
)
_DESCRIPTION_HEADERS = re.compile(r"^(?:description|notes?|comments?)$", re.I)
_MANY = re.compile(r"\s*(?:/|;|<br\s*/?>)\s*|\s+and\s+", re.I)


@dataclass(frozen=True, slots=True)
class TableRow:
    """One actor and character read from a table row; ``note`` keeps a language column."""

    actor: str
    character: str
    description: str | None
    note: str | None
    line: int


def is_table_line(line: str) -> bool:
    """True for '| a | b |' rows, rules and tab-separated cells."""
    return line.startswith("|") or "\t" in line or " | " in line


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in _CELL_SPLIT.split(line.strip().strip("|"))]


@dataclass(frozen=True, slots=True)
class _Columns:
    character: int
    actors: tuple[tuple[int, str | None], ...]
    description: int | None


def _header_columns(cells: list[str]) -> _Columns | None:
    plain = [split_qualifiers(cell)[0].strip("'* ") for cell in cells]
    character = next((i for i, c in enumerate(plain) if _CHARACTER_HEADERS.match(c)), None)
    if character is None:
        return None
    description = next((i for i, c in enumerate(plain) if _DESCRIPTION_HEADERS.match(c)), None)
    others = [i for i in range(len(plain)) if i not in (character, description)]
    named = [i for i in others if _ACTOR_HEADERS.search(plain[i])]
    actors: tuple[tuple[int, str | None], ...]
    if named:
        # 'Voice (Japanese)' keeps its language; 'Actor' has none.
        actors = tuple((i, split_qualifiers(cells[i])[1]) for i in named)
    else:
        # Every other column is a language version of a voice cast ('English', 'Japanese').
        actors = tuple((i, plain[i]) for i in others if plain[i])
    return _Columns(character, actors, description) if actors else None


def _guess_columns(rows: list[list[str]], known: KnownPeople) -> _Columns:
    """Without a header: the column holding credited people is the actor's; else the first."""
    width = min(len(cells) for cells in rows)
    hits = [sum(1 for cells in rows if cells[i] in known) for i in range(width)]
    actor = max(range(width), key=lambda i: (hits[i], -i)) if any(hits) else 0
    character = 1 if actor == 0 else 0
    description = next((i for i in range(width) if i not in (actor, character)), None)
    return _Columns(character, ((actor, None),), description)


def read_table(lines: list[tuple[str, int]], known: KnownPeople) -> list[TableRow]:
    """Rows of one table (lines with their numbers) as actor/character pairs."""
    rows = [(_cells(text), number) for text, number in lines if not _RULE.match(text)]
    rows = [(cells, number) for cells, number in rows if len(cells) >= 2]
    if not rows:
        return []
    columns = _header_columns(rows[0][0])
    if columns is None:
        columns = _guess_columns([cells for cells, _ in rows], known)
    else:
        rows = rows[1:]
    found: list[TableRow] = []
    for cells, number in rows:
        if columns.character >= len(cells) or not cells[columns.character]:
            continue
        description = None
        if columns.description is not None and columns.description < len(cells):
            description = cells[columns.description] or None
        for index, language in columns.actors:
            if index >= len(cells):
                continue
            for actor in _MANY.split(cells[index]):
                if looks_like_person(split_qualifiers(actor)[0]):
                    found.append(
                        TableRow(actor, cells[columns.character], description, language, number)
                    )
    return found
