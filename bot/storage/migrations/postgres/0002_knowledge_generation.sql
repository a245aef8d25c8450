-- The knowledge base every process should serve: bumped by each applied reseed, so the
-- other processes rebuild their copy (if its digest differs) and drop their caches.
CREATE TABLE knowledge_generation (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    generation BIGINT NOT NULL,
    digest TEXT NOT NULL,
    published_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
