"""The loopback gateway shards as Discord does: each guild's events reach one shard only."""

from __future__ import annotations

import asyncio
from contextlib import AsyncExitStack

import discord
from discord.ext import commands

from loopback.gateway import shard_of
from loopback.harness import run_bot
from loopback.server import FakeDiscord

SHARD_COUNT = 2


def make_shard(shard_id: int, answered: list[tuple[int, int]]) -> commands.AutoShardedBot:
    bot = commands.AutoShardedBot(
        command_prefix="!",
        intents=discord.Intents.default(),
        help_command=None,
        shard_ids=[shard_id],
        shard_count=SHARD_COUNT,
    )

    @bot.tree.command(name="where", description="Which shard answers")
    async def where(interaction: discord.Interaction) -> None:
        answered.append((shard_id, interaction.guild_id or 0))
        await interaction.response.send_message(f"shard {interaction.guild.shard_id}")

    return bot


def test_guild_ids_spread_over_shards() -> None:
    fake = FakeDiscord()
    guilds = [fake.add_guild(name=f"Club {i}") for i in range(4)]
    assert {shard_of(g.id, SHARD_COUNT) for g in guilds} == {0, 1}
    assert {shard_of(g.id, 3) for g in guilds} == {0, 1, 2}
    assert len({g.id for g in guilds}) == 4


async def test_each_guild_is_served_by_its_shard_only() -> None:
    answered: list[tuple[int, int]] = []
    async with FakeDiscord() as fake, AsyncExitStack() as stack:
        guilds = [fake.add_guild(name=f"Club {i}") for i in range(4)]
        bots = [make_shard(shard_id, answered) for shard_id in range(SHARD_COUNT)]
        for shard_id, bot in enumerate(bots):
            await stack.enter_async_context(run_bot(bot, fake, sync=shard_id == 0))
        assert fake.gateway.identified_shards == {(0, 2), (1, 2)}
        for shard_id, bot in enumerate(bots):
            expected = {g.id for g in guilds if shard_of(g.id, SHARD_COUNT) == shard_id}
            assert {g.id for g in bot.guilds} == expected
        replies = await asyncio.gather(*(fake.slash("where", guild=g) for g in guilds))
        for guild, reply in zip(guilds, replies, strict=True):
            assert reply.content == f"shard {shard_of(guild.id, SHARD_COUNT)}"
        assert sorted(answered) == sorted((shard_of(g.id, SHARD_COUNT), g.id) for g in guilds)
        for session in fake.gateway.sessions:
            for event, guild_id in session.dispatched:
                assert guild_id is not None
                assert shard_of(guild_id, SHARD_COUNT) == session.shard[0], event


async def test_an_unsharded_client_gets_every_guild() -> None:
    async with FakeDiscord() as fake:
        guilds = [fake.add_guild(name=f"Club {i}") for i in range(3)]
        bot = commands.Bot(command_prefix="!", intents=discord.Intents.default())
        async with run_bot(bot, fake, sync=False):
            assert {g.id for g in bot.guilds} == {g.id for g in guilds}
            assert fake.gateway.identified_shards == {(0, 1)}


class EagerShardedBot(commands.AutoShardedBot):
    """Identifies its shards back to back (the loopback has no identify rate limit)."""

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        return None


async def test_automatic_sharding_follows_the_recommended_count() -> None:
    async with FakeDiscord(shards=3) as fake:
        guilds = [fake.add_guild(name=f"Club {i}") for i in range(4)]
        bot = EagerShardedBot(command_prefix="!", intents=discord.Intents.default())
        async with run_bot(bot, fake, sync=False):
            assert bot.shard_count == 3
            assert fake.gateway.identified_shards == {(0, 3), (1, 3), (2, 3)}
            assert {g.id for g in bot.guilds} == {g.id for g in guilds}
            for guild in guilds:
                assert bot.get_guild(guild.id).shard_id == shard_of(guild.id, 3)
