"""Cast lookup: actor to character and back, forgiving misspellings."""

from __future__ import annotations

import asyncio
import unicodedata
from dataclasses import dataclass

from bot.errors import NotFoundError
from bot.models import CastEntry, FilmSummary
from bot.names import CHARACTER_TITLES, PERSON_TITLES, name_forms
from bot.search.fuzzy import FuzzyIndex, Match
from bot.services.cache import GenerationCache
from bot.services.knowledge import KnowledgeService
from bot.storage.database import Database

__all__ = ["MIN_VARIANT_WIDTH", "CastLookup", "CastService", "name_variants"]

MIN_VARIANT_WIDTH = 3
"""Narrower forms (``Al``) are not offered on their own: they would match too much.  Width
counts a wide (CJK) character twice, so a two-character CJK surname is offered."""
_WIDE = frozenset({"W", "F"})


def _width(text: str) -> int:
    """Columns ``text`` takes in a monospaced font: wide East Asian characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in _WIDE else 1 for ch in text)


def name_variants(name: str, *, titles: frozenset[str] = PERSON_TITLES) -> tuple[str, ...]:
    """A name and the short forms people look it up by, first name included (see bot.names)."""
    return tuple(
        form
        for form in name_forms(name, titles=titles, first_name=True)
        if _width(form) >= MIN_VARIANT_WIDTH
    )


def _entry_variants(entry: CastEntry) -> tuple[str, ...]:
    """Every form an entry is found by: its actor's and its character's."""
    member = entry.member
    return name_variants(member.actor) + name_variants(member.character, titles=CHARACTER_TITLES)


@dataclass(frozen=True, slots=True)
class CastLookup:
    """Cast entries matching a query; more than one when the query is ambiguous."""

    entries: tuple[CastEntry, ...]
    matched: str


class CastService:
    """Finds who plays whom."""

    def __init__(self, database: Database, knowledge: KnowledgeService) -> None:
        self._database = database
        self._index = GenerationCache(knowledge, self._build_index)

    async def _build_index(self) -> FuzzyIndex[CastEntry]:
        entries = await self._database.cast()
        # Folding every name of every film grows with the library: a worker thread does it.
        return await asyncio.to_thread(
            lambda: FuzzyIndex((entry, _entry_variants(entry)) for entry in entries)
        )

    @staticmethod
    def _in_film(
        matches: list[Match[CastEntry]], film: FilmSummary | None
    ) -> list[Match[CastEntry]]:
        return [m for m in matches if film is None or m.item.film.slug == film.slug]

    async def lookup(self, query: str, film: FilmSummary | None) -> CastLookup:
        """The cast entries best matching an actor's or character's (misspelt) name."""
        index = await self._index.get()
        matches = self._in_film(index.search(query, limit=len(index)), film)
        if not matches:
            where = f" in {film.display}" if film else ""
            raise NotFoundError(f"Nobody in the cast{where} matches that name.")
        top = matches[0].score
        best = tuple(m.item for m in matches if m.score == top)
        return CastLookup(entries=best, matched=matches[0].alias)

    async def suggest(self, query: str, film: FilmSummary | None, limit: int) -> list[str]:
        """Actor and character names for autocomplete."""
        if not query.strip():
            entries = await self._database.cast(film.slug if film else None)
            names = [name for e in entries for name in (e.member.actor, e.member.character)]
            return list(dict.fromkeys(names))[:limit]
        index = await self._index.get()
        matches = self._in_film(index.search(query, limit=len(index), prefix=True), film)
        names = []
        for match in matches:
            member = match.item.member
            in_actor = match.alias in name_variants(member.actor)
            names.append(member.actor if in_actor else member.character)
        return list(dict.fromkeys(names))[:limit]
