"""Cast lookup: actor to character and back, forgiving misspellings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.errors import NotFoundError
from bot.models import CastEntry, FilmSummary
from bot.search.fuzzy import FuzzyIndex, Match
from bot.services.cache import GenerationCache
from bot.services.knowledge import KnowledgeService
from bot.storage.database import Database

__all__ = ["CastLookup", "CastService", "name_variants"]

_TITLES = re.compile(r"^(?:dr|mr|mrs|ms|miss|prof|sir|dame|lord|lady|uncle|aunt)\.?\s+", re.I)
_SUFFIX = re.compile(r",?\s+(?:jr|sr|ii|iii|iv)\.?$", re.IGNORECASE)
_MIN_VARIANT_CHARS = 3


def name_variants(name: str) -> tuple[str, ...]:
    """A name and the short forms people use: first name, surname, without title or middle."""
    bare = _SUFFIX.sub("", _TITLES.sub("", name.strip()))
    words = bare.split()
    variants = [name, bare]
    if len(words) > 1:
        variants += [words[0], words[-1], f"{words[0]} {words[-1]}"]
    return tuple(v for v in dict.fromkeys(variants) if len(v) >= _MIN_VARIANT_CHARS)


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
        return FuzzyIndex(
            (entry, name_variants(entry.member.actor) + name_variants(entry.member.character))
            for entry in entries
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
