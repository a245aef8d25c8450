"""Start-up wiring: sharding settings reach discord.py; user data goes where settings say."""

import logging
from dataclasses import replace

from bot.app import create_bot
from bot.config import Settings
from bot.storage.database import Database
from bot.storage.postgres import PostgresUserData
from loopback.harness import run_bot
from loopback.server import FakeDiscord
from tests.cogs.trivia.conftest import embed_text

MANAGE_GUILD = 1 << 5


def settings_for(tmp_path, seeds_dir, **changes) -> Settings:
    base = Settings(discord_token="loopback", database_path=tmp_path / "kb.db", seeds_dir=seeds_dir)
    return replace(base, **changes)


def test_shard_settings_reach_discord_py(tmp_path, seeds_dir):
    bot = create_bot(settings_for(tmp_path, seeds_dir, shard_count=4, shard_ids=(1, 3)))
    assert (bot.shard_count, bot.shard_ids) == (4, [1, 3])
    automatic = create_bot(settings_for(tmp_path, seeds_dir))
    assert (automatic.shard_count, automatic.shard_ids) == (None, None)


async def test_with_a_database_url_user_data_goes_to_postgresql(tmp_path, seeds_dir, postgres_url):
    settings = settings_for(tmp_path, seeds_dir, database_url=postgres_url)
    async with FakeDiscord() as fake:
        guild = fake.add_guild(name="Film Club")
        bot = create_bot(settings)
        async with run_bot(bot, fake):
            assert isinstance(bot.services.users, PostgresUserData)
            reply = await fake.slash("club film", {"film": "ruby-sparks"}, permissions=MANAGE_GUILD)
            assert "Ruby Sparks" in reply.content
            assert bot.services.knowledge.generation >= 1
    async with await PostgresUserData.open(postgres_url) as shared:
        assert await shared.guild_film(guild.id) == "ruby-sparks"
        assert await shared.shared_generation() is not None
    async with await Database.open(settings.database_path) as local:
        assert await local.guild_film(guild.id) is None
        assert await local.film_count() == 1


async def test_some_shards_without_a_database_url_warn(tmp_path, seeds_dir, caplog):
    settings = settings_for(tmp_path, seeds_dir, shard_count=2, shard_ids=(0,))
    caplog.set_level(logging.WARNING, logger="bot.app")
    async with FakeDiscord() as fake:
        fake.add_guild(name="Film Club")
        bot = create_bot(settings)
        async with run_bot(bot, fake, sync=False):
            assert bot.services.users is bot.services.database
    assert any("FILMCLUB_DATABASE_URL is unset" in r.getMessage() for r in caplog.records)


async def test_spoilers_and_seasons_go_to_postgresql(tmp_path, seeds_dir, postgres_url):
    settings = settings_for(tmp_path, seeds_dir, database_url=postgres_url)
    async with FakeDiscord() as fake:
        guild = fake.add_guild(name="Film Club")
        channel = fake.add_channel(guild, "spoilers")
        bot = create_bot(settings)
        async with run_bot(bot, fake):
            await fake.slash(
                "spoilers", {"channel": channel.id, "allowed": True}, permissions=MANAGE_GUILD
            )
            reset = await fake.slash("club new-season", permissions=MANAGE_GUILD)
            assert "Season 2" in reset.content
            board = await fake.slash("trivia leaderboard")
            assert "Season 2" in embed_text(board.embeds)
    async with await PostgresUserData.open(postgres_url) as shared:
        assert await shared.spoiler_channels(guild.id) == {channel.id}
        assert await shared.current_season(guild.id) == 2


UPLOAD = b"""\
AUTHOR: Harbour film society
Which pier hosts the summer screenings?: [North Pier]
Who runs the projector?: [Agnes Pike]
"""

OWNER_LIST = """\
AUTHOR: Lighthouse keepers
What colour is the lamp?: [Amber]
"""


async def test_uploaded_lists_go_to_postgresql(tmp_path, seeds_dir, postgres_url):
    (seeds_dir / "trivia").mkdir()
    (seeds_dir / "trivia" / "lighthouse.yaml").write_text(OWNER_LIST, encoding="utf-8")
    settings = settings_for(tmp_path, seeds_dir, database_url=postgres_url)
    async with FakeDiscord() as fake:
        guild = fake.add_guild(name="Film Club")
        bot = create_bot(settings)
        async with run_bot(bot, fake):
            file = fake.attach("harbour.yaml", UPLOAD, "application/x-yaml")
            reply = await fake.slash(
                "trivia-admin upload", {"file": file}, permissions=MANAGE_GUILD
            )
            assert "Added the list **harbour**: 2 question(s)." in reply.content
            names = {t.name for t in await bot.services.trivia_lists.lists(guild.id)}
            assert names == {"harbour", "lighthouse"}  # the owner's, from the knowledge base
    async with await PostgresUserData.open(postgres_url) as shared:
        [stored] = await shared.server_trivia_lists(guild.id)
        assert stored.name == "harbour"
    async with await Database.open(settings.database_path) as local:
        assert await local.server_trivia_lists(guild.id) == ()
