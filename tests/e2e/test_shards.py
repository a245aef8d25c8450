"""Two bot processes (shards 0 and 1 of 2) on one loopback Discord and one PostgreSQL.

Each process is a real ``python`` subprocess running the bot with the settings a host
would give it; the loopback Discord routes each server's events to its shard only.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from bot.services.knowledge import KnowledgeService
from bot.storage.database import Database
from bot.trivia.engine import REVEAL_PAUSE
from loopback.gateway import shard_of
from loopback.limits import INTENT_MESSAGE_CONTENT
from loopback.records import FakeGuild, Reply
from loopback.server import FakeDiscord
from tests.bot.parsing.lantern_keeper import INTERVIEW, write_film
from tests.cogs.trivia.conftest import embed_text, text_of
from tests.e2e.shard_process import READY_LINE

PROJECT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 30.0
FOLLOW_TIMEOUT = 15.0
"""A reseed elsewhere is noticed within one poll (2 s); generous for a loaded machine."""


@dataclass
class Host:
    """What every process of the bot shares: the knowledge-base file, seeds, PostgreSQL."""

    fake: FakeDiscord
    folder: Path
    kb_path: Path
    seeds_dir: Path
    database_url: str

    def env(self, shard_ids: Sequence[int], shard_count: int) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("FILMCLUB_", "DISCORD"))}
        env.update(
            PYTHONPATH=str(PROJECT),
            DISCORD_TOKEN="loopback",
            FILMCLUB_DB=str(self.kb_path),
            FILMCLUB_SEEDS=str(self.seeds_dir),
            FILMCLUB_DATABASE_URL=self.database_url,
            FILMCLUB_SHARD_COUNT=str(shard_count),
            FILMCLUB_SHARD_IDS=",".join(map(str, shard_ids)),
            FILMCLUB_MESSAGE_CONTENT="true",
            LOG_LEVEL="INFO",
        )
        return env


async def start_process(host: Host, shard_ids: Sequence[int], shard_count: int, name: str):
    log = (host.folder / f"{name}.log").open("wb")
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.e2e.shard_process",
        host.fake.api_url,
        host.fake.gateway_url,
        cwd=host.folder,
        env=host.env(shard_ids, shard_count),
        stdout=asyncio.subprocess.PIPE,
        stderr=log,
    )
    log.close()
    assert process.stdout is not None
    try:
        line = await asyncio.wait_for(process.stdout.readline(), START_TIMEOUT)
    except TimeoutError:
        line = b""
    if line.decode().strip() != READY_LINE:
        process.kill()
        await process.wait()
        raise AssertionError(f"{name} did not start:\n{(host.folder / f'{name}.log').read_text()}")
    return process


@asynccontextmanager
async def processes(host: Host, layout: Sequence[Sequence[int]], shard_count: int):
    """Start one process per entry of ``layout`` (its shard ids); stop them all on exit."""
    started = await asyncio.gather(
        *(
            start_process(host, ids, shard_count, f"p{shard_count}-{i}")
            for i, ids in enumerate(layout)
        ),
        return_exceptions=True,
    )
    running = [p for p in started if not isinstance(p, BaseException)]
    try:
        for outcome in started:
            if isinstance(outcome, BaseException):
                raise outcome
        yield running
    finally:
        for process in running:
            process.send_signal(signal.SIGTERM)
        for process in running:
            try:
                await asyncio.wait_for(process.wait(), START_TIMEOUT)
            except TimeoutError:
                process.kill()
                await process.wait()
        await wait_until(lambda: not host.fake.gateway.sessions, "the shards to disconnect")


async def wait_until(condition, what: str, timeout: float = START_TIMEOUT) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


def sessions_that_saw(fake: FakeDiscord, event: str, guild: FakeGuild) -> list[tuple[int, int]]:
    return [
        s.shard for s in fake.gateway.sessions if any(d == (event, guild.id) for d in s.dispatched)
    ]


async def win_a_question(fake: FakeDiscord, guild: FakeGuild, player, channel=None):
    """A one-question typed round in one of the server's channels, won by ``player``."""
    channel = channel or guild.general
    reply = await fake.slash(
        "trivia start",
        {"questions": 1, "mode": "typed", "seconds": 30},
        guild=guild,
        channel=channel,
        user=player,
    )
    assert "1 question(s) · typed" in embed_text(reply.embeds)
    question = await fake.wait_for_channel_message(
        channel, lambda m: "Who composed the score? #1" in text_of(m)
    )
    await fake.message(channel, "Nick Urata", author=player)
    reveal = await fake.wait_for_channel_message(
        channel, lambda m: "The answer was" in text_of(m), after=question
    )
    assert f"<@{player.id}> +" in text_of(reveal)
    return channel


