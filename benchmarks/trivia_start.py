"""/trivia start on a cold bot: 20 simultaneous starts on a film with a 300-member cast.

Issue 12's target: p99 under 100 ms, no event-loop stall over 50 ms. The named baseline,
measured in the same run, is what ``/trivia start`` did before questions were prepared off
the loop: generating the film's questions on the event loop at the first start.

    .venv/bin/python -m benchmarks.trivia_start [--members 300] [--starts 20]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.commands import PROJECT_SEEDS, percentile
from benchmarks.crowd import write_crowded_film
from benchmarks.loop_stall import STALL_TICK, watch_loop
from bot.app import create_bot
from bot.config import Settings
from bot.trivia.questions import generate_questions
from loopback.harness import LOOPBACK_TOKEN, run_bot
from loopback.records import FakeChannel
from loopback.server import FakeDiscord

SLUG = "crowded-street"
START: dict[str, object] = {"film": SLUG, "questions": 3, "mode": "buttons"}
BASELINE = "inline generation on the event loop (before)"


async def _timed(
    fake: FakeDiscord, command: str, options: dict[str, object], channel: FakeChannel
) -> float:
    started = time.perf_counter()
    await fake.slash(command, options, channel=channel)
    return time.perf_counter() - started


async def run(members: int, starts: int) -> None:
    """Start a cold bot on a crowded film and fire the starts at once."""
    with tempfile.TemporaryDirectory() as folder:
        seeds = Path(folder) / "seeds"
        shutil.copytree(PROJECT_SEEDS, seeds)
        write_crowded_film(seeds, SLUG, members)
        settings = Settings(
            discord_token=LOOPBACK_TOKEN, database_path=Path(folder) / "bench.db", seeds_dir=seeds
        )
        async with FakeDiscord() as fake:
            guild = fake.add_guild(name="Film Club")
            channels = [fake.add_channel(guild, f"trivia-{n}") for n in range(starts)]
            bot = create_bot(settings)
            began = time.perf_counter()
            async with run_bot(bot, fake):
                ready = time.perf_counter() - began
                async with watch_loop() as monitor:
                    samples = await asyncio.gather(
                        *(_timed(fake, "trivia start", START, channel) for channel in channels)
                    )
                record = await bot.services.database.film_record(SLUG)
                if record is None:
                    raise SystemExit(f"{SLUG} was not loaded")
                async with watch_loop() as inline:
                    before = time.perf_counter()
                    generate_questions(record)
                    baseline = time.perf_counter() - before
                    await asyncio.sleep(2 * STALL_TICK)
                floor = await asyncio.gather(
                    *(_timed(fake, "trivia leaderboard", {}, channel) for channel in channels)
                )
        print(f"cold bot ready (seeds loaded, questions prepared) in {ready:.2f} s")
        print(f"{starts} simultaneous /trivia start, {members}-member cast:")
        p50, p99 = percentile(samples, 0.5), percentile(samples, 0.99)
        print(f"  p50 {p50 * 1000:8.1f} ms   p99 {p99 * 1000:8.1f} ms   (target p99 < 100 ms)")
        print(f"  longest loop stall {monitor.longest * 1000:8.1f} ms   (target < 50 ms)")
        print(
            f"  reference: {starts} simultaneous /trivia leaderboard (no questions) p99"
            f" {percentile(floor, 0.99) * 1000:8.1f} ms (the loopback's own share)"
        )
        print(f"baseline, {BASELINE}:")
        print(
            f"  first start waits {baseline * 1000:8.1f} ms, loop stall"
            f" {inline.longest * 1000:8.1f} ms; p99 ratio baseline/now"
            f" {baseline / p99:6.1f}x"
        )


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the options and run the benchmark."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.trivia_start")
    parser.add_argument("--members", type=int, default=300, help="cast members of the film")
    parser.add_argument("--starts", type=int, default=20, help="simultaneous /trivia start")
    args = parser.parse_args(argv)
    asyncio.run(run(args.members, args.starts))


if __name__ == "__main__":
    main()
