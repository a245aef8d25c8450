-- A number bumped by every reseed, in the same transaction: any process serving the
-- database (the bot, while `python -m bot seed` runs beside it) sees that its caches are stale.
CREATE TABLE knowledge_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL
);
INSERT INTO knowledge_generation (id, generation) VALUES (1, 0);
