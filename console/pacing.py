"""Round time in the console: the trivia engine's clock, moved by the console.

The bot runs on a `FakeClock`. In scripts, round time passes only at `wait` lines and at the
end (instantly with `--fast`, otherwise after the real delay), so a script's answers are never
late. At the prompt, the clock follows real time (sped up with `--fast`).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import Any, Protocol, cast

from bot.trivia.engine import Round, RoundRegistry
from loopback.clock import FakeClock

__all__ = ["FAST_SPEED", "TICK_SECONDS", "TRIVIA_COG", "RoundTimer"]

FAST_SPEED = 6.0
"""At the prompt with `--fast`, round time runs this many times faster than real time."""
TRIVIA_COG = "TriviaCog"
TICK_SECONDS = 0.2
"""How often, at the prompt, the clock catches up with real time."""


class _TriviaCog(Protocol):
    rounds: RoundRegistry[Any]

    def wake_all(self) -> None: ...


class _Bot(Protocol):
    def get_cog(self, name: str, /) -> object: ...


class RoundTimer:
    """Finds the bot's running rounds and moves the clock they run on."""

    def __init__(self, bot: _Bot, clock: FakeClock, *, fast: bool) -> None:
        self.bot = bot
        self.clock = clock
        self.fast = fast

    def _cog(self) -> _TriviaCog | None:
        cog = self.bot.get_cog(TRIVIA_COG)
        if not hasattr(cog, "wake_all") or not isinstance(
            getattr(cog, "rounds", None), RoundRegistry
        ):
            return None
        return cast(_TriviaCog, cog)

    def rounds(self) -> Iterator[Round]:
        """The bot's unfinished trivia rounds (the registry holds their drivers)."""
        cog = self._cog()
        for runner in cog.rounds if cog is not None else ():
            round_ = runner if isinstance(runner, Round) else getattr(runner, "round", None)
            if isinstance(round_, Round) and not round_.finished:
                yield round_

    def running(self) -> bool:
        """Whether any trivia round is running."""
        return any(True for _ in self.rounds())

    def next_due(self) -> float | None:
        """Clock time of the earliest scheduled round event (hint, timeout, next question)."""
        times = [due for r in self.rounds() if (due := r.next_due_at()) is not None]
        return min(times, default=None)

    def due_now(self) -> bool:
        """Whether a round has an event due that its driver has not taken yet."""
        due = self.next_due()
        return due is not None and due <= self.clock.now()

    def advance(self, seconds: float) -> None:
        """Move round time forward and let every round react."""
        self.clock.advance(max(0.0, seconds))
        cog = self._cog()
        if cog is not None:
            cog.wake_all()

    async def to_next_event(self, limit: float | None = None) -> float:
        """Move to the next scheduled event (at most `limit` s ahead); returns the seconds moved."""
        due = self.next_due()
        if due is None:
            return 0.0
        step = max(0.0, due - self.clock.now())
        if limit is not None:
            step = min(step, limit)
        if not self.fast:
            await asyncio.sleep(step)
        self.advance(step)
        return step

    async def follow_real_time(self) -> None:
        """At the prompt: keep the clock moving with real time until cancelled."""
        speed = FAST_SPEED if self.fast else 1.0
        last = time.monotonic()
        while True:
            await asyncio.sleep(TICK_SECONDS)
            now = time.monotonic()
            self.advance((now - last) * speed)
            last = now
