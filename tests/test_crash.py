"""SIGKILL at random points: during reseeds and during rounds (a few here, many with -m long).

After each kill the database passes SQLite's integrity check and holds the old or the new
seed content (never a mix); every point announced in Discord is saved, none twice.
"""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from contextlib import closing
from pathlib import Path

import pytest

from bot.services.knowledge import KnowledgeService
from bot.storage.database import Database
from tests.bot.parsing.lantern_keeper import INTERVIEW, write_film

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT / "seeds"
SHORT_KILLS = 3
LONG_KILLS = 40
KILL_WINDOW = (0.05, 1.5)
"""Seconds after the worker says ``ready`` within which it is killed."""


def _worker(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "tests.crash_worker", *args],
        cwd=PROJECT,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_after_ready(process: subprocess.Popen[str], rng: random.Random) -> list[str]:
    """Wait for ``ready``, SIGKILL at a random moment, and return everything it printed."""
    assert process.stdout is not None
    first = process.stdout.readline()
    if first.strip() != "ready":
        process.kill()
        _, errors = process.communicate()
        pytest.fail(f"worker did not start: {first!r} {errors[-2000:]}")
    time.sleep(rng.uniform(*KILL_WINDOW))
    os.kill(process.pid, signal.SIGKILL)
    out, _ = process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    return out.splitlines()


def _integrity(db: Path) -> None:
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


async def _content(db: Path) -> tuple[str, ...]:
    """Every film record in the database, as text, in slug order."""
    async with await Database.open(db) as database:
        films = await database.films()
        return tuple([repr(await database.film_record(film.slug)) for film in films])


async def _reference(tmp: Path, seeds: Path, name: str) -> tuple[str, ...]:
    db = tmp / f"reference-{name}.db"
    async with await Database.open(db) as database:
        assert (await KnowledgeService(database, seeds).reseed()).applied
    return await _content(db)


def _reseed_kills(tmp_path: Path, kills: int) -> None:
    first = SEEDS
    second = tmp_path / "second"
    shutil.copytree(SEEDS, second)
    write_film(second, {"100_interview.txt": INTERVIEW})
    old = asyncio.run(_reference(tmp_path, first, "first"))
    new = asyncio.run(_reference(tmp_path, second, "second"))
    assert old != new
    rng = random.Random(12)
    db = tmp_path / "crash.db"
    for _ in range(kills):
        _kill_after_ready(_worker("reseed", str(db), str(first), str(second)), rng)
        _integrity(db)
        assert asyncio.run(_content(db)) in (old, new, ())


def _round_kills(tmp_path: Path, kills: int) -> None:
    rng = random.Random(7)
    db = tmp_path / "rounds.db"
    announced: Counter[tuple[str, int]] = Counter()
    points: dict[tuple[str, int], int] = {}
    for kill in range(kills):
        worker = _worker("rounds", str(db), str(SEEDS), f"k{kill}")
        for line in _kill_after_ready(worker, rng):
            if line.startswith("announced "):
                _, rest = line.split(" ", 1)
                question, user, value = rest.rsplit(" ", 2)
                key = (eval(question), int(user))  # noqa: S307 - repr() of our own string
                announced[key] += 1
                points[key] = int(value)
        _integrity(db)
    saved = _awards(db)
    assert announced, "no award was announced before the kills"
    assert max(saved.values()) == 1, "a point was saved twice"
    for key in announced:
        assert saved[key] == 1, f"announced but not saved: {key}"
        assert announced[key] == 1
    unannounced = [key for key in saved if key not in announced]
    assert len(unannounced) <= kills  # at most the one in flight when each kill came


def _awards(db: Path) -> Counter[tuple[str, int]]:
    with closing(sqlite3.connect(db)) as connection:
        rows = connection.execute("SELECT question, user_id FROM trivia_awards").fetchall()
    return Counter((question, int(user)) for question, user in rows)


def test_sigkill_during_reseeds(tmp_path: Path) -> None:
    _reseed_kills(tmp_path, SHORT_KILLS)


def test_sigkill_during_rounds(tmp_path: Path) -> None:
    _round_kills(tmp_path, SHORT_KILLS)


@pytest.mark.long
def test_sigkill_during_reseeds_many_times(tmp_path: Path) -> None:
    _reseed_kills(tmp_path, LONG_KILLS)


@pytest.mark.long
def test_sigkill_during_rounds_many_times(tmp_path: Path) -> None:
    _round_kills(tmp_path, LONG_KILLS)
