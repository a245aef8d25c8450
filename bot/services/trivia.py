"""Trivia around the engine: picking questions for a round, scores and leaderboards."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.errors import NotFoundError
from bot.models import FilmSummary, LeaderboardEntry, ListSettings, Question, TriviaList
from bot.services.knowledge import KnowledgeService
from bot.storage.database import Database
from bot.storage.userdata import UserData
from bot.text import fold
from bot.trivia.engine import (
    CHOICE_COUNT,
    DEFAULT_TIME_LIMIT,
    IDLE_QUESTION_LIMIT,
    MAX_TIME_LIMIT,
    MIN_TIME_LIMIT,
)
from bot.trivia.events import Awarded, RoundMode
from bot.trivia.list_choices import with_choices
from bot.trivia.picking import pick_round
from bot.trivia.questions import generate_questions
from bot.trivia.scoring import Scoreboard

__all__ = ["LEADERBOARD_SIZE", "Leaderboard", "RoundPlan", "TriviaService"]

log = logging.getLogger(__name__)

LEADERBOARD_SIZE = 10


@dataclass(frozen=True, slots=True)
class Leaderboard:
    """A server's standings this season and of all time."""

    season: int
    this_season: tuple[LeaderboardEntry, ...]
    all_time: tuple[LeaderboardEntry, ...]


@dataclass(frozen=True, slots=True)
class RoundPlan:
    """Everything a round needs before it starts: what it is called, its questions, its rules."""

    title: str
    """The film (``Title (2012)``) or the list's name, with the film when mixed."""
    questions: tuple[Question, ...]
    seconds: float
    spoilers: bool
    max_score: int | None = None
    idle_limit: int = IDLE_QUESTION_LIMIT
    reveal_answer: bool = True
    answers_hidden: bool = False
    """Reveal answers inside spoiler tags (a list's ``use_spoilers``)."""
    description: str | None = None
    author: str | None = None
    notes: tuple[str, ...] = ()
    """How a list's settings were adapted, for the round's opening message."""


def _list_timing(
    settings: ListSettings, requested: float | None
) -> tuple[float, int, tuple[str, ...]]:
    """Seconds per question and idle limit for a list's round, with notes on any adjustment."""
    notes: list[str] = []
    seconds = requested
    if seconds is None and settings.seconds is not None:
        seconds = min(max(settings.seconds, MIN_TIME_LIMIT), MAX_TIME_LIMIT)
        if seconds != settings.seconds:
            notes.append(
                f"The list asks for {settings.seconds:g} s per question;"
                f" this bot allows {MIN_TIME_LIMIT:g}-{MAX_TIME_LIMIT:g} s, so {seconds:g} s."
            )
    seconds = DEFAULT_TIME_LIMIT if seconds is None else seconds
    idle = IDLE_QUESTION_LIMIT
    if settings.idle_seconds is not None:
        idle = max(1, math.ceil(settings.idle_seconds / seconds))
    return seconds, idle, tuple(notes)


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
        *,
        users: UserData | None = None,
    ) -> None:
        self._database = database
        self._users: UserData = users or database
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
        return await asyncio.to_thread(
            lambda: generate_questions(record) + with_choices(record.trivia)
        )

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
            asked = {fold(question.text) for question in questions}
            questions += tuple(
                question
                for question in await self.all_questions(film)
                if fold(question.text) not in asked  # a film's own list is in both
            )
        pool = self._fitting(questions, mode=mode, spoilers=spoilers)
        if not pool:
            hint = ""
            if not spoilers and all(question.spoiler for question in trivia.questions):
                hint = " (every question is a spoiler: add spoilers:True)"
            elif mode is RoundMode.BUTTONS:
                hint = " (buttons need wrong choices: try mode typed)"
            raise NotFoundError(f"No questions of the list {trivia.name} fit those options{hint}.")
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

    async def plan_film_round(
        self,
        film: FilmSummary,
        count: int,
        *,
        mode: RoundMode,
        spoilers: bool,
        seconds: float | None = None,
    ) -> RoundPlan:
        """A round about one film."""
        questions = await self.pick(film, count, mode=mode, spoilers=spoilers)
        return RoundPlan(
            title=film.display,
            questions=questions,
            seconds=DEFAULT_TIME_LIMIT if seconds is None else seconds,
            spoilers=spoilers,
        )

    async def plan_list_round(
        self,
        trivia: TriviaList,
        count: int,
        *,
        mode: RoundMode,
        spoilers: bool,
        seconds: float | None = None,
        film: FilmSummary | None = None,
    ) -> RoundPlan:
        """A round from a list, mixed with a film's questions when ``film`` is given.

        The list's ``CONFIG`` applies: its ``delay`` unless ``seconds`` is given, ``timeout`` as
        the idle stop, ``max_score``, ``reveal_answer`` and ``use_spoilers``.
        """
        settings = trivia.settings
        questions = await self.pick_from_list(
            trivia, count, mode=mode, spoilers=spoilers, film=film
        )
        per_question, idle, notes = _list_timing(settings, seconds)
        title = trivia.name if film is None else f"{trivia.name} + {film.display}"
        return RoundPlan(
            title=title,
            questions=questions,
            seconds=per_question,
            spoilers=spoilers,
            max_score=settings.max_score,
            idle_limit=idle,
            reveal_answer=settings.reveal_answer,
            answers_hidden=settings.use_spoilers,
            description=trivia.description,
            author=trivia.author,
            notes=notes,
        )

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
        await self._users.record_awards(
            first.guild_id,
            first.channel_id,
            [(award.user_id, award.points) for award in awards],
            first.question.text,
            self._now(),
        )

    async def record_round(self, guild_id: int, channel_id: int, scoreboard: Scoreboard) -> None:
        """Count a finished round as a game for everyone who scored in it."""
        scores = [(line.user_id, line.points) for line in scoreboard.lines]
        if scores:
            await self._users.record_game(guild_id, channel_id, scores, self._now())

    async def leaderboard(self, guild_id: int, limit: int = LEADERBOARD_SIZE) -> Leaderboard:
        """The season and all-time standings of a server."""
        season = await self._users.current_season(guild_id)
        return Leaderboard(
            season=season,
            this_season=await self._users.leaderboard(guild_id, season, limit),
            all_time=await self._users.leaderboard(guild_id, None, limit),
        )

    async def new_season(self, guild_id: int) -> int:
        """Start a new season for a server (old seasons stay in the all-time board)."""
        return await self._users.start_new_season(guild_id, self._now())
