"""Trivia around the engine: picking questions for a round, scores and leaderboards."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.errors import NotFoundError
from bot.models import FilmSummary, LeaderboardEntry, Question
from bot.services.knowledge import KnowledgeService
from bot.storage.database import Database
from bot.trivia.engine import CHOICE_COUNT
from bot.trivia.events import Awarded, RoundMode
from bot.trivia.questions import generate_questions

__all__ = ["LEADERBOARD_SIZE", "Leaderboard", "TriviaService"]

log = logging.getLogger(__name__)

LEADERBOARD_SIZE = 10


@dataclass(frozen=True, slots=True)
class Leaderboard:
    """A server's standings this season and of all time."""

    season: int
    this_season: tuple[LeaderboardEntry, ...]
    all_time: tuple[LeaderboardEntry, ...]


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class TriviaService:
    """Questions for rounds, and the scores they award."""

    def __init__(
        self,
        database: Database,
        knowledge: KnowledgeService,
        rng: random.Random | None = None,
        now: Callable[[], dt.datetime] = _utcnow,
    ) -> None:
        self._database = database
        self._knowledge = knowledge
        self._rng = rng or random.Random()  # noqa: S311 - shuffling questions, not a secret
        self._now = now
        self._cache: dict[str, tuple[int, asyncio.Future[tuple[Question, ...]]]] = {}

    async def all_questions(self, film: FilmSummary) -> tuple[Question, ...]:
        """Generated and hand-written questions of a film (cached until the next reseed).

        Generation runs in a worker thread, once per film and knowledge-base generation:
        rounds starting together wait for the same work, and the event loop never does it.
        """
        generation = await self._knowledge.current_generation()
        held = self._cache.get(film.slug)
        if held is None or held[0] != generation:
            held = (generation, asyncio.ensure_future(self._generate(film.slug)))
            self._cache[film.slug] = held
        try:
            return await asyncio.shield(held[1])
        except Exception:
            if self._cache.get(film.slug) is held:
                del self._cache[film.slug]
            raise

    async def _generate(self, slug: str) -> tuple[Question, ...]:
        record = await self._database.film_record(slug)
        if record is None:
            raise NotFoundError("That film is no longer loaded.")
        generated = await asyncio.to_thread(generate_questions, record)
        return generated + record.trivia

    async def prepare(self) -> None:
        """Generate every film's questions now (at start-up and after a reseed).

        A film whose questions cannot be generated is logged and skipped; its rounds will
        report the error themselves.
        """
        for film in await self._database.films():
            try:
                await self.all_questions(film)
            except Exception:
                log.exception("could not generate the trivia questions of %s", film.slug)

    async def pick(
        self, film: FilmSummary, count: int, *, mode: RoundMode, spoilers: bool
    ) -> tuple[Question, ...]:
        """Up to ``count`` questions in random order, mixing kinds; none that the mode can't ask."""
        pool = [
            q
            for q in await self.all_questions(film)
            if (spoilers or not q.spoiler)
            and (mode is RoundMode.TYPED or len(q.choices) == CHOICE_COUNT)
        ]
        if not pool:
            raise NotFoundError(f"No trivia questions fit those options for {film.display}.")
        by_kind: dict[str, list[Question]] = {}
        for question in pool:
            by_kind.setdefault(question.kind, []).append(question)
        for group in by_kind.values():
            self._rng.shuffle(group)
        # Deal one question of each kind in turn so a round is never all one kind.
        picked: list[Question] = []
        kinds = list(by_kind.values())
        self._rng.shuffle(kinds)
        while len(picked) < count and any(kinds):
            for group in kinds:
                if group and len(picked) < count:
                    picked.append(group.pop())
        self._rng.shuffle(picked)
        return tuple(picked)

    async def record(self, award: Awarded) -> None:
        """Commit one award; called before the award is announced."""
        await self.record_question((award,))

    async def record_question(self, awards: Sequence[Awarded]) -> None:
        """Commit the awards of one question together (all or none), before announcing them."""
        if not awards:
            return
        first = awards[0]
        if any(a.question_number != first.question_number for a in awards):
            raise ValueError("awards of different questions are committed separately")
        await self._database.record_awards(
            first.guild_id,
            first.channel_id,
            [(award.user_id, award.points) for award in awards],
            first.question.text,
            self._now(),
        )

    async def leaderboard(self, guild_id: int, limit: int = LEADERBOARD_SIZE) -> Leaderboard:
        """The season and all-time standings of a server."""
        season = await self._database.current_season(guild_id)
        return Leaderboard(
            season=season,
            this_season=await self._database.leaderboard(guild_id, season, limit),
            all_time=await self._database.leaderboard(guild_id, None, limit),
        )

    async def new_season(self, guild_id: int) -> int:
        """Start a new season for a server (old seasons stay in the all-time board)."""
        return await self._database.start_new_season(guild_id, self._now())
