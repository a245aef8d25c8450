"""Round time in the console: found through the trivia cog, moved on the engine's clock."""

from __future__ import annotations

import asyncio

from console.pacing import FAST_SPEED, TICK_SECONDS, RoundTimer
from loopback.clock import FakeClock


class NoCogs:
    def get_cog(self, name: str, /) -> object:
        return None


async def test_without_the_trivia_cog_nothing_is_running() -> None:
    timer = RoundTimer(NoCogs(), FakeClock(), fast=True)
    assert not timer.running()
    assert timer.next_due() is None
    assert not timer.due_now()
    assert await timer.to_next_event() == 0.0
    timer.advance(5)
    assert timer.clock.now() == 5


async def test_at_the_prompt_the_clock_follows_real_time_faster_with_fast() -> None:
    timer = RoundTimer(NoCogs(), FakeClock(), fast=True)
    follow = asyncio.create_task(timer.follow_real_time())
    loop = asyncio.get_running_loop()
    started = loop.time()
    await asyncio.sleep(TICK_SECONDS * 3)
    follow.cancel()
    await asyncio.gather(follow, return_exceptions=True)
    elapsed = loop.time() - started
    # Moved only in ticks, each at FAST_SPEED times the real time since the previous one.
    assert 0 < timer.clock.now() <= elapsed * FAST_SPEED
    assert timer.clock.now() > TICK_SECONDS * FAST_SPEED
