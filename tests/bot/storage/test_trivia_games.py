"""Games played and the average per game on the leaderboard."""

from __future__ import annotations

import datetime as dt

from bot.storage.database import Database

GUILD, CHANNEL, ALICE, BOB = 1, 2, 101, 102
NOW = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)


async def test_games_count_finished_rounds_per_season(database: Database) -> None:
    await database.record_awards(GUILD, CHANNEL, [(ALICE, 3), (BOB, 2)], "Q1?", NOW)
    await database.record_game(GUILD, CHANNEL, [(ALICE, 3), (BOB, 2)], NOW)
    await database.record_awards(GUILD, CHANNEL, [(ALICE, 3)], "Q2?", NOW)
    await database.record_game(GUILD, CHANNEL, [(ALICE, 3)], NOW)
    await database.start_new_season(GUILD, NOW)
    await database.record_awards(GUILD, CHANNEL, [(BOB, 1)], "Q3?", NOW)
    await database.record_game(GUILD, CHANNEL, [(BOB, 1)], NOW)

    all_time = await database.leaderboard(GUILD, None, 10)
    assert [(e.user_id, e.points, e.correct, e.games) for e in all_time] == [
        (ALICE, 6, 2, 2),
        (BOB, 3, 2, 2),
    ]
    assert [e.average for e in all_time] == [3.0, 1.5]
    season_two = await database.leaderboard(GUILD, 2, 10)
    assert [(e.user_id, e.points, e.games) for e in season_two] == [(BOB, 1, 1)]
    assert await database.leaderboard(GUILD + 1, None, 10) == ()
