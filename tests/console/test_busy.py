"""The busy check a script's wait relies on, besides a quiet spell."""

from __future__ import annotations

import asyncio

from console.busy import busy_check
from tests.console.conftest import Driven


async def test_idle_after_settling_busy_while_a_handler_runs(driven: Driven) -> None:
    session = driven.session
    busy = busy_check(driven.bot, session.world.fake, session.timer)
    assert not busy()
    release = asyncio.Event()
    handler = asyncio.create_task(release.wait(), name="discord.py: on_message")
    await asyncio.sleep(0)
    assert busy()
    release.set()
    await handler
    assert not busy()


async def test_busy_while_a_round_event_is_due(driven: Driven) -> None:
    await driven.run("/trivia start questions: 1 mode: typed seconds: 30")
    session = driven.session
    busy = busy_check(driven.bot, session.world.fake, session.timer)
    assert not busy()
    session.timer.clock.advance(10)  # the first hint is due, and nobody woke the driver
    assert busy()
    session.timer.advance(0)
    await session.settle()
    assert not busy()
    assert "Hint:" in driven.transcript
