"""Running one channel's round on Discord: timers, posting events, saving awards first.

Engine calls are plain synchronous Python, so whoever calls the engine (the timer, a typed
answer, a click, /trivia stop) queues the events it produced, in order, and one poster at a
time drains the queue under a lock. A click therefore never waits for a post: it is recorded
and answered at once, and what it caused is posted afterwards, in order.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections import deque
from collections.abc import Awaitable, Callable

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
from cogs.trivia._render import (
    hint_text,
    question_embed,
    reveal_embed,
    round_end_embed,
    round_end_text,
)
from cogs.trivia._views import answer_view

__all__ = ["CLOSE_REACTION", "POST_FAILED", "SHUTTING_DOWN", "Report", "RoundDriver"]

log = logging.getLogger(__name__)

CLOSE_REACTION = "🤏"
"""Added to a typed guess that was nearly right: quiet, and seen only by whoever looks."""

POST_TIMEOUT = 5.0
"""Seconds one post may take (discord.py retries a failing route for ~25 s); then the round
ends with a message, its saved points on the scoreboard."""

CLOSE_TIMEOUT = 5.0
"""Seconds to let a round finish what it is posting when the bot shuts down."""

TOKEN_BYTES = 4
"""Random bytes naming a round in its buttons' custom ids (8 hex characters)."""

SHUTTING_DOWN = "The bot is shutting down, so the round stopped. Points so far are saved."
POST_FAILED = (
    "The round stopped: I could not post in this channel ({reason}). Points so far are saved."
)

_NO_MENTIONS = discord.AllowedMentions.none()

Report = Callable[[str], Awaitable[None]]
"""Another way to tell the players something (the /trivia start follow-up webhook)."""


