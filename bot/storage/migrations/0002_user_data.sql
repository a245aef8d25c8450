-- User data: never touched by a reseed.
CREATE TABLE guild_settings (
    guild_id INTEGER PRIMARY KEY,
    film_slug TEXT
);

CREATE TABLE spoiler_channels (
    guild_id INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
) WITHOUT ROWID;

CREATE TABLE trivia_seasons (
    guild_id INTEGER NOT NULL,
    season INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    PRIMARY KEY (guild_id, season)
) WITHOUT ROWID;

CREATE TABLE trivia_awards (
    id INTEGER PRIMARY KEY,
    guild_id INTEGER NOT NULL,
    season INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    points INTEGER NOT NULL,
    question TEXT NOT NULL,
    awarded_at TEXT NOT NULL
);
CREATE INDEX trivia_awards_by_guild ON trivia_awards (guild_id, season, user_id);
