"""The user-data store, the same tests on both backends: SQLite and a real PostgreSQL."""

import asyncio
import datetime as dt
from pathlib import Path

from bot.models import StoredList
from bot.storage.postgres import PostgresUserData

NOW = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
GUILD, OTHER_GUILD, CHANNEL = 10, 11, 20
ALICE, BOB, CAROL = 101, 102, 103
SNOWFLAKE_GUILD = 1_190_000_000_000_123_456
"""A real-sized Discord id: needs 64-bit columns."""


async def test_guild_film_round_trip(user_data):
    assert await user_data.guild_film(GUILD) is None
    await user_data.set_guild_film(GUILD, "ruby-sparks")
    await user_data.set_guild_film(OTHER_GUILD, "other")
    assert await user_data.guild_film(GUILD) == "ruby-sparks"
    await user_data.set_guild_film(GUILD, None)
    assert await user_data.guild_film(GUILD) is None
    assert await user_data.guild_film(OTHER_GUILD) == "other"


async def test_spoiler_channels_round_trip(user_data):
    assert await user_data.spoiler_channels(GUILD) == frozenset()
    await user_data.set_spoiler_channel(GUILD, 1, True)
    await user_data.set_spoiler_channel(GUILD, 1, True)
    await user_data.set_spoiler_channel(GUILD, 2, True)
    await user_data.set_spoiler_channel(OTHER_GUILD, 3, True)
    assert await user_data.spoiler_channels(GUILD) == frozenset({1, 2})
    await user_data.set_spoiler_channel(GUILD, 1, False)
    await user_data.set_spoiler_channel(GUILD, 99, False)
    assert await user_data.spoiler_channels(GUILD) == frozenset({2})
    assert await user_data.spoiler_channels(OTHER_GUILD) == frozenset({3})


async def test_snowflake_ids_round_trip(user_data):
    await user_data.set_guild_film(SNOWFLAKE_GUILD, "ruby-sparks")
    await user_data.set_spoiler_channel(SNOWFLAKE_GUILD, SNOWFLAKE_GUILD + 1, True)
    await user_data.record_awards(SNOWFLAKE_GUILD, CHANNEL, [(SNOWFLAKE_GUILD + 2, 4)], "Q", NOW)
    assert await user_data.guild_film(SNOWFLAKE_GUILD) == "ruby-sparks"
    assert await user_data.spoiler_channels(SNOWFLAKE_GUILD) == {SNOWFLAKE_GUILD + 1}
    [entry] = await user_data.leaderboard(SNOWFLAKE_GUILD, None, 10)
    assert (entry.user_id, entry.points) == (SNOWFLAKE_GUILD + 2, 4)


async def test_leaderboard_ties_share_a_rank(user_data):
    await user_data.record_awards(GUILD, CHANNEL, [(ALICE, 3), (BOB, 3), (CAROL, 1)], "Q1", NOW)
    await user_data.record_awards(OTHER_GUILD, CHANNEL, [(CAROL, 50)], "Q1", NOW)
    board = await user_data.leaderboard(GUILD, 1, 10)
    assert [(e.rank, e.user_id, e.points, e.correct) for e in board] == [
        (1, ALICE, 3, 1),
        (1, BOB, 3, 1),
        (3, CAROL, 1, 1),
    ]
    assert len(await user_data.leaderboard(GUILD, None, 2)) == 2


async def test_no_awards_records_nothing(user_data):
    await user_data.record_awards(GUILD, CHANNEL, [], "Q1", NOW)
    assert await user_data.leaderboard(GUILD, None, 10) == ()


async def test_seasons_keep_history(user_data):
    assert await user_data.current_season(GUILD) == 1
    await user_data.record_awards(GUILD, CHANNEL, [(ALICE, 3), (BOB, 1)], "Q1", NOW)
    await user_data.record_awards(GUILD, CHANNEL, [(ALICE, 2)], "Q2", NOW)
    assert await user_data.start_new_season(GUILD, NOW) == 2
    assert await user_data.current_season(GUILD) == 2
    assert await user_data.current_season(OTHER_GUILD) == 1
    assert await user_data.leaderboard(GUILD, 2, 10) == ()
    await user_data.record_awards(GUILD, CHANNEL, [(BOB, 10)], "Q3", NOW)
    season_one = await user_data.leaderboard(GUILD, 1, 10)
    assert [(e.rank, e.user_id, e.points, e.correct) for e in season_one] == [
        (1, ALICE, 5, 2),
        (2, BOB, 1, 1),
    ]
    season_two = await user_data.leaderboard(GUILD, 2, 10)
    assert [(e.rank, e.user_id, e.points) for e in season_two] == [(1, BOB, 10)]
    all_time = await user_data.leaderboard(GUILD, None, 10)
    assert [(e.rank, e.user_id, e.points, e.correct) for e in all_time] == [
        (1, BOB, 11, 2),
        (2, ALICE, 5, 2),
    ]
    assert await user_data.start_new_season(GUILD, NOW) == 3


