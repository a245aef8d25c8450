"""Load through the loopback, short: rounds, lookups and a reseed at once, nothing breaks.

The full run (20 rounds, 200 lookups) is ``python -m benchmarks.load``, or ``-m long`` here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.load import DEADLINE, run_load


async def _check(tmp_path: Path, channels: int, lookups: int) -> None:
    result = await run_load(tmp_path, channels=channels, lookups=lookups)
    assert not result.errors
    assert not result.late, f"first responses over {DEADLINE} s"
    assert result.stuck_channels == 0
    assert result.announced, "no point was announced"
    assert result.announced == result.saved, "a point was lost or counted twice"
    assert "error" not in result.reseed_reply.casefold()
    assert sum(len(samples) for samples in result.first_responses.values()) == (
        channels + lookups + 1
    )


async def test_load_short(tmp_path: Path) -> None:
    await _check(tmp_path, channels=10, lookups=40)


@pytest.mark.long
async def test_load_full(tmp_path: Path) -> None:
    await _check(tmp_path, channels=20, lookups=200)
