-- One row per player per finished trivia round in which they scored: games played and the
-- average per game on the leaderboard.
CREATE TABLE trivia_games (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    guild_id BIGINT NOT NULL,
    season INTEGER NOT NULL,
    channel_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    points INTEGER NOT NULL,
    ended_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX trivia_games_by_guild ON trivia_games (guild_id, season, user_id);