async def round_end(fake: FakeDiscord, channel) -> None:
    await fake.wait_for_channel_message(
        channel, lambda m: "That's the round!" in text_of(m), timeout=REVEAL_PAUSE * 3
    )


async def leaderboard(fake: FakeDiscord, guild: FakeGuild) -> str:
    return embed_text((await fake.slash("trivia leaderboard", guild=guild)).embeds)


async def film_list_until(fake: FakeDiscord, guild: FakeGuild, text: str) -> Reply:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + FOLLOW_TIMEOUT
    while True:
        reply = await fake.slash("film list", guild=guild)
        if text in reply.content or loop.time() > deadline:
            return reply
        await asyncio.sleep(0.5)


async def test_two_processes_share_scores_reseeds_and_survive_resharding(
    tmp_path, seeds_dir, postgres_url
):
    kb_path = tmp_path / "kb" / "filmclub.db"
    async with await Database.open(kb_path) as database:  # `python -m bot seed`, once per host
        assert (await KnowledgeService(database, seeds_dir).reseed()).applied

    async with FakeDiscord(timeout=15.0, privileged_intents=INTENT_MESSAGE_CONTENT) as fake:
        guilds = [fake.add_guild(name=f"Club {i}") for i in range(4)]
        host = Host(fake, tmp_path, kb_path, seeds_dir, postgres_url)
        alice, bob = fake.user("alice"), fake.user("bob")
        on_zero = next(g for g in guilds if shard_of(g.id, 2) == 0)
        on_one = next(g for g in guilds if shard_of(g.id, 2) == 1)

        async with processes(host, [[0], [1]], 2):
            assert fake.gateway.identified_shards == {(0, 2), (1, 2)}
            # Commands are answered by the process owning the server's shard, and only it.
            for guild in guilds:
                reply = await fake.slash("film list", guild=guild)
                assert "Ruby Sparks" in reply.content
                assert sessions_that_saw(fake, "INTERACTION_CREATE", guild) == [
                    (shard_of(guild.id, 2), 2)
                ]
            # Trivia rounds in two servers on different shards at once.
            channels = await asyncio.gather(
                win_a_question(fake, on_zero, alice), win_a_question(fake, on_one, bob)
            )
            channels.append(await win_a_question(fake, on_zero, bob, on_zero.channels[1]))
            # Every round ends (a game on record) before the standings are compared.
            await asyncio.gather(*(round_end(fake, channel) for channel in channels))
            boards = {g.id: await leaderboard(fake, g) for g in guilds}
            assert f"<@{alice.id}> · 3 point(s) · 1 correct · 1 game(s)" in boards[on_zero.id]
            assert f"<@{bob.id}>" in boards[on_zero.id]
            assert f"<@{bob.id}> · 3 point(s) · 1 correct" in boards[on_one.id]
            assert str(alice.id) not in boards[on_one.id]

            # An owner's /reseed on shard 0's process is seen by shard 1's.
            write_film(seeds_dir, {"000_interview.txt": INTERVIEW})
            report = await fake.slash("reseed", guild=on_zero, user=fake.owner)
            assert "reseed changed 1 film(s)" in (report.followups or (report.message,))[0].content
            listed = await film_list_until(fake, on_one, "The Lantern Keeper")
            assert "The Lantern Keeper" in listed.content

        # Restart with three shards: servers move between processes, their scores follow.
        owner_before = {g.id: shard_of(g.id, 2) for g in guilds}
        owner_after = {g.id: 0 if shard_of(g.id, 3) in (0, 1) else 1 for g in guilds}
        assert any(owner_before[g.id] != owner_after[g.id] for g in (on_zero, on_one))
        async with processes(host, [[0, 1], [2]], 3):
            assert fake.gateway.identified_shards == {(0, 3), (1, 3), (2, 3)}
            for guild in guilds:
                assert await leaderboard(fake, guild) == boards[guild.id]
                assert sessions_that_saw(fake, "INTERACTION_CREATE", guild) == [
                    (shard_of(guild.id, 3), 3)
                ]
            listed = await fake.slash("film list", guild=on_one)
            assert "The Lantern Keeper" in listed.content
