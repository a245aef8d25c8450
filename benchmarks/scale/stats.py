"""Small measuring helpers: percentiles, timers and the process's memory."""

from __future__ import annotations

import resource
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "Latency",
    "children_peak_rss_mb",
    "current_rss_mb",
    "latency",
    "peak_rss_mb",
    "percentile",
    "timed",
]

_KIB_PER_MIB = 1024


def percentile(samples: Sequence[float], share: float) -> float:
    """The sample below which ``share`` of the samples fall (nearest rank)."""
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


@dataclass(frozen=True, slots=True)
class Latency:
    """Median and tail of a list of timings, in milliseconds."""

    p50: float
    p95: float
    p99: float
    count: int

    def as_dict(self) -> dict[str, Any]:
        """Plain values for JSON."""
        return asdict(self)


def latency(seconds: Sequence[float]) -> Latency:
    """Summarise timings given in seconds."""
    return Latency(
        p50=percentile(seconds, 0.50) * 1000,
        p95=percentile(seconds, 0.95) * 1000,
        p99=percentile(seconds, 0.99) * 1000,
        count=len(seconds),
    )


async def timed(action: Callable[[], Awaitable[Any]]) -> tuple[float, Any]:
    """Run ``action`` once; return the seconds it took and its result."""
    started = time.perf_counter()
    result = await action()
    return time.perf_counter() - started, result


def _status_mb(field: str) -> float | None:
    status = Path("/proc/self/status")
    if not status.exists():
        return None
    for line in status.read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / _KIB_PER_MIB
    return None


def peak_rss_mb() -> float:
    """The largest resident set this process has had, in MiB.

    Linux's VmHWM where there is one: ``ru_maxrss`` of a process started by fork and exec
    keeps the parent's high-water mark from before the exec (a spawned worker of a process
    holding a million quotes would report that process's size).
    """
    found = _status_mb("VmHWM")
    if found is not None:
        return found
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / _KIB_PER_MIB


def children_peak_rss_mb() -> float:
    """The largest resident set of any finished child process (parse workers), in MiB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / _KIB_PER_MIB


def current_rss_mb() -> float:
    """The resident set of this process now, in MiB (NaN where /proc is missing)."""
    found = _status_mb("VmRSS")
    return float("nan") if found is None else found
