"""In-process time per slash command through the loopback Discord, on the real seeds.

Each command goes the whole way: the fake sends INTERACTION_CREATE over its websocket, the
real bot handles it and answers over REST, and the fake records the reply. No assertions;
it prints the median and p95 of ``--runs`` runs per command.

    .venv/bin/python -m benchmarks.commands [--runs 20]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from bot.app import create_bot
from bot.config import Settings
from bot.formatting import MESSAGE_LIMIT, split_message
from cogs.film import plot_text
from loopback.harness import LOOPBACK_TOKEN, run_bot
from loopback.server import FakeDiscord

PROJECT_SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def percentile(samples: Sequence[float], share: float) -> float:
    """The sample below which ``share`` of the samples fall."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def measure(action: Callable[[], Awaitable[object]], runs: int) -> list[float]:
    """Seconds per run of ``action``, after one warm-up run."""
    await action()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        await action()
        samples.append(time.perf_counter() - started)
    return samples


async def run(runs: int) -> None:
    """Start the bot on a copy of the seeds and time each command."""
    with tempfile.TemporaryDirectory() as folder:
        seeds = Path(folder) / "seeds"
        shutil.copytree(PROJECT_SEEDS, seeds)
        settings = Settings(
            discord_token=LOOPBACK_TOKEN, database_path=Path(folder) / "bench.db", seeds_dir=seeds
        )
        async with FakeDiscord() as fake:
            fake.add_guild(name="Film Club")
            bot = create_bot(settings)
            started = time.perf_counter()
            async with run_bot(bot, fake):
                print(
                    f"bot ready (seeds loaded, commands synced) in "
                    f"{time.perf_counter() - started:.2f} s\n"
                )
                films = bot.services.films
                film = await films.find("ruby-sparks")
                header = f"**{film.display}**: plot\n"
                plot_messages = len(
                    split_message(
                        plot_text(await films.plot(film)),
                        hidden=True,
                        limit=MESSAGE_LIMIT - len(header),
                    )
                )
                commands: list[tuple[str, Callable[[], Awaitable[object]]]] = [
                    ("/film info", lambda: fake.slash("film info", {"film": "ruby-sparks"})),
                    (
                        f"/film plot ({plot_messages} messages)",
                        lambda: fake.slash("film plot", messages=plot_messages),
                    ),
                    (
                        "/cast query: chris mesina",
                        lambda: fake.slash("cast", {"query": "chris mesina"}),
                    ),
                    (
                        "/quote text: tattoo better love",
                        lambda: fake.slash("quote", {"text": "tattoo better love it forevr"}),
                    ),
                    ("/quote speaker: faris", lambda: fake.slash("quote", {"speaker": "faris"})),
                    ("/quote (random)", lambda: fake.slash("quote")),
                    (
                        "autocomplete /cast query: chr",
                        lambda: fake.autocomplete("cast", option="query", value="chr"),
                    ),
                    (
                        "autocomplete /quote speaker: fa",
                        lambda: fake.autocomplete("quote", option="speaker", value="fa"),
                    ),
                ]
                print(f"{'command':<36} {'median':>10} {'p95':>10}   ({runs} runs each)")
                for name, action in commands:
                    samples = await measure(action, runs)
                    median = statistics.median(samples) * 1000
                    p95 = percentile(samples, 0.95) * 1000
                    print(f"{name:<36} {median:8.2f} ms {p95:8.2f} ms")


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the options and run the benchmark."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.commands")
    parser.add_argument("--runs", type=int, default=20, help="timed runs per command")
    args = parser.parse_args(argv)
    asyncio.run(run(args.runs))


if __name__ == "__main__":
    main()
