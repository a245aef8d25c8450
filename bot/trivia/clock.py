"""Clocks for the trivia engine: the protocol and the real monotonic clock."""

from __future__ import annotations

import time
from typing import Protocol

__all__ = ["Clock", "MonotonicClock"]


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
