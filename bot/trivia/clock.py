"""Clocks for the trivia engine: the real monotonic one and a hand-driven one for tests."""

from __future__ import annotations

import time
from typing import Protocol

__all__ = ["Clock", "FakeClock", "MonotonicClock"]


class Clock(Protocol):
    """Anything that tells the time in monotonic seconds."""

    def now(self) -> float:
        """Return the current monotonic time in seconds."""
        ...


class MonotonicClock:
    """The real clock, backed by :func:`time.monotonic`."""

    def now(self) -> float:
        """Return the current monotonic time in seconds."""
        return time.monotonic()


class FakeClock:
    """A clock that only moves when told to; for deterministic tests."""

    def __init__(self, start: float = 0.0) -> None:
        self._now = start

    def now(self) -> float:
        """Return the current fake time in seconds."""
        return self._now

    def advance(self, seconds: float) -> None:
        """Move the clock forward by ``seconds`` (never backwards)."""
        if seconds < 0:
            raise ValueError(f"a monotonic clock cannot go back ({seconds} s)")
        self._now += seconds
