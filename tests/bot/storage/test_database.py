"""The data-access module on real SQLite files."""

import asyncio
import datetime as dt
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from bot.parsing import parse_seeds
from bot.services.fingerprints import fingerprint_knowledge_base
from bot.storage.database import Database

MIGRATIONS = Path(__file__).resolve().parents[3] / "bot" / "storage" / "migrations"
LAST_MIGRATION = max(int(p.name.split("_", 1)[0]) for p in MIGRATIONS.glob("*.sql"))
NOW = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
GUILD, OTHER_GUILD, CHANNEL = 10, 11, 20
ALICE, BOB, CAROL = 101, 102, 103
DAYTON = "Jonathan Dayton"


@pytest.fixture
def kb(seeds_dir):
    return parse_seeds(seeds_dir)


@pytest.fixture
async def loaded(database, kb):
    await database.replace_knowledge_base(kb, fingerprint_knowledge_base(kb))
    return database


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        return {row[0] for row in rows}


async def test_migrations_create_the_schema(database, db_path):
    assert await database.schema_version() == LAST_MIGRATION
    assert {
        "films",
        "sources",
        "credits",
        "cast_members",
        "sections",
        "quotes",
        "quotes_fts",
        "quote_speakers",
        "seed_fingerprints",
        "quote_rows",
        "guild_settings",
        "spoiler_channels",
        "trivia_seasons",
        "trivia_awards",
    } <= tables(db_path)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LAST_MIGRATION


async def test_wal_mode(database, db_path):
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_reopening_applies_nothing_twice(db_path):
    async with await Database.open(db_path) as db:
        await db.set_guild_film(GUILD, "ruby-sparks")
    before = tables(db_path)
    async with await Database.open(db_path) as db:
        assert await db.schema_version() == LAST_MIGRATION
        assert await db.guild_film(GUILD) == "ruby-sparks"
    assert tables(db_path) == before


async def test_empty_database_reads(database):
    assert await database.film_count() == 0
    assert await database.films() == ()
    assert await database.film_info("ruby-sparks") is None
    assert await database.fingerprints() == {}
    assert await database.quote(1) is None
    assert await database.cast() == ()


async def test_films_and_film_info(loaded):
    assert await loaded.film_count() == 1
    (summary,) = await loaded.films()
    assert (summary.slug, summary.title, summary.year) == ("ruby-sparks", "Ruby Sparks", 2012)
    assert summary.display == "Ruby Sparks (2012)"
    info = await loaded.film_info("ruby-sparks")
    assert info is not None
    assert info.summary == summary
    assert info.runtime_minutes == 104
    assert info.release_date == dt.date(2012, 7, 25)
    assert info.credit("director") == (DAYTON, "Valerie Faris")
    assert info.credit("Starring")[0] == "Paul Dano"
    assert [(m.key, m.text, m.amount) for m in info.money] == [
        ("Gross", "$9.4 million", pytest.approx(9.4e6))
    ]
    assert any(r.aggregator == "Rotten Tomatoes" for r in info.reviews)
    assert info.lead.startswith("Ruby Sparks is a 2012")


async def test_sections_and_cast(loaded, kb):
    sections = await loaded.sections("ruby-sparks")
    assert sections == kb.films[0].sections
    assert [s.path for s in sections if s.spoiler] == [("Plot",)]
    cast = await loaded.cast("ruby-sparks")
    assert [entry.member for entry in cast] == list(kb.films[0].cast)
    assert cast[0].film.slug == "ruby-sparks"
    assert await loaded.cast() == cast
    assert await loaded.cast("nope") == ()


async def test_speakers_and_quotes_by_speaker(loaded):
    assert await loaded.speakers() == (DAYTON, "Valerie Faris")
    assert await loaded.speakers("ruby-sparks") == (DAYTON, "Valerie Faris")
    quotes = await loaded.quotes_by_speaker("jonathan dayton", None, 100)
    assert len(quotes) == 34 + 1 + 8
    assert all(DAYTON in q.quote.speakers for q in quotes)
    assert len(await loaded.quotes_by_speaker(DAYTON, "ruby-sparks", 3)) == 3
    assert await loaded.quotes_by_speaker("Nobody", None, 10) == ()


async def test_search_quotes(loaded):
    found = await loaded.search_quotes("pipes", None, 5)
    assert found
    best = found[0]
    assert "pipes" in best.quote.text
    assert best.quote.speakers == (DAYTON,)
    assert best.quote.spoiler
    assert best.source.publication == "The Film Stage"
    assert best.film.slug == "ruby-sparks"
    assert await loaded.search_quotes('"science fiction"', "ruby-sparks", 5)
    assert await loaded.search_quotes("pipes", "other-film", 5) == ()
    assert "pipes" in await loaded.quote_vocabulary()


async def test_quote_and_quote_ids(loaded, kb):
    all_ids = await loaded.quote_ids(None, None)
    assert len(all_ids) == len(kb.films[0].quotes) == 84
    faris = await loaded.quote_ids("ruby-sparks", "Valerie Faris")
    assert len(faris) == 33 + 1 + 8
    assert set(faris) <= set(all_ids)
    stored = await loaded.quote(faris[0])
    assert stored is not None
    assert stored.id == faris[0]
    assert "Valerie Faris" in stored.quote.speakers
    assert stored.quote in kb.films[0].quotes
    festival = next(q for q in [await loaded.quote(i) for i in faris] if q and q.source.published)
    assert festival.source.published == dt.date(2012, 9, 6)


