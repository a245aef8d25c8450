"""Load through the loopback: many rounds, a crowd of lookups and a reseed, on a cold bot.

20 channels in 5 servers each run a typed round whose 5 players all answer at once, while
200 ``/quote`` and ``/cast`` arrive together and an owner runs ``/reseed`` in the middle.
Prints p50/p99 of the first response per command, the longest event-loop stall, and what
the checks found; ``tests/test_load.py`` runs a smaller version and asserts the checks.

    .venv/bin/python -m benchmarks.load [--channels 20] [--lookups 200]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import re
import shutil
import sqlite3
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from benchmarks.commands import PROJECT_SEEDS, percentile
from benchmarks.loop_stall import watch_loop
from bot.app import FilmClubBot, create_bot
from bot.config import Settings
from bot.trivia.engine import REVEAL_PAUSE
from cogs.trivia import TriviaCog
from loopback.clock import FakeClock
from loopback.harness import LOOPBACK_TOKEN, run_bot
from loopback.limits import INTENT_MESSAGE_CONTENT
from loopback.records import FakeChannel, FakeUser, PostedMessage
from loopback.server import FakeDiscord

__all__ = ["DEADLINE", "LoadResult", "is_question", "message_text", "run_load"]

DEADLINE = 3.0
"""Discord's rule: every interaction gets a first response within 3 seconds."""

SERVERS = 5
PLAYERS = 5
QUESTIONS = 3
LOOKUPS = ("quote", "cast")
QUERIES = ("tattoo better love", "chris mesina", "faris", "dano", "ruby", "novelist", "zoe")
RELEASE_GRACE = 2.0
"""Seconds a finished round may take to free its channel after posting its scoreboard."""
RESEED_AFTER = 0.05
"""Seconds into the load when the owner runs /reseed."""
_AWARD = re.compile(r"<@(\d+)> \+(\d+)")
_QUESTION = re.compile(r"Question \d+/\d+")


@dataclass
class LoadResult:
    """What one load run measured and found."""

    first_responses: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    longest_stall: float = 0.0
    announced: Counter[tuple[int, int]] = field(default_factory=Counter)
    saved: Counter[tuple[int, int]] = field(default_factory=Counter)
    late: list[str] = field(default_factory=list)
    stuck_channels: int = 0
    errors: list[str] = field(default_factory=list)
    reseed_reply: str = ""
    names: dict[int, str] = field(default_factory=dict)

    def summary(self) -> list[str]:
        """Lines for a report: latencies per command, then the checks."""
        lines = [f"{'command':<18} {'count':>6} {'p50 ms':>9} {'p99 ms':>9} {'max ms':>9}"]
        for command, samples in sorted(self.first_responses.items()):
            lines.append(
                f"{command:<18} {len(samples):>6} {percentile(samples, 0.5) * 1000:9.1f}"
                f" {percentile(samples, 0.99) * 1000:9.1f} {max(samples) * 1000:9.1f}"
            )
        lines += [
            f"longest event-loop stall: {self.longest_stall * 1000:.1f} ms",
            f"first responses over {DEADLINE:g} s: {len(self.late)}",
            f"stuck channels: {self.stuck_channels}",
            f"points announced: {sum(self.announced.values())}, saved: {sum(self.saved.values())}",
            f"errors: {len(self.errors)}",
        ]
        return lines


def message_text(message: PostedMessage) -> str:
    """What a player reads in a message: its content and its embeds' texts."""
    parts = [message.content]
    for embed in message.embeds:
        parts += [str(embed.get("title", "")), str(embed.get("description", ""))]
        parts += [f"{field['name']}\n{field['value']}" for field in embed.get("fields", [])]
    return "\n".join(part for part in parts if part)


def is_question(message: PostedMessage) -> bool:
    """Whether a message asks a trivia question (``Question 2/3``)."""
    return any(_QUESTION.fullmatch(str(embed.get("title", ""))) for embed in message.embeds)


def _trivia_cog(bot: FilmClubBot) -> TriviaCog:
    """The trivia cog, by name: extensions are imported afresh per bot, so not by class."""
    cog = bot.get_cog("TriviaCog")
    if cog is None:
        raise RuntimeError("the trivia cog is not loaded")
    return cast(TriviaCog, cog)


async def _slash(
    fake: FakeDiscord,
    result: LoadResult,
    path: str,
    options: dict[str, object],
    **where: object,
) -> str:
    """Run a slash command and remember which command its interaction was."""
    reply = await fake.slash(path, options, **where)  # type: ignore[arg-type]
    result.names[reply.interaction_id] = f"/{path}"
    return reply.content


