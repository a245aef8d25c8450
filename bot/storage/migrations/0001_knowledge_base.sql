-- Seed-derived content: replaced as a whole by every reseed.
CREATE TABLE films (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    year INTEGER,
    runtime_minutes INTEGER,
    release_date TEXT,
    lead TEXT NOT NULL
);

CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    film_id INTEGER NOT NULL REFERENCES films(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT,
    publication TEXT,
    url TEXT,
    published TEXT,
    UNIQUE (film_id, name)
);

CREATE TABLE credits (
    film_id INTEGER NOT NULL REFERENCES films(id) ON DELETE CASCADE,
    field_position INTEGER NOT NULL,
    role TEXT NOT NULL,
    value_position INTEGER NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (film_id, field_position, value_position)
);

CREATE TABLE money (
    film_id INTEGER NOT NULL REFERENCES films(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    text TEXT NOT NULL,
    amount REAL NOT NULL
);

CREATE TABLE reviews (
    film_id INTEGER NOT NULL REFERENCES films(id) ON DELETE CASCADE,
    aggregator TEXT NOT NULL,
    metric TEXT NOT NULL,
    value REAL NOT NULL,
    text TEXT NOT NULL
);

CREATE TABLE cast_members (
    id INTEGER PRIMARY KEY,
    film_id INTEGER NOT NULL REFERENCES films(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    actor TEXT NOT NULL,
    character TEXT NOT NULL,
    description TEXT,
    spoiler INTEGER NOT NULL
);

CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    film_id INTEGER NOT NULL REFERENCES films(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    path TEXT NOT NULL,
    text TEXT NOT NULL,
    spoiler INTEGER NOT NULL
);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    film_id INTEGER NOT NULL REFERENCES films(id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    line INTEGER NOT NULL,
    speakers TEXT NOT NULL,
    text TEXT NOT NULL,
    question TEXT,
    spoiler INTEGER NOT NULL
);
CREATE INDEX quotes_by_film ON quotes (film_id);

CREATE TABLE quote_speakers (
    quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    speaker TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (speaker, quote_id)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text,
    content = 'quotes',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE quotes_vocab USING fts5vocab (quotes_fts, 'row');

-- What the last reseed loaded, per film and record, to report what a reseed changes.
CREATE TABLE seed_fingerprints (
    film_slug TEXT NOT NULL,
    category TEXT NOT NULL,
    record_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    PRIMARY KEY (film_slug, category, record_key)
) WITHOUT ROWID;

-- A quote with its film and source, in the column order the data-access module reads.
CREATE VIEW quote_rows AS
SELECT q.id AS id, f.slug AS film_slug, f.title AS film_title, f.year AS film_year,
       q.speakers AS speakers, q.text AS text, s.name AS source_name, q.position AS position,
       q.line AS line, q.question AS question, q.spoiler AS spoiler, s.kind AS source_kind,
       s.title AS source_title, s.publication AS publication, s.url AS url,
       s.published AS published, q.film_id AS film_id
FROM quotes q
JOIN films f ON f.id = q.film_id
JOIN sources s ON s.id = q.source_id;
