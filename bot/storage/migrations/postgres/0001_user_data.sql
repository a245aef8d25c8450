-- User data shared by every process of a sharded bot: never touched by a reseed.
CREATE TABLE guild_settings (
    guild_id BIGINT PRIMARY KEY,
    film_slug TEXT
);

CREATE TABLE spoiler_channels (
    guild_id BIGINT NOT NULL,
    channel_id BIGINT NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
);

CREATE TABLE trivia_seasons (
    guild_id BIGINT NOT NULL,
    season INTEGER NOT NULL,
    started_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (guild_id, season)
);

CREATE TABLE trivia_awards (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    guild_id BIGINT NOT NULL,
    season INTEGER NOT NULL,
    channel_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    points INTEGER NOT NULL,
    question TEXT NOT NULL,
    awarded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX trivia_awards_by_guild ON trivia_awards (guild_id, season, user_id);