class RoundDriver:
    """Drives a `Round`: wakes for hints and timeouts, posts every event in order.

    Awards are saved before the message announcing them is sent; a post that fails ends the
    round with a message (in the channel, else through ``report``) instead of silently.
    """

    def __init__(
        self,
        round_: Round,
        channel: discord.abc.Messageable,
        trivia: TriviaService,
        *,
        spoilers_shown: bool,
        on_finished: Callable[[RoundDriver], None],
        report: Report | None = None,
        reveal_answer: bool = True,
        answers_hidden: bool = False,
    ) -> None:
        self.round = round_
        self._reveal_answer = reveal_answer
        self._answers_hidden = answers_hidden
        self.token = secrets.token_hex(TOKEN_BYTES)
        """Names this round in its buttons' custom ids."""
        self._channel = channel
        self._trivia = trivia
        self._spoilers_shown = spoilers_shown
        self._on_finished = on_finished
        self._report = report
        self._lock = asyncio.Lock()
        self._pending: deque[Event] = deque()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._posters: set[asyncio.Task[None]] = set()
        self._open_buttons: dict[int, tuple[discord.Message, int]] = {}
        self._closing = False
        self.post_timeout = POST_TIMEOUT
        """Seconds one post may take, discord.py's retries included, before the round ends."""

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

    # -- what players and moderators do ---------------------------------------------------

    async def answer(self, message: discord.Message) -> None:
        """Judge a typed message; react quietly to a near miss."""
        result = self.round.answer(message.author.id, message.author.bot, message.content)
        self._pending.extend(result.events)
        if result.outcome is GuessOutcome.CLOSE:
            with contextlib.suppress(discord.HTTPException):
                await message.add_reaction(CLOSE_REACTION)
        await self._drain()
        self.wake()

    def choose(self, user_id: int, choice: int, question_number: int) -> ChoiceOutcome:
        """Record a button click now; whatever it causes is posted in the background."""
        result = self.round.choose(user_id, choice, question_number)
        if result.events:
            self._pending.extend(result.events)
            task = asyncio.create_task(self._drain_logged(), name=f"trivia-post-{self.token}")
            self._posters.add(task)
            task.add_done_callback(self._posters.discard)
            self.wake()
        return result.outcome

    async def control(self, action: Callable[[], tuple[Event, ...]]) -> None:
        """Run a stop or skip and post what it produced."""
        self._pending.extend(action())
        await self._drain()
        self.wake()

    # -- the round's own task --------------------------------------------------------------

    async def _sleep_until_due(self) -> None:
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(self.round.due_in()):
                await self._wake.wait()
        self._wake.clear()

    async def _run(self) -> None:
        try:
            self._pending.extend(self.round.start())
            await self._drain()
            while not self.round.finished and not self._closing:
                await self._sleep_until_due()
                if self._closing:
                    break
                self._pending.extend(self.round.tick())
                await self._drain()
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("trivia round in channel %s failed", self.round.channel_id)
        finally:
            if not self._closing:
                self._on_finished(self)

    async def close(self) -> None:
        """End the round because the bot is shutting down: say so, then stop the task."""
        if self._closing:
            return
        self._closing = True
        self.wake()
        try:
            async with asyncio.timeout(CLOSE_TIMEOUT):
                await self._drain()
                if not self.round.finished:
                    await self._end_with(SHUTTING_DOWN, self.round.stop())
                if self._task is not None:
                    await asyncio.wait({self._task})
        except TimeoutError:
            log.warning("trivia round in channel %s did not close in time", self.round.channel_id)
        finally:
            for task in (self._task, *self._posters):
                if task is not None and not task.done():
                    task.cancel()
            self._on_finished(self)

    # -- posting ---------------------------------------------------------------------------

    async def _drain(self) -> None:
        """Post queued events in order; a failed post ends the round with a message."""
        async with self._lock:
            while self._pending:
                event = self._pending.popleft()
                if isinstance(event, Awarded):
                    await self._commit(event)
                    continue
                try:
                    async with asyncio.timeout(self.post_timeout):
                        await self._post(event)
                except (discord.HTTPException, TimeoutError) as error:
                    log.warning(
                        "trivia round in channel %s could not post: %s",
                        self.round.channel_id,
                        error,
                    )
                    await self._abort(error)
                    return

    async def _drain_logged(self) -> None:
        """`_drain` for a background task: an unexpected error is logged, not lost."""
        try:
            await self._drain()
        except Exception:
            log.exception("trivia round in channel %s failed", self.round.channel_id)

    async def _commit(self, first: Awarded) -> None:
        """Save one question's awards in one transaction; take back from what is queued what failed.

        Every number shown comes from what was committed: if the save fails, the reveal loses
        those winners and the scoreboard still to come is the tally without them.
        """
        awards = [first]
        while (
            self._pending
            and isinstance(self._pending[0], Awarded)
            and self._pending[0].question_number == first.question_number
        ):
            awards.append(self._pending.popleft())  # type: ignore[arg-type]
        try:
            await self._trivia.record_question(awards)
        except Exception:
            log.exception(
                "could not save the points of question %s in channel %s; not announced",
                first.question_number,
                self.round.channel_id,
            )
            self._pending = deque(self.round.retract(awards, tuple(self._pending)))

    async def _abort(self, error: discord.HTTPException | TimeoutError) -> None:
        """Save what was already won, stop the round, and tell the players why."""
        leftover = [*self._pending, *self.round.stop()]
        self._pending.clear()
        for event in leftover:
            if isinstance(event, Awarded):
                await self._trivia.record(event)
        if isinstance(error, TimeoutError):
            reason = f"no answer within {self.post_timeout:g} s"
        else:
            reason = error.text or error.response.reason or f"HTTP {error.status}"
        await self._end_with(POST_FAILED.format(reason=reason), tuple(leftover))

    async def _end_with(self, why: str, events: tuple[Event, ...]) -> None:
        """Post the final scoreboard with ``why`` in the channel, else through ``report``."""
        await self._close_buttons()
        ended = next((e for e in events if isinstance(e, RoundEnded)), None)
        text = why if ended is None else round_end_text(ended, why=why)
        try:
            await self._send(text)
            return
        except discord.HTTPException:
            pass
        if self._report is None:
            log.warning("trivia round in channel %s ended unannounced", self.round.channel_id)
            return
        try:
            await self._report(text)
        except discord.HTTPException:
            log.warning("trivia round in channel %s ended unannounced", self.round.channel_id)

    async def _send(
        self,
        content: str | None = None,
        view: discord.ui.View | None = None,
        *,
        embed: discord.Embed | None = None,
    ) -> discord.Message:
        embeds = [] if embed is None else [embed]
        if view is None:
            return await self._channel.send(content, embeds=embeds, allowed_mentions=_NO_MENTIONS)
        return await self._channel.send(
            content, embeds=embeds, view=view, allowed_mentions=_NO_MENTIONS
        )

    async def _close_buttons(self, number: int | None = None) -> None:
        """Disable the buttons of question ``number`` (of every open question when None)."""
        numbers = list(self._open_buttons) if number is None else [number]
        for key in numbers:
            entry = self._open_buttons.pop(key, None)
            if entry is None:
                continue
            message, choices = entry
            view = answer_view(self.token, key, choices, disabled=True)
            try:
                await message.edit(view=view, allowed_mentions=_NO_MENTIONS)
            except discord.HTTPException as error:
                log.info("could not disable the buttons of question %s: %s", key, error)

    async def _post(self, event: Event) -> None:
        shown = self._spoilers_shown
        if isinstance(event, Awarded):
            await self._trivia.record(event)
        elif isinstance(event, QuestionStarted):
            choices = len(event.question.choices)
            buttons = event.mode is RoundMode.BUTTONS and choices > 0
            view = answer_view(self.token, event.number, choices) if buttons else None
            message = await self._send(view=view, embed=question_embed(event, spoilers_shown=shown))
            if view is not None:
                self._open_buttons[event.number] = (message, choices)
        elif isinstance(event, HintShown):
            await self._send(hint_text(event, spoilers_shown=shown))
        elif isinstance(event, Revealed):
            await self._close_buttons(event.number)
            embed = reveal_embed(
                event,
                spoilers_shown=shown,
                reveal_answer=self._reveal_answer,
                answers_hidden=self._answers_hidden,
            )
            await self._send(embed=embed)
        elif isinstance(event, RoundEnded):
            await self._close_buttons()
            channel_id = self.round.channel_id
            await self._trivia.record_round(self.round.guild_id, channel_id, event.scoreboard)
            await self._send(embed=round_end_embed(event))
        elif isinstance(event, Close):
            return
