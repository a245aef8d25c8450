"""Trivia scores under load: awards per second and leaderboard p99, PostgreSQL vs SQLite.

Twenty rounds run at once (five channels in each of four servers). Every question of a round
commits its awards, then the round reads the server's leaderboard the way ``/trivia
leaderboard`` does (current season, this season's and the all-time standings). The servers
start with a history of past awards, so leaderboards aggregate real amounts of rows.

Backends, in one run, each on fresh storage (the first is the baseline of the ratios):
- SQLite: the one-process set-up (user data in the knowledge-base file, WAL).
- PostgreSQL, one process: one connection pool.
- PostgreSQL, two processes: the rounds split over two pools, as two shard processes would.

The PostgreSQL server is started here (initdb in a temp folder) with durable settings
(fsync and synchronous commit on), as SQLite's are.

    .venv/bin/python -m benchmarks.shared_scores [--rounds 20] [--questions 10] [--history 20000]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.storage.database import Database
from bot.storage.postgres import PostgresUserData
from bot.storage.userdata import UserData
from tests.postgres import PostgresServer

SERVERS = 4
LEADERBOARD_SIZE = 10
PLAYERS_PER_SERVER = 40
AWARDS_PER_QUESTION = 2
HISTORY_BATCH = 500
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def percentile(samples: Sequence[float], share: float) -> float:
    """The sample below which ``share`` of the samples fall."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


@dataclass(frozen=True, slots=True)
class Result:
    """One backend's numbers."""

    name: str
    awards: int
    seconds: float
    leaderboard_p50: float
    leaderboard_p99: float

    @property
    def awards_per_second(self) -> float:
        """Awards committed per second of wall time."""
        return self.awards / self.seconds


async def add_history(store: UserData, history: int, rng: random.Random) -> None:
    """Past awards spread over the servers, in batches (one transaction each)."""
    for start in range(0, history, HISTORY_BATCH):
        guild = 1 + (start // HISTORY_BATCH) % SERVERS
        awards = [
            (rng.randrange(PLAYERS_PER_SERVER), rng.randint(1, 3))
            for _ in range(min(HISTORY_BATCH, history - start))
        ]
        await store.record_awards(guild, 0, awards, "past question", NOW)


async def play(
    stores: Sequence[UserData], rounds: int, questions: int, seed: int
) -> tuple[int, float, list[float]]:
    """Run the rounds at once; returns (awards, wall seconds, leaderboard seconds)."""
    latencies: list[float] = []

    async def leaderboard(store: UserData, guild: int) -> None:
        started = time.perf_counter()
        season = await store.current_season(guild)
        await store.leaderboard(guild, season, LEADERBOARD_SIZE)
        await store.leaderboard(guild, None, LEADERBOARD_SIZE)
        latencies.append(time.perf_counter() - started)

    async def one_round(index: int) -> int:
        store = stores[index % len(stores)]
        rng = random.Random(seed + index)  # noqa: S311 - picking players, not a secret
        guild, channel = 1 + index % SERVERS, 100 + index
        for number in range(questions):
            winners = rng.sample(range(PLAYERS_PER_SERVER), AWARDS_PER_QUESTION)
            await store.record_awards(
                guild, channel, [(w, 3 - i) for i, w in enumerate(winners)], f"Q{number}", NOW
            )
            await leaderboard(store, guild)
        return questions * AWARDS_PER_QUESTION

    started = time.perf_counter()
    awarded = await asyncio.gather(*(one_round(i) for i in range(rounds)))
    return sum(awarded), time.perf_counter() - started, latencies


async def measure(
    name: str,
    open_stores: Callable[[], Awaitable[list[UserData]]],
    args: argparse.Namespace,
) -> Result:
    """Fill fresh storage with history, then time the concurrent rounds."""
    stores = await open_stores()
    try:
        await add_history(stores[0], args.history, random.Random(1))  # noqa: S311
        awards, seconds, latencies = await play(stores, args.rounds, args.questions, seed=7)
    finally:
        for store in stores:
            await store.close()
    return Result(
        name=name,
        awards=awards,
        seconds=seconds,
        leaderboard_p50=percentile(latencies, 0.50),
        leaderboard_p99=percentile(latencies, 0.99),
    )


async def run(args: argparse.Namespace) -> list[Result]:
    """Measure every backend in turn."""
    results = []
    with tempfile.TemporaryDirectory() as folder, PostgresServer(durable=True) as server:

        async def sqlite() -> list[UserData]:
            return [await Database.open(Path(folder) / "bench.db")]

        async def postgres_one() -> list[UserData]:
            return [await PostgresUserData.open(server.create_database())]

        async def postgres_two() -> list[UserData]:
            url = server.create_database()
            return [await PostgresUserData.open(url), await PostgresUserData.open(url)]

        results.append(await measure("SQLite (baseline)", sqlite, args))
        results.append(await measure("PostgreSQL, 1 process", postgres_one, args))
        results.append(await measure("PostgreSQL, 2 processes", postgres_two, args))
    return results


def table(results: Sequence[Result], args: argparse.Namespace) -> str:
    """The results as a Markdown table, ratios against the first row."""
    base = results[0]
    lines = [
        f"{args.rounds} concurrent rounds x {args.questions} questions x "
        f"{AWARDS_PER_QUESTION} awards, {SERVERS} servers, {args.history} past awards",
        "",
        "| backend | awards/s | vs baseline | leaderboard p50 | leaderboard p99 | p99 ratio |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.name} | {r.awards_per_second:,.0f} | "
            f"{r.awards_per_second / base.awards_per_second:.2f}x | "
            f"{r.leaderboard_p50 * 1000:.1f} ms | {r.leaderboard_p99 * 1000:.1f} ms | "
            f"{r.leaderboard_p99 / base.leaderboard_p99:.2f}x |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the options, run the benchmark and print the table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.shared_scores")
    parser.add_argument("--rounds", type=int, default=20, help="rounds running at once")
    parser.add_argument("--questions", type=int, default=10, help="questions per round")
    parser.add_argument("--history", type=int, default=20_000, help="past awards to start with")
    args = parser.parse_args(argv)
    print(table(asyncio.run(run(args)), args))


if __name__ == "__main__":
    main()
