"""Fixtures running the real bot against the loopback Discord on a temporary database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.app import FilmClubBot, create_bot
from bot.config import Settings
from loopback.harness import run_bot
from loopback.records import FakeGuild
from loopback.server import FakeDiscord


@dataclass
class Club:
    """A running bot, the fake Discord it talks to and a server with a few channels."""

    fake: FakeDiscord
    bot: FilmClubBot
    guild: FakeGuild
    settings: Settings


@pytest.fixture
def club_settings(tmp_path: Path, seeds_dir: Path) -> Settings:
    return Settings(
        discord_token="loopback",
        database_path=tmp_path / "club.db",
        seeds_dir=seeds_dir,
    )


@pytest.fixture
async def club(club_settings: Settings) -> AsyncIterator[Club]:
    async with FakeDiscord() as fake:
        guild = fake.add_guild(name="Film Club")
        bot = create_bot(club_settings)
        async with run_bot(bot, fake):
            yield Club(fake=fake, bot=bot, guild=guild, settings=club_settings)
