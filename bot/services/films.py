"""Films: listing, choosing the film a command is about, details and plot."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from bot.errors import AmbiguousFilmError, NotFoundError, UnknownFilmError
from bot.models import FilmRecord, FilmSummary, Section
from bot.search.fuzzy import TIE_MARGIN, FuzzyIndex
from bot.services.cache import GenerationCache
from bot.services.knowledge import KnowledgeService
from bot.storage.database import Database
from bot.storage.userdata import UserData

__all__ = ["FilmService", "Plot"]

FILM_MATCH_CUTOFF = 70.0
"""Film titles are few and distinct, so a looser match than for people's names is safe."""


@dataclass(frozen=True, slots=True)
class Plot:
    """A film's plot sections, every one flagged as a spoiler or not."""

    film: FilmSummary
    sections: tuple[Section, ...]


class FilmService:
    """Which films exist and which one a command means."""

    def __init__(
        self, database: Database, knowledge: KnowledgeService, users: UserData | None = None
    ) -> None:
        self._database = database
        self._users: UserData = users or database
        self._films = GenerationCache(knowledge, database.films)
        self._index = GenerationCache(knowledge, self._build_index)

    async def _build_index(self) -> FuzzyIndex[FilmSummary]:
        films = await self._films.get()
        pairs = [(film, (film.slug, film.title, film.display)) for film in films]
        return await asyncio.to_thread(FuzzyIndex, pairs)

    async def films(self) -> tuple[FilmSummary, ...]:
        """Every film the bot knows."""
        return await self._films.get()

    async def find(self, text: str) -> FilmSummary:
        """The film named by a slug or (misspelt) title; raises `UnknownFilmError`."""
        films = await self._films.get()
        exact = next((f for f in films if text.strip() in (f.slug, f.title)), None)
        if exact is not None:
            return exact
        index = await self._index.get()
        matches = index.search(text, limit=len(films), cutoff=FILM_MATCH_CUTOFF, prefix=True)
        matches = (
            [m for m in matches if m.score >= matches[0].score - TIE_MARGIN] if matches else []
        )
        if len(matches) != 1:
            raise UnknownFilmError(f"No film matches that. Try /film list. ({len(films)} known)")
        return matches[0].item

    async def scope(self, film: FilmSummary | None, guild_id: int | None) -> FilmSummary | None:
        """The film a search is limited to: the one given, else the server's, else None (all)."""
        if film is not None:
            return film
        if guild_id is not None and (slug := await self._users.guild_film(guild_id)):
            films = await self._films.get()
            return next((f for f in films if f.slug == slug), None)
        return None

    async def resolve(self, film: FilmSummary | None, guild_id: int | None) -> FilmSummary:
        """The film a command is about: the one given, the server's, or the only one."""
        chosen = await self.scope(film, guild_id)
        if chosen is not None:
            return chosen
        films = await self._films.get()
        if len(films) == 1:
            return films[0]
        if not films:
            raise NotFoundError("The bot knows no films yet; an owner can run /reseed.")
        raise AmbiguousFilmError("Several films are loaded: pick one with the film option.")

    async def choose_for_guild(self, guild_id: int, film: FilmSummary) -> None:
        """Make a film the server's default for commands that omit it."""
        await self._users.set_guild_film(guild_id, film.slug)

    async def suggest(self, text: str, limit: int) -> list[FilmSummary]:
        """Films for autocomplete: title prefixes first, then fuzzy matches."""
        films = await self._films.get()
        if not text.strip():
            return list(films[:limit])
        matches = (await self._index.get()).search(text, limit=limit, prefix=True)
        return [m.item for m in matches]

    async def info(self, film: FilmSummary) -> FilmRecord:
        """A film's credits, dates, runtime, money and reception."""
        info = await self._database.film_info(film.slug)
        if info is None:
            raise UnknownFilmError("That film is no longer loaded.")
        return info

    async def plot(self, film: FilmSummary) -> Plot:
        """The spoiler sections (plot, synopsis, ending) of a film's article."""
        sections = tuple(s for s in await self._database.sections(film.slug) if s.spoiler)
        if not sections:
            raise NotFoundError(f"No plot is known for {film.display}.")
        return Plot(film=film, sections=sections)
