"""Running one channel's round on Discord: timers, posting events, saving awards first."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

import discord

from bot.services.trivia import TriviaService
from bot.trivia.engine import Round
from bot.trivia.events import (
    Awarded,
    ChoiceOutcome,
    Close,
    Event,
    GuessOutcome,
    HintShown,
    QuestionStarted,
    Revealed,
    RoundEnded,
    RoundMode,
)
from cogs.trivia._render import hint_text, question_embed, reveal_embed, round_end_embed
from cogs.trivia._views import AnswerView

__all__ = ["CLOSE_REACTION", "RoundDriver"]

log = logging.getLogger(__name__)

CLOSE_REACTION = "🤏"
"""Added to a typed guess that was nearly right: quiet, and seen only by whoever looks."""

POST_TIMEOUT = 5.0
"""Seconds one post may take, discord.py's retries of a failing route included; after that a
reveal is given up for now and posted before the round's next message."""

CLOSE_TIMEOUT = 5.0
"""Seconds to let a round's task finish what it is posting when the bot shuts down."""

_NO_MENTIONS = discord.AllowedMentions.none()


class RoundDriver:
    """Drives a `Round`: wakes for hints and timeouts, posts every event in order.

    Engine calls and the posting of their events happen under one lock, so events from a
    typed answer, a click and a timer can never interleave; awards are saved before the
    message announcing them is sent.
    """

    def __init__(
        self,
        round_: Round,
        channel: discord.abc.Messageable,
        trivia: TriviaService,
        *,
        spoilers_shown: bool,
        on_finished: Callable[[RoundDriver], None],
        reveal_answer: bool = True,
        answers_hidden: bool = False,
    ) -> None:
        self.round = round_
        self._reveal_answer = reveal_answer
        self._answers_hidden = answers_hidden
        self._channel = channel
        self._trivia = trivia
        self._spoilers_shown = spoilers_shown
        self._on_finished = on_finished
        self._lock = asyncio.Lock()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._views: list[AnswerView] = []
        self._closing = False
        self._unannounced: list[discord.Embed] = []
        """Reveals whose post failed: their points are saved, so they go out with the next post."""
        self.post_timeout = POST_TIMEOUT

    def start(self) -> None:
        """Post the first question and keep the round going in the background."""
        self._task = asyncio.create_task(self._run(), name=f"trivia-{self.round.channel_id}")

    @property
    def running(self) -> bool:
        """Whether the round's background task is alive."""
        return self._task is not None and not self._task.done()

    def wake(self) -> None:
        """Check the clock now (tests advance a fake clock, then wake the driver)."""
        self._wake.set()

    async def close(self) -> None:
        """Stop the background task (used when the cog unloads); the round is abandoned."""
        self._closing = True
        self.wake()
        task = self._task
        if task is None or task.done():
            return
        done, _ = await asyncio.wait({task}, timeout=CLOSE_TIMEOUT)
        if not done:
            task.cancel()
            await asyncio.wait({task})

    async def _sleep_until_due(self) -> None:
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(self.round.due_in()):
                await self._wake.wait()
        self._wake.clear()

    async def _run(self) -> None:
        try:
            async with self._lock:
                await self._post(self.round.start())
            while not self.round.finished and not self._closing:
                await self._sleep_until_due()
                if self._closing:
                    break
                async with self._lock:
                    await self._post(self.round.tick())
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("trivia round in channel %s failed", self.round.channel_id)
        finally:
            for view in self._views:
                view.stop()
            self._on_finished(self)

    async def answer(self, message: discord.Message) -> None:
        """Judge a typed message; react quietly to a near miss."""
        async with self._lock:
            result = self.round.answer(message.author.id, message.author.bot, message.content)
            if result.outcome is GuessOutcome.CLOSE:
                with contextlib.suppress(discord.HTTPException):
                    await message.add_reaction(CLOSE_REACTION)
            await self._post(result.events)
        self.wake()

    async def choose(self, user_id: int, choice: int, question_number: int) -> ChoiceOutcome:
        """Record a button click."""
        async with self._lock:
            result = self.round.choose(user_id, choice, question_number)
            await self._post(result.events)
        return result.outcome

    async def control(self, action: Callable[[], tuple[Event, ...]]) -> None:
        """Run a stop or skip and post what it produced."""
        async with self._lock:
            await self._post(action())
        self.wake()

    async def _send(
        self,
        content: str | None = None,
        view: discord.ui.View | None = None,
        *,
        embed: discord.Embed | None = None,
    ) -> None:
        while self._unannounced:
            await self._send_now(None, None, self._unannounced[0])
            self._unannounced.pop(0)
        await self._send_now(content, view, embed)

    async def _send_now(
        self, content: str | None, view: discord.ui.View | None, embed: discord.Embed | None
    ) -> None:
        async with asyncio.timeout(self.post_timeout):
            await self._post_message(content, view, embed)

    async def _post_message(
        self, content: str | None, view: discord.ui.View | None, embed: discord.Embed | None
    ) -> None:
        embeds = [] if embed is None else [embed]
        if view is None:
            await self._channel.send(content, embeds=embeds, allowed_mentions=_NO_MENTIONS)
        else:
            await self._channel.send(
                content, embeds=embeds, view=view, allowed_mentions=_NO_MENTIONS
            )

    async def _reveal(self, embed: discord.Embed) -> None:
        """Post a reveal; if that fails, keep it for the next post instead of stalling."""
        try:
            await self._send(embed=embed)
        except (discord.HTTPException, TimeoutError) as error:
            log.warning(
                "could not post a reveal in channel %s (%r); it goes out with the next post",
                self.round.channel_id,
                error,
            )
            self._unannounced.append(embed)

    async def _commit(self, events: tuple[Event, ...]) -> tuple[Event, ...]:
        """Save each question's awards in one transaction; drop from the events what failed."""
        groups: dict[int, list[Awarded]] = {}
        for event in events:
            if isinstance(event, Awarded):
                groups.setdefault(event.question_number, []).append(event)
        for awards in groups.values():
            try:
                await self._trivia.record_question(awards)
            except Exception:
                log.exception(
                    "could not save the points of question %s in channel %s; not announced",
                    awards[0].question_number,
                    self.round.channel_id,
                )
                events = self.round.retract(awards, events)
        return events

    async def _post(self, events: tuple[Event, ...]) -> None:
        shown = self._spoilers_shown
        for event in await self._commit(events):
            if isinstance(event, Awarded):
                continue  # saved by _commit
            if isinstance(event, QuestionStarted):
                view = None
                if event.mode is RoundMode.BUTTONS:
                    # Old questions' buttons stay live so late clicks hear "too late".
                    view = AnswerView(self, event.number, len(event.question.choices))
                    self._views.append(view)
                await self._send(view=view, embed=question_embed(event, spoilers_shown=shown))
            elif isinstance(event, HintShown):
                await self._send(hint_text(event, spoilers_shown=shown))
            elif isinstance(event, Revealed):
                embed = reveal_embed(
                    event,
                    spoilers_shown=shown,
                    reveal_answer=self._reveal_answer,
                    answers_hidden=self._answers_hidden,
                )
                await self._reveal(embed)
            elif isinstance(event, RoundEnded):
                channel_id = self.round.channel_id
                await self._trivia.record_round(self.round.guild_id, channel_id, event.scoreboard)
                await self._send(embed=round_end_embed(event))
            elif isinstance(event, Close):
                continue