async def test_film_record_reads_back_what_was_parsed(loaded, kb):
    parsed = kb.films[0]
    stored = await loaded.film_record(parsed.slug)
    # Infobox line numbers and parse warnings are not stored.
    infobox = tuple(replace(item, line=0) for item in parsed.infobox)
    assert stored == replace(parsed, infobox=infobox, warnings=())
    assert await loaded.film_record("nope") is None


async def test_rows_are_read_by_column_name_not_position(loaded, db_path):
    before = await loaded.quote(1)
    with sqlite3.connect(db_path) as conn:
        # A later migration puts a new column first and reorders the view's columns.
        conn.executescript(
            "DROP VIEW quote_rows;"
            " CREATE VIEW quote_rows AS SELECT 'new' AS added, s.published AS published,"
            " q.spoiler AS spoiler, q.question AS question, q.line AS line,"
            " q.position AS position, s.name AS source_name, q.text AS text,"
            " q.speakers AS speakers, f.year AS film_year, f.title AS film_title,"
            " f.slug AS film_slug, q.id AS id, s.kind AS source_kind, s.title AS source_title,"
            " s.publication AS publication, s.url AS url, q.film_id AS film_id"
            " FROM quotes q JOIN films f ON f.id = q.film_id JOIN sources s ON s.id = q.source_id;"
        )
    assert before is not None
    assert await loaded.quote(1) == before
    assert (await loaded.search_quotes("pipes", None, 1))[0].quote.text.count("pipes")


async def test_fingerprints_round_trip(loaded, kb):
    expected = fingerprint_knowledge_base(kb)
    stored = await loaded.fingerprints()
    assert stored.keys() == expected.keys()
    for slug, categories in expected.items():
        # A category with no records has no rows, so it reads back as absent.
        assert {c: r for c, r in stored[slug].items() if r} == {
            c: r for c, r in categories.items() if r
        }
    assert stored["ruby-sparks"]["cast"]


async def test_replacing_the_knowledge_base_keeps_user_data(loaded, kb):
    await loaded.set_guild_film(GUILD, "ruby-sparks")
    await loaded.record_awards(GUILD, CHANNEL, [(ALICE, 3)], "Who?", NOW)
    await loaded.replace_knowledge_base(kb, fingerprint_knowledge_base(kb))
    assert await loaded.film_count() == 1
    assert len(await loaded.quote_ids(None, None)) == 84
    assert await loaded.guild_film(GUILD) == "ruby-sparks"
    assert len(await loaded.leaderboard(GUILD, None, 10)) == 1


async def test_speakers_by_film_lists_each_films_speakers(loaded) -> None:
    assert await loaded.speakers_by_film() == {"ruby-sparks": frozenset(await loaded.speakers())}


async def test_processes_opening_a_new_file_together_migrate_it_once(db_path):
    opened = await asyncio.gather(*(Database.open(db_path) for _ in range(4)))
    try:
        assert {await database.schema_version() for database in opened} == {LAST_MIGRATION}
    finally:
        await asyncio.gather(*(database.close() for database in opened))


def schema_at(path: Path, version: int) -> None:
    """A database file as the migrations up to ``version`` left it."""
    with sqlite3.connect(path) as conn:
        for migration in sorted(MIGRATIONS.glob("*.sql")):
            if int(migration.name.split("_", 1)[0]) <= version:
                conn.executescript(migration.read_text(encoding="utf-8"))
        conn.execute(f"PRAGMA user_version = {version}")


async def test_migration_7_indexes_existing_quotes_with_their_question_and_title(tmp_path):
    path = tmp_path / "old.db"
    schema_at(path, 3)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO films (id, slug, title, lead) VALUES (1, 'lamp', 'The Lantern', '')"
        )
        conn.execute(
            "INSERT INTO sources (id, film_id, name, kind) VALUES (1, 1, 'a', 'interview')"
        )
        conn.execute(
            "INSERT INTO quotes (id, film_id, source_id, position, line, speakers, text, question,"
            " spoiler) VALUES (1, 1, 1, 0, 1, 'Mara Okafor', 'Forty years.', 'How long?', 0)"
        )
        conn.execute("INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild')")
    async with await Database.open(path) as db:
        assert await db.schema_version() == LAST_MIGRATION
        assert [q.id for q in await db.search_quotes('"lantern" AND "forty"', None, 5)] == [1]
        assert await db.quote_term_frequencies() == {
            "forty": 1,
            "years": 1,
            "how": 1,
            "long": 1,
            "the": 1,
            "lantern": 1,
        }
        assert await db.film_digests() == {"lamp": None}


async def test_unranked_candidates_come_in_index_order(loaded):
    ranked = await loaded.search_quotes('"the"', None, 5)
    unranked = await loaded.search_quotes('"the"', None, 5, ranked=False)
    assert len(unranked) == 5
    assert [q.id for q in unranked] == sorted(q.id for q in unranked)
    assert {q.id for q in ranked} != set()


def test_migration_numbers_are_unique_and_consecutive():
    numbers = sorted(int(p.name.split("_", 1)[0]) for p in MIGRATIONS.glob("*.sql"))
    assert numbers == list(range(1, len(numbers) + 1))


async def test_a_database_from_before_the_notes_gains_their_columns(db_path):
    (notes,) = MIGRATIONS.glob("*_notes.sql")
    before = int(notes.name.split("_", 1)[0]) - 1
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(db_path) as conn:
        for path in sorted(MIGRATIONS.glob("*.sql"))[:before]:
            conn.executescript(path.read_text(encoding="utf-8"))
        conn.execute(f"PRAGMA user_version = {before}")
    async with await Database.open(db_path) as db:
        assert await db.schema_version() == LAST_MIGRATION
    with sqlite3.connect(db_path) as conn:
        for table in ("cast_members", "credits"):
            assert "note" in {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
