-- One row per player per finished trivia round in which they scored: games played and the
-- average per game on the leaderboard. Rounds before this migration count no games.
CREATE TABLE trivia_games (
    id INTEGER PRIMARY KEY,
    guild_id INTEGER NOT NULL,
    season INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    points INTEGER NOT NULL,
    ended_at TEXT NOT NULL
);
CREATE INDEX trivia_games_by_guild ON trivia_games (guild_id, season, user_id);
