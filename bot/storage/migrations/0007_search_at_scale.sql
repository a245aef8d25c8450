-- Search at scale: reseeds that rewrite only changed films, a quote index that also covers the
-- question asked and the film's title, and the index's term counts stored at seed time.

-- A digest of the film's seed folder (and of the parser), so an unchanged film is not re-read.
ALTER TABLE films ADD COLUMN seed_digest TEXT;

-- What each quote is found by: its words, and (weighted lower) the words around it.
CREATE VIEW quote_search_rows AS
SELECT q.id AS id, q.film_id AS film_id, q.text AS text,
       COALESCE(q.question, '') || ' ' || f.title AS context
FROM quotes q
JOIN films f ON f.id = q.film_id;

DROP TABLE quotes_vocab;
DROP TABLE quotes_fts;
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text,
    context,
    content = 'quote_search_rows',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE quotes_vocab USING fts5vocab (quotes_fts, 'row');
INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');

-- How many quotes each indexed term is in: read whole when the bot starts (typo correction,
-- common words), kept up to date by every reseed.
CREATE TABLE quote_terms (
    term TEXT PRIMARY KEY,
    documents INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO quote_terms (term, documents) SELECT term, doc FROM quotes_vocab;

CREATE INDEX quote_speakers_by_quote ON quote_speakers (quote_id);
CREATE INDEX quotes_by_source ON quotes (source_id);

-- The warnings each film's last parse gave, so a reseed that skips it still reports them.
ALTER TABLE films ADD COLUMN seed_warnings TEXT NOT NULL DEFAULT '[]';
