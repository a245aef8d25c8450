"""Channel overwrites: resolved like Discord, seen by discord.py, enforced on channel sends."""

from __future__ import annotations

import asyncio

import discord
import pytest
from discord.ext import commands

from loopback.harness import run_bot
from loopback.permissions import (
    MEMBER_OVERWRITE,
    ROLE_OVERWRITE,
    SEND_MESSAGES,
    apply_overwrites,
    overwrite_payload,
)
from loopback.server import FakeDiscord

GUILD, USER, ROLE = 1, 2, 3
VIEW = discord.Permissions(view_channel=True).value
ADMIN = discord.Permissions(administrator=True).value


def test_overwrites_apply_everyone_then_roles_then_member() -> None:
    base = VIEW | SEND_MESSAGES
    everyone_denies = [overwrite_payload(GUILD, ROLE_OVERWRITE, deny=SEND_MESSAGES)]
    assert apply_overwrites(base, everyone_denies, guild_id=GUILD, user_id=USER) == VIEW
    role_allows = [*everyone_denies, overwrite_payload(ROLE, ROLE_OVERWRITE, allow=SEND_MESSAGES)]
    resolved = apply_overwrites(base, role_allows, guild_id=GUILD, user_id=USER, role_ids=[ROLE])
    assert resolved == base
    member_denies = [*role_allows, overwrite_payload(USER, MEMBER_OVERWRITE, deny=SEND_MESSAGES)]
    resolved = apply_overwrites(base, member_denies, guild_id=GUILD, user_id=USER, role_ids=[ROLE])
    assert resolved == VIEW
    assert apply_overwrites(ADMIN, member_denies, guild_id=GUILD, user_id=USER) == ADMIN


async def test_bot_sees_the_overwrite_and_its_sends_are_refused() -> None:
    bot = commands.Bot(command_prefix="!", intents=discord.Intents.none(), help_command=None)
    seen: list[tuple[str, bool, bool]] = []

    @bot.tree.command(name="where", description="Can I post here?")
    async def where(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("replying is allowed")
        channel = interaction.channel
        assert isinstance(channel, discord.TextChannel)
        try:
            await channel.send("a channel message")
            refused = False
        except discord.Forbidden as error:
            refused = error.code == 50013
        seen.append((channel.name, interaction.app_permissions.send_messages, refused))

    async with FakeDiscord() as fake:
        guild = fake.add_guild(channels=("general", "quiet"))
        quiet = guild.channels[1]
        fake.set_permissions(quiet, fake.bot_user, deny=discord.Permissions(send_messages=True))
        async with run_bot(bot, fake):
            state_channel = bot.get_channel(quiet.id)
            assert isinstance(state_channel, discord.TextChannel)
            assert not state_channel.permissions_for(state_channel.guild.me).send_messages
            reply = await fake.slash("where", channel=quiet)
            assert reply.content == "replying is allowed"
            await fake.wait_for_request(lambda r: r.status == 403)
            general_reply = await fake.slash("where")
            await fake.wait_for_channel_message(guild.general, lambda m: m.source == "channel")
            async with asyncio.timeout(5):
                while len(seen) < 2:
                    await asyncio.sleep(0.01)
    assert seen == [("quiet", False, True), ("general", True, False)]
    assert general_reply.content == "replying is allowed"
    assert [r.status for r in fake.requests if r.path.endswith("/messages")] == [403, 200]


@pytest.mark.parametrize("target", ["member", "role"])
async def test_set_permissions_replaces_the_targets_overwrite(target: str) -> None:
    async with FakeDiscord() as fake:
        guild = fake.add_guild()
        who = fake.user("alice") if target == "member" else fake.add_role(guild, "film-nerds")
        fake.set_permissions(guild.general, who, deny=SEND_MESSAGES)
        fake.set_permissions(guild.general, who, allow=SEND_MESSAGES)
        entries = fake.store.overwrites[guild.general.id]
    assert entries == [
        overwrite_payload(
            who.id, MEMBER_OVERWRITE if target == "member" else ROLE_OVERWRITE, allow=SEND_MESSAGES
        )
    ]
