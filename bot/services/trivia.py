"""Trivia around the engine: picking questions for a round, scores and leaderboards."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from bot.errors import NotFoundError
from bot.models import FilmSummary, LeaderboardEntry, Question, TriviaList
from bot.services.knowledge import KnowledgeService
from bot.storage.database import Database
from bot.trivia.engine import CHOICE_COUNT
from bot.trivia.events import Awarded, RoundMode
from bot.trivia.list_choices import with_choices
from bot.trivia.picking import pick_round
from bot.trivia.questions import generate_questions

__all__ = ["LEADERBOARD_SIZE", "Leaderboard", "TriviaService"]

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
        self._cache: dict[str, tuple[int, tuple[Question, ...]]] = {}

    async def all_questions(self, film: FilmSummary) -> tuple[Question, ...]:
        """Generated and hand-written questions of a film (cached until the next reseed)."""
        generation = self._knowledge.generation
        cached = self._cache.get(film.slug)
        if cached is not None and cached[0] == generation:
            return cached[1]
        record = await self._database.film_record(film.slug)
        if record is None:
            raise NotFoundError("That film is no longer loaded.")
        questions = generate_questions(record) + with_choices(record.trivia)
        self._cache[film.slug] = (generation, questions)
        return questions

    async def pick(
        self, film: FilmSummary, count: int, *, mode: RoundMode, spoilers: bool
    ) -> tuple[Question, ...]:
        """Up to ``count`` questions, varied kinds first, none that the mode can't ask."""
        pool = self._fitting(await self.all_questions(film), mode=mode, spoilers=spoilers)
        if not pool:
            raise NotFoundError(f"No trivia questions fit those options for {film.display}.")
        return pick_round(pool, count, self._rng)

    async def pick_from_list(
        self,
        trivia: TriviaList,
        count: int,
        *,
        mode: RoundMode,
        spoilers: bool,
        film: FilmSummary | None = None,
    ) -> tuple[Question, ...]:
        """Up to ``count`` questions of a list (mixed with a film's when ``film`` is given)."""
        questions = with_choices(trivia.questions)
        if film is not None:
            questions += await self.all_questions(film)
        pool = self._fitting(questions, mode=mode, spoilers=spoilers)
        if not pool:
            raise NotFoundError(
                f"No questions of the list {trivia.name} fit those options"
                + (
                    " (buttons need wrong choices: try mode typed)."
                    if mode is RoundMode.BUTTONS
                    else "."
                )
            )
        return pick_round(pool, count, self._rng)

    @staticmethod
    def _fitting(
        questions: tuple[Question, ...], *, mode: RoundMode, spoilers: bool
    ) -> list[Question]:
        """The questions a round with these options can ask."""
        return [
            q
            for q in questions
            if (spoilers or not q.spoiler)
            and (mode is RoundMode.TYPED or len(q.choices) == CHOICE_COUNT)
        ]

    async def record(self, award: Awarded) -> None:
        """Commit one award; called before the award is announced."""
        await self._database.record_awards(
            award.guild_id,
            award.channel_id,
            [(award.user_id, award.points)],
            award.question.text,
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
