-- Trivia lists as topics, kept as their YAML text and read again with the same rules on use.
-- guild_id 0 holds the owner's lists (seeds/trivia/*.yaml and each film's trivia.yaml), replaced
-- by every reseed; any other guild_id holds a server's uploaded lists, never touched by a reseed.
CREATE TABLE trivia_lists (
    guild_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    film TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    uploaded_by INTEGER,
    uploaded_at TEXT,
    PRIMARY KEY (guild_id, name)
) WITHOUT ROWID;
