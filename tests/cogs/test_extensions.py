from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections import Counter
from typing import Any

import discord
import pytest
from discord import app_commands

import cogs
from bot.app import EXTENSIONS, create_bot
from bot.config import Settings
from bot.formatting import MESSAGE_LIMIT
from tests.cogs.conftest import Club

NO_MENTIONS = {"parse": []}
DESCRIPTION_LIMIT = 100
MANAGE_GUILD = 1 << 5


def chat_commands(club: Club) -> list[Any]:
    """Every slash command and group, subcommands included."""
    return list(club.bot.tree.walk_commands())


@pytest.mark.parametrize("name", EXTENSIONS)
def test_extension_is_importable_and_has_an_async_setup(name: str) -> None:
    module = importlib.import_module(name)
    assert inspect.iscoroutinefunction(module.setup)


def test_every_cog_module_is_an_extension() -> None:
    found = {f"cogs.{module.name}" for module in pkgutil.iter_modules(cogs.__path__)}
    assert {name for name in found if not name.startswith("cogs._")} == set(EXTENSIONS)


async def test_every_extension_loads_into_the_bot(club: Club) -> None:
    # The bot logs a cog that fails to load and carries on; here every one must load.
    assert len(set(EXTENSIONS)) == len(EXTENSIONS)
    assert set(club.bot.extensions) == set(EXTENSIONS)
    assert {"cogs.film", "cogs.cast", "cogs.quotes", "cogs.spoilers", "cogs.admin"} <= set(
        EXTENSIONS
    )
    assert "cogs.trivia" in EXTENSIONS


async def test_every_command_name_is_unique(club: Club) -> None:
    names = Counter(command.qualified_name for command in chat_commands(club))
    assert {"film info", "film plot", "film list", "club film", "cast", "quote"} <= set(names)
    assert {"spoilers", "reseed", "sync", "trivia start", "trivia stop"} <= set(names)
    assert [name for name, count in names.items() if count > 1] == []
    synced = Counter(command["name"] for command in club.fake.commands())
    assert [name for name, count in synced.items() if count > 1] == []


async def test_every_command_and_option_has_a_description(club: Club) -> None:
    for command in chat_commands(club):
        assert command.description.strip(), command.qualified_name
        assert len(command.description) <= DESCRIPTION_LIMIT, command.qualified_name
        if isinstance(command, app_commands.Command):
            for parameter in command.parameters:
                where = f"/{command.qualified_name} {parameter.name}"
                assert parameter.description.strip() not in ("", "…"), where
                assert len(parameter.description) <= DESCRIPTION_LIMIT, where


def test_the_bot_never_pings(club_settings: Settings) -> None:
    bot = create_bot(club_settings)
    assert bot.allowed_mentions is not None
    assert bot.allowed_mentions.to_dict() == discord.AllowedMentions.none().to_dict()
    assert bot.allowed_mentions.to_dict() == NO_MENTIONS


async def test_every_reply_path_sends_allowed_mentions_none(club: Club) -> None:
    fake = club.fake
    channel = fake.add_channel(club.guild, "spoilers")
    mod = fake.user("mod")
    await fake.slash("film info")
    await fake.slash("film list")
    await fake.slash("film info", {"film": "no such film at all"})
    await fake.slash("club film", {"film": "ruby-sparks"}, user=mod, permissions=MANAGE_GUILD)
    await fake.slash("cast", {"query": "@everyone <@123>"})
    await fake.slash("cast", {"query": "chris"})
    await fake.slash("quote", {"text": "@everyone tattoo"})
    await fake.slash("quote", {"text": "@here zzzzzz qqqq"})
    await fake.slash("quote")
    await fake.slash(
        "spoilers", {"channel": channel.id, "allowed": True}, user=mod, permissions=MANAGE_GUILD
    )
    await fake.slash("reseed", user=fake.owner)
    await fake.slash("reseed", user=mod, permissions=1 << 3)
    messages = [m for m in fake.store.messages.values() if m.source in ("interaction", "followup")]
    assert len(messages) >= 12
    for message in messages:
        assert message.allowed_mentions == NO_MENTIONS, message.content
        assert len(message.content) <= MESSAGE_LIMIT
