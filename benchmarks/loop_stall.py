"""Measure how long the event loop was kept from running (the longest stall)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

__all__ = ["STALL_TICK", "StallMonitor", "watch_loop"]

STALL_TICK = 0.005
"""Seconds the monitor sleeps between looks at the clock."""


@dataclass
class StallMonitor:
    """The longest delay, beyond its own sleep, before the monitor ran again."""

    longest: float = 0.0


@asynccontextmanager
async def watch_loop() -> AsyncIterator[StallMonitor]:
    """Track the longest loop stall while the block runs."""
    monitor = StallMonitor()

    async def tick() -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(STALL_TICK)
            monitor.longest = max(monitor.longest, time.perf_counter() - before - STALL_TICK)

    task = asyncio.create_task(tick())
    await asyncio.sleep(0)
    try:
        yield monitor
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