async def _round(
    fake: FakeDiscord,
    bot: FilmClubBot,
    channel: FakeChannel,
    players: Sequence[FakeUser],
    barrier: asyncio.Barrier,
    result: LoadResult,
) -> None:
    """Start a typed round, let every player answer each question at once."""
    cog = _trivia_cog(bot)
    options: dict[str, object] = {"questions": QUESTIONS, "mode": "typed"}
    await _slash(fake, result, "trivia start", options, channel=channel)
    last = None
    for _ in range(QUESTIONS):
        asked = await fake.wait_for_channel_message(channel, is_question, after=last)
        driver = cog.rounds.get(channel.id)
        question = driver.round.current_question if driver else None
        if question is None:
            raise RuntimeError(f"no open question in channel {channel.id}")
        await asyncio.gather(
            *(fake.message(channel, question.answer, author=player) for player in players)
        )
        last = await fake.wait_for_channel_message(
            channel, lambda m: "The answer was" in message_text(m), after=asked
        )
        for user, points in _AWARD.findall(message_text(last)):
            result.announced[(channel.guild_id, int(user))] += int(points)
        if await barrier.wait() == 0:  # one round advances the shared clock for all
            clock = bot.clock
            if isinstance(clock, FakeClock):
                clock.advance(REVEAL_PAUSE)
            cog.wake_all()
        await barrier.wait()
    await fake.wait_for_channel_message(
        channel, lambda m: "That's the round!" in message_text(m), after=last
    )


async def _lookup(
    fake: FakeDiscord, result: LoadResult, number: int, channels: Sequence[FakeChannel]
) -> None:
    command = LOOKUPS[number % len(LOOKUPS)]
    query = QUERIES[number % len(QUERIES)]
    option = {"quote": "text", "cast": "query"}[command]
    channel = channels[number % len(channels)]
    await _slash(fake, result, command, {option: query}, channel=channel)


async def _reseed(fake: FakeDiscord, owner: FakeUser, result: LoadResult) -> None:
    await asyncio.sleep(RESEED_AFTER)
    result.reseed_reply = await _slash(fake, result, "reseed", {}, user=owner)


async def _stuck(bot: FilmClubBot) -> int:
    """Rounds still registered once every round has posted its end (after a grace period)."""
    cog = _trivia_cog(bot)
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(RELEASE_GRACE):
            while len(cog.rounds):
                await asyncio.sleep(0.01)
    return len(cog.rounds)


def _saved(database: Path) -> Counter[tuple[int, int]]:
    with closing(sqlite3.connect(database)) as connection:
        rows = connection.execute(
            "SELECT guild_id, user_id, SUM(points) FROM trivia_awards GROUP BY guild_id, user_id"
        ).fetchall()
    return Counter({(int(guild), int(user)): int(points) for guild, user, points in rows})


async def run_load(folder: Path, *, channels: int = 20, lookups: int = 200) -> LoadResult:
    """One load run in ``folder`` (seeds copied there, a new database): see the module doc."""
    seeds = folder / "seeds"
    shutil.copytree(PROJECT_SEEDS, seeds)
    result = LoadResult()
    async with FakeDiscord(privileged_intents=INTENT_MESSAGE_CONTENT) as fake:
        owner = fake.user("owner")
        settings = Settings(
            discord_token=LOOPBACK_TOKEN,
            database_path=folder / "load.db",
            seeds_dir=seeds,
            message_content=True,
            admin_ids=frozenset({owner.id}),
        )
        guilds = [fake.add_guild(name=f"Club {n}") for n in range(SERVERS)]
        where = [
            guild.general if n < SERVERS else fake.add_channel(guild, f"trivia-{n}")
            for n in range(channels)
            for guild in [guilds[n % SERVERS]]
        ]
        players = [fake.user(f"player{n}") for n in range(PLAYERS)]
        barrier = asyncio.Barrier(channels)
        bot = create_bot(settings, clock=FakeClock())
        async with run_bot(bot, fake), watch_loop() as monitor:
            await asyncio.gather(
                *(_round(fake, bot, channel, players, barrier, result) for channel in where),
                *(_lookup(fake, result, n, where) for n in range(lookups)),
                _reseed(fake, owner, result),
            )
            result.longest_stall = monitor.longest
            result.stuck_channels = await _stuck(bot)
        result.errors = list(fake.errors)
        for state in fake.store.interactions.values():
            seconds = state.first_response_seconds
            name = result.names.get(state.id, "other")
            if seconds is None or seconds > DEADLINE:
                result.late.append(f"interaction {state.id}: {seconds}")
            if seconds is not None:
                result.first_responses[name].append(seconds)
    result.saved = _saved(folder / "load.db")
    return result


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the options, run once and print the figures."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load")
    parser.add_argument("--channels", type=int, default=20, help="rounds at once (5 servers)")
    parser.add_argument("--lookups", type=int, default=200, help="/quote and /cast at once")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        result = asyncio.run(run_load(Path(folder), channels=args.channels, lookups=args.lookups))
    print(f"{args.channels} rounds in {SERVERS} servers, {PLAYERS} players each;")
    print(f"{args.lookups} /quote and /cast at once; a /reseed in the middle; cold bot")
    print("\n".join(result.summary()))


if __name__ == "__main__":
    main()
