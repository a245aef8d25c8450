-- Trivia lists servers uploaded, kept as their YAML text. The owner's lists are seed-derived
-- and stay in the knowledge base (SQLite), replaced by every reseed.
CREATE TABLE trivia_lists (
    guild_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    film TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    uploaded_by BIGINT NOT NULL,
    uploaded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (guild_id, name)
);