async def test_concurrent_awards_are_all_counted(user_data):
    async def award(user: int) -> None:
        await user_data.record_awards(GUILD, CHANNEL, [(user, 1)], "Q", NOW)

    await asyncio.gather(*(award(ALICE if i % 2 else BOB) for i in range(40)))
    board = await user_data.leaderboard(GUILD, None, 10)
    assert sorted((e.user_id, e.points, e.correct) for e in board) == [
        (ALICE, 20, 20),
        (BOB, 20, 20),
    ]


async def test_games_count_on_the_leaderboard(user_data):
    await user_data.record_awards(GUILD, CHANNEL, [(ALICE, 3), (BOB, 1)], "Q1", NOW)
    await user_data.record_game(GUILD, CHANNEL, [(ALICE, 3), (BOB, 1)], NOW)
    await user_data.record_game(GUILD, CHANNEL, [], NOW)
    await user_data.start_new_season(GUILD, NOW)
    await user_data.record_awards(GUILD, CHANNEL, [(ALICE, 2)], "Q2", NOW)
    await user_data.record_game(GUILD, CHANNEL, [(ALICE, 2)], NOW)
    await user_data.record_game(OTHER_GUILD, CHANNEL, [(ALICE, 9)], NOW)
    all_time = await user_data.leaderboard(GUILD, None, 10)
    assert [(e.user_id, e.points, e.games) for e in all_time] == [(ALICE, 5, 2), (BOB, 1, 1)]
    season_two = await user_data.leaderboard(GUILD, 2, 10)
    assert [(e.user_id, e.points, e.games, e.average) for e in season_two] == [(ALICE, 2, 1, 2.0)]


async def test_uploaded_lists_round_trip(user_data):
    def stored(guild: int, name: str, text: str) -> StoredList:
        return StoredList(guild_id=guild, name=name, film="", text=text)

    assert await user_data.server_trivia_lists(GUILD) == ()
    assert await user_data.save_trivia_list(stored(GUILD, "ushers", "Q?: [a]"), ALICE, NOW) is False
    assert await user_data.save_trivia_list(stored(GUILD, "aisles", "Q?: [b]"), ALICE, NOW) is False
    assert await user_data.save_trivia_list(stored(GUILD, "ushers", "Q2?: [c]"), BOB, NOW) is True
    await user_data.save_trivia_list(stored(OTHER_GUILD, "ushers", "Q?: [d]"), CAROL, NOW)
    assert await user_data.server_trivia_lists(GUILD) == (
        stored(GUILD, "aisles", "Q?: [b]"),
        stored(GUILD, "ushers", "Q2?: [c]"),
    )
    assert await user_data.server_list_count(GUILD) == 2
    assert await user_data.delete_trivia_list(GUILD, "ushers") is True
    assert await user_data.delete_trivia_list(GUILD, "ushers") is False
    assert await user_data.server_list_count(GUILD) == 1
    assert [item.text for item in await user_data.server_trivia_lists(OTHER_GUILD)] == ["Q?: [d]"]


# --- PostgreSQL only: several processes share one database -----------------------------------

POSTGRES_MIGRATIONS = Path(__file__).resolve().parents[3] / "bot/storage/migrations/postgres"


def test_postgres_migration_numbers_are_unique_and_consecutive():
    numbers = sorted(int(p.name.split("_", 1)[0]) for p in POSTGRES_MIGRATIONS.glob("*.sql"))
    assert numbers == list(range(1, len(numbers) + 1))


async def test_processes_starting_together_migrate_once(postgres_url):
    stores = await asyncio.gather(*(PostgresUserData.open(postgres_url) for _ in range(4)))
    try:
        versions = {await store.schema_version() for store in stores}
        assert len(versions) == 1
        assert versions.pop() >= 2
    finally:
        await asyncio.gather(*(store.close() for store in stores))


async def test_two_processes_never_lose_an_update(postgres_url):
    async with (
        await PostgresUserData.open(postgres_url, max_size=4) as first,
        await PostgresUserData.open(postgres_url, max_size=4) as second,
    ):
        stores = (first, second)

        async def award(index: int) -> None:
            await stores[index % 2].record_awards(GUILD, CHANNEL, [(ALICE, 2)], f"Q{index}", NOW)

        await asyncio.gather(*(award(i) for i in range(60)))
        for store in stores:
            [entry] = await store.leaderboard(GUILD, None, 10)
            assert (entry.points, entry.correct) == (120, 60)


async def test_season_resets_from_two_processes_each_start_a_season(postgres_url):
    async with (
        await PostgresUserData.open(postgres_url) as first,
        await PostgresUserData.open(postgres_url) as second,
    ):
        seasons = await asyncio.gather(
            *(store.start_new_season(GUILD, NOW) for store in (first, second, first, second))
        )
        assert sorted(seasons) == [2, 3, 4, 5]
        assert await second.current_season(GUILD) == 5


async def test_publishing_a_knowledge_generation(postgres_url):
    async with (
        await PostgresUserData.open(postgres_url) as first,
        await PostgresUserData.open(postgres_url) as second,
    ):
        assert await second.shared_generation() is None
        published = await first.publish_generation("abc")
        assert (published.generation, published.digest) == (1, "abc")
        assert await second.shared_generation() == published
        again = await second.publish_generation("def")
        assert (again.generation, again.digest) == (2, "def")
        assert await first.shared_generation() == again
