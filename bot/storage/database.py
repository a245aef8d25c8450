"""The one data-access module: every SQL statement of the bot lives here.

Two connections share the file in WAL mode: writes (reseed, scores, settings) go through
one, serialised by a lock; reads go through the other, so a read during a reseed sees the
last committed knowledge base, never half of the new one.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import fcntl
import json
from collections import Counter
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import fields, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self, TypeVar

import aiosqlite

from bot.models import (
    CastEntry,
    CastMember,
    DocumentKind,
    FilmRecord,
    FilmSummary,
    InfoboxField,
    KnowledgeBase,
    LeaderboardEntry,
    MoneyFigure,
    Question,
    QuestionKind,
    Quote,
    ReviewScore,
    Section,
    SourceDocument,
    StoredList,
    StoredQuote,
    TriviaList,
)
from bot.text import index_terms

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

__all__ = ["OWNER_LISTS", "Database", "Fingerprints", "SeedWriter"]

Fingerprints = dict[str, dict[str, dict[str, str]]]
"""film slug -> category -> record key -> fingerprint."""

BUSY_TIMEOUT_SECONDS = 5.0
OWNER_LISTS = 0
"""``guild_id`` of the owner's trivia lists (from seeds), which every server can play."""
_PATH_SEPARATOR = "\x1f"
_SPEAKER_SEPARATOR = "\x1f"

_CURRENT_SEASON = "SELECT MAX(season) FROM trivia_seasons WHERE guild_id = ?"

_CLEAR_SEED_CONTENT = (
    "DELETE FROM custom_questions",
    "DELETE FROM quote_speakers",
    "DELETE FROM quotes",
    "DELETE FROM sections",
    "DELETE FROM cast_members",
    "DELETE FROM reviews",
    "DELETE FROM money",
    "DELETE FROM credits",
    "DELETE FROM sources",
    "DELETE FROM films",
    "DELETE FROM seed_fingerprints",
)

_RANKED_CANDIDATES = (
    "SELECT v.* FROM (SELECT rowid AS id, bm25(quotes_fts, 2.0, 0.5) AS score FROM quotes_fts"
    " WHERE quotes_fts MATCH ? AND (? IS NULL OR rowid IN ("
    " SELECT q.id FROM quotes q JOIN films f ON f.id = q.film_id WHERE f.slug = ?))"
    " ORDER BY score LIMIT ?) AS hits"
    " JOIN quote_rows v ON v.id = hits.id ORDER BY hits.score, hits.id"
)
"""Quotes matching an FTS5 expression, best first by bm25 (the text weighs four times the
question and title: every quote of a film has the title)."""

_CANDIDATES_IN_INDEX_ORDER = (
    "SELECT v.* FROM (SELECT rowid AS id FROM quotes_fts"
    " WHERE quotes_fts MATCH ? AND (? IS NULL OR rowid IN ("
    " SELECT q.id FROM quotes q JOIN films f ON f.id = q.film_id WHERE f.slug = ?))"
    " LIMIT ?) AS hits"
    " JOIN quote_rows v ON v.id = hits.id ORDER BY hits.id"
)
"""The first quotes in index order matching an FTS5 expression: no score is computed, so a
query matching most of the archive costs no more than its ``LIMIT``."""

_NEXT_IDS = {
    "films": "SELECT COALESCE(MAX(id), 0) + 1 FROM films",
    "sources": "SELECT COALESCE(MAX(id), 0) + 1 FROM sources",
    "quotes": "SELECT COALESCE(MAX(id), 0) + 1 FROM quotes",
}


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("bot.storage") / "migrations"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            number = int(entry.name.split("_", 1)[0])
            found.append((number, entry.read_text(encoding="utf-8")))
    return sorted(found)


@asynccontextmanager
async def _migration_lock(path: Path) -> AsyncIterator[None]:
    """Processes (shards of one bot) opening one file together migrate it one at a time."""
    with path.with_name(path.name + ".lock").open("a+b") as handle:
        await asyncio.to_thread(fcntl.flock, handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


_Record = TypeVar("_Record", bound="DataclassInstance")

Row = aiosqlite.Row
"""Rows are read by column name, so adding a column to a table or view shifts nothing."""

_FILM_SOURCES = (
    "SELECT s.name AS source_name, s.kind AS source_kind, s.title AS source_title,"
    " s.publication AS publication, s.url AS url, s.published AS published FROM sources s"
    " JOIN films f ON f.id = s.film_id WHERE f.slug = ? ORDER BY s.id"
)
"""A film's sources, columns named as the ``quote_rows`` view names them (see ``_source``)."""


def _record(cls: type[_Record], row: Row, **converted: Any) -> _Record:
    """A dataclass from the row's columns named like its fields (``converted`` ones aside)."""
    names = (f.name for f in fields(cls))
    return cls(**{name: row[name] for name in names if name not in converted}, **converted)


def _summary(row: Row, prefix: str = "") -> FilmSummary:
    return FilmSummary(
        slug=row[f"{prefix}slug"], title=row[f"{prefix}title"], year=row[f"{prefix}year"]
    )


def _source(row: Row) -> SourceDocument:
    return SourceDocument(
        name=row["source_name"],
        kind=DocumentKind(row["source_kind"]),
        title=row["source_title"],
        publication=row["publication"],
        url=row["url"],
        published=_date(row["published"]),
    )


def _quote(row: Row) -> Quote:
    return _record(
        Quote,
        row,
        speakers=tuple(row["speakers"].split(_SPEAKER_SEPARATOR)),
        source=row["source_name"],
        spoiler=bool(row["spoiler"]),
    )


def _stored_quote(row: Row) -> StoredQuote:
    return StoredQuote(
        id=row["id"], film=_summary(row, "film_"), quote=_quote(row), source=_source(row)
    )


def _section(row: Row) -> Section:
    path = tuple(row["path"].split(_PATH_SEPARATOR))
    return _record(Section, row, path=path, spoiler=bool(row["spoiler"]))


def _with_notes(item: InfoboxField) -> list[tuple[str, str | None]]:
    """Each value of an infobox field with its note (None where the field has no notes)."""
    notes = item.notes or (None,) * len(item.values)
    return list(zip(item.values, notes, strict=True))


def _notes(notes: list[str | None]) -> tuple[str | None, ...]:
    """Notes as parsed: an empty tuple when no value of the field has one."""
    return tuple(notes) if any(note is not None for note in notes) else ()


def _cast_entry(row: Row) -> CastEntry:
    member = _record(CastMember, row, spoiler=bool(row["spoiler"]))
    return CastEntry(film=_summary(row), member=member)


def _custom_question(row: Row, slug: str) -> Question:
    return Question(
        text=row["text"],
        answers=tuple(json.loads(row["answers"])),
        choices=(),
        kind=QuestionKind.CUSTOM,
        spoiler=bool(row["spoiler"]),
        source=row["source"],
        film=slug,
    )


class SeedWriter:
    """Removes and adds films inside one reseed transaction (see `Database.seed_writer`).

    Ids are assigned here, so each table takes a film's rows in one ``executemany``; the
    full-text index and the stored term counts are updated per film, never rebuilt whole.
    """

    def __init__(
        self, conn: aiosqlite.Connection, next_ids: dict[str, int], *, replace_all: bool
    ) -> None:
        self._conn = conn
        self._next_ids = next_ids
        self._replace_all = replace_all
        self._term_changes: Counter[str] = Counter()
        """Per term, how many more (or fewer) quotes hold it (partial reseeds only)."""

    @classmethod
    async def start(cls, conn: aiosqlite.Connection, *, replace_all: bool) -> SeedWriter:
        """Begin writing; with ``replace_all``, first clear every film."""
        if replace_all:
            await conn.execute("INSERT INTO quotes_fts (quotes_fts) VALUES ('delete-all')")
            for statement in _CLEAR_SEED_CONTENT:
                await conn.execute(statement)
            await conn.execute("DELETE FROM quote_terms")
        next_ids = {}
        for table, sql in _NEXT_IDS.items():
            async with conn.execute(sql) as cursor:
                row = await cursor.fetchone()
            next_ids[table] = int(row[0]) if row else 1
        return cls(conn, next_ids, replace_all=replace_all)

    def _take(self, table: str, count: int) -> int:
        first = self._next_ids[table]
        self._next_ids[table] = first + count
        return first

    async def remove_film(self, slug: str) -> None:
        """Remove one film and everything seeded from it (its quotes leave the index first)."""
        conn = self._conn
        async with conn.execute(
            "SELECT r.id, r.text, r.context FROM quote_search_rows r"
            " JOIN films f ON f.id = r.film_id WHERE f.slug = ?",
            (slug,),
        ) as cursor:
            rows = list(await cursor.fetchall())
        for row in rows:
            self._term_changes.subtract(index_terms(f"{row['text']} {row['context']}"))
        await conn.executemany(
            "INSERT INTO quotes_fts (quotes_fts, rowid, text, context) VALUES ('delete', ?, ?, ?)",
            [(row["id"], row["text"], row["context"]) for row in rows],
        )
        await conn.execute("DELETE FROM films WHERE slug = ?", (slug,))
        await conn.execute("DELETE FROM seed_fingerprints WHERE film_slug = ?", (slug,))

    async def add_film(
        self, film: FilmRecord, fingerprints: dict[str, dict[str, str]], digest: str | None
    ) -> None:
        """Insert one film with its sources, facts, quotes and their index entries."""
        conn = self._conn
        film_id = self._take("films", 1)
        await conn.execute(
            "INSERT INTO films (id, slug, title, year, runtime_minutes, release_date, lead,"
            " seed_digest, seed_warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                film_id,
                film.slug,
                film.title,
                film.year,
                film.runtime_minutes,
                film.release_date.isoformat() if film.release_date else None,
                film.lead,
                digest,
                json.dumps(list(film.warnings)),
            ),
        )
        first_source = self._take("sources", len(film.sources))
        source_ids = {source.name: first_source + i for i, source in enumerate(film.sources)}
        await self._many(
            "INSERT INTO sources (id, film_id, name, kind, title, publication, url, published)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    source_ids[source.name],
                    film_id,
                    source.name,
                    source.kind.value,
                    source.title,
                    source.publication,
                    source.url,
                    source.published.isoformat() if source.published else None,
                )
                for source in film.sources
            ],
        )
        await self._add_facts(film_id, film)
        first_quote = self._take("quotes", len(film.quotes))
        await self._many(
            "INSERT INTO quotes (id, film_id, source_id, position, line, speakers, text, question,"
            " spoiler) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    first_quote + i,
                    film_id,
                    source_ids[quote.source],
                    quote.position,
                    quote.line,
                    _SPEAKER_SEPARATOR.join(quote.speakers),
                    quote.text,
                    quote.question,
                    int(quote.spoiler),
                )
                for i, quote in enumerate(film.quotes)
            ],
        )
        await self._many(
            "INSERT INTO quote_speakers (quote_id, speaker) VALUES (?, ?)",
            [
                (first_quote + i, speaker)
                for i, quote in enumerate(film.quotes)
                for speaker in dict.fromkeys(quote.speakers)
            ],
        )
        if film.quotes:
            await conn.execute(
                "INSERT INTO quotes_fts (rowid, text, context)"
                " SELECT id, text, context FROM quote_search_rows WHERE id BETWEEN ? AND ?",
                (first_quote, first_quote + len(film.quotes) - 1),
            )
        if not self._replace_all:
            for quote in film.quotes:
                self._term_changes.update(
                    index_terms(f"{quote.text} {quote.question or ''} {film.title}")
                )
        await self._many(
            "INSERT INTO seed_fingerprints (film_slug, category, record_key, fingerprint)"
            " VALUES (?, ?, ?, ?)",
            [
                (film.slug, category, key, value)
                for category, records in fingerprints.items()
                for key, value in records.items()
            ],
        )

    async def _add_facts(self, film_id: int, film: FilmRecord) -> None:
        await self._many(
            "INSERT INTO credits (film_id, field_position, role, value_position, value, note)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (film_id, field_index, item.key, value_index, value, note)
                for field_index, item in enumerate(film.infobox)
                for value_index, (value, note) in enumerate(_with_notes(item))
            ],
        )
        await self._many(
            "INSERT INTO money (film_id, key, text, amount) VALUES (?, ?, ?, ?)",
            [(film_id, m.key, m.text, m.amount) for m in film.money],
        )
        await self._many(
            "INSERT INTO reviews (film_id, aggregator, metric, value, text) VALUES (?, ?, ?, ?, ?)",
            [(film_id, r.aggregator, r.metric, r.value, r.text) for r in film.reviews],
        )
        await self._many(
            "INSERT INTO cast_members"
            " (film_id, position, actor, character, description, spoiler, note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (film_id, c.position, c.actor, c.character, c.description, int(c.spoiler), c.note)
                for c in film.cast
            ],
        )
        await self._many(
            "INSERT INTO sections (film_id, position, path, text, spoiler) VALUES (?, ?, ?, ?, ?)",
            [
                (film_id, s.position, _PATH_SEPARATOR.join(s.path), s.text, int(s.spoiler))
                for s in film.sections
            ],
        )
        await self._many(
            "INSERT INTO custom_questions (film_id, position, text, answers, spoiler, source)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (film_id, i, q.text, json.dumps(list(q.answers)), int(q.spoiler), q.source)
                for i, q in enumerate(film.trivia)
            ],
        )

    async def _many(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        if rows:  # an empty executemany still costs a hop to the database thread
            await self._conn.executemany(sql, rows)

    async def replace_lists(self, lists: Sequence[TriviaList]) -> None:
        """Replace the trivia lists that come with the seeds (servers' own lists stay)."""
        await self._conn.execute("DELETE FROM trivia_lists WHERE guild_id = ?", (OWNER_LISTS,))
        await self._many(
            "INSERT INTO trivia_lists (guild_id, name, film, text) VALUES (?, ?, ?, ?)",
            [(OWNER_LISTS, item.name, item.film, item.text) for item in lists],
        )

    async def finish(self) -> None:
        """Bring the stored term counts up to date with the index."""
        conn = self._conn
        if self._replace_all:
            await conn.execute(
                "INSERT INTO quote_terms (term, documents) SELECT term, doc FROM quotes_vocab"
            )
            return
        changes = sorted((term, count) for term, count in self._term_changes.items() if count)
        await self._many(
            "INSERT INTO quote_terms (term, documents) VALUES (?, ?)"
            " ON CONFLICT (term) DO UPDATE SET documents = documents + excluded.documents",
            changes,
        )
        await self._many(
            "DELETE FROM quote_terms WHERE term = ? AND documents <= 0",
            [(term,) for term, count in changes if count < 0],
        )


class Database:
    """Async access to the bot's SQLite file."""

    def __init__(self, reader: aiosqlite.Connection, writer: aiosqlite.Connection) -> None:
        self._reader = reader
        self._writer = writer
        self._write_lock = asyncio.Lock()
        self._snapshot_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path) -> Self:
        """Open (creating if needed) the database at ``path`` and apply pending migrations."""
        path.parent.mkdir(parents=True, exist_ok=True)
        writer = await aiosqlite.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            writer.row_factory = Row
            await writer.execute("PRAGMA foreign_keys = ON")
            # Switching a new file to WAL needs it to itself: SQLite may refuse at once, without
            # waiting, while another process migrates it, so the switch waits for the same lock.
            async with _migration_lock(path):
                await writer.execute("PRAGMA journal_mode = WAL")
                await cls._migrate(writer)
            reader = await aiosqlite.connect(
                path, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS
            )
        except BaseException:
            await writer.close()
            raise
        reader.row_factory = Row
        try:
            await reader.execute("PRAGMA query_only = ON")
        except BaseException:
            await reader.close()
            await writer.close()
            raise
        return cls(reader, writer)

    @staticmethod
    async def _migrate(conn: aiosqlite.Connection) -> None:
        async with conn.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        current = int(row[0]) if row else 0
        for number, script in _migrations():
            if number <= current:
                continue
            # PRAGMA takes no parameters; the number is an int parsed from a file name we ship.
            # The version bump is part of the script's transaction, so a failed one retries whole.
            await conn.executescript(
                f"BEGIN;\n{script}\nPRAGMA user_version = {int(number)};\nCOMMIT;"
            )

    async def close(self) -> None:
        """Close both connections."""
        try:
            await self._reader.close()
        finally:
            await self._writer.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def schema_version(self) -> int:
        """The number of the last applied migration."""
        return int(await self._value("PRAGMA user_version") or 0)

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        async with self._write_lock:
            await self._writer.execute("BEGIN IMMEDIATE")
            try:
                yield self._writer
            except BaseException:
                await self._writer.execute("ROLLBACK")
                raise
            await self._writer.execute("COMMIT")

    @asynccontextmanager
    async def _snapshot(self) -> AsyncIterator[None]:
        """Several reads that must see one committed state (a reseed may commit in between)."""
        async with self._snapshot_lock:
            await self._reader.execute("BEGIN")
            try:
                yield
            finally:
                await self._reader.execute("COMMIT")

    async def _one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        async with self._reader.execute(sql, params) as cursor:
            return await cursor.fetchone()

    async def _value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or None."""
        row = await self._one(sql, params)
        return row[0] if row else None

    async def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        async with self._reader.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    # --- knowledge base: writes -------------------------------------------------------------

    async def replace_knowledge_base(self, kb: KnowledgeBase, fingerprints: Fingerprints) -> None:
        """Replace all seed-derived content in one transaction; user data is left alone."""
        async with self.seed_writer(replace_all=True) as writer:
            for film in kb.films:
                await writer.add_film(film, fingerprints.get(film.slug, {}), digest=None)
            await writer.replace_lists(kb.lists)

    @asynccontextmanager
    async def seed_writer(self, *, replace_all: bool) -> AsyncIterator[SeedWriter]:
        """One transaction that removes and adds films; all of it commits, or none of it.

        With ``replace_all`` every film is removed first (a first load or a full reseed).
        """
        async with self._transaction() as conn:
            writer = await SeedWriter.start(conn, replace_all=replace_all)
            yield writer
            await writer.finish()
            # Any process serving this file sees its caches are stale (one tiny read to check).
            await conn.execute("UPDATE knowledge_generation SET generation = generation + 1")

    async def knowledge_generation(self) -> int:
        """The number of reseeds ever applied to this file (by any process)."""
        return int(await self._value("SELECT generation FROM knowledge_generation WHERE id = 1"))

    # --- knowledge base: reads --------------------------------------------------------------

    async def film_warnings(self) -> dict[str, tuple[str, ...]]:
        """The warnings each loaded film's last parse gave."""
        rows = await self._all("SELECT slug, seed_warnings FROM films")
        return {row["slug"]: tuple(json.loads(row["seed_warnings"])) for row in rows}

    async def film_digests(self) -> dict[str, str | None]:
        """Each loaded film's seed digest (None for films loaded without one)."""
        rows = await self._all("SELECT slug, seed_digest FROM films")
        return {row["slug"]: row["seed_digest"] for row in rows}

    async def fingerprints(self, slugs: Sequence[str] | None = None) -> Fingerprints:
        """What the last reseed loaded (of the films ``slugs``, or all), to report changes."""
        if slugs is None:
            rows = await self._all(
                "SELECT film_slug, category, record_key, fingerprint FROM seed_fingerprints"
            )
        else:
            rows = []
            for slug in slugs:
                rows += await self._all(
                    "SELECT film_slug, category, record_key, fingerprint FROM seed_fingerprints"
                    " WHERE film_slug = ?",
                    (slug,),
                )
        result: Fingerprints = {}
        for row in rows:
            by_category = result.setdefault(row["film_slug"], {})
            by_category.setdefault(row["category"], {})[row["record_key"]] = row["fingerprint"]
        return result

    async def film_count(self) -> int:
        """How many films are loaded."""
        return int(await self._value("SELECT COUNT(*) FROM films"))

    async def films(self) -> tuple[FilmSummary, ...]:
        """Every film, ordered by title."""
        rows = await self._all("SELECT slug, title, year FROM films ORDER BY title COLLATE NOCASE")
        return tuple(_summary(row) for row in rows)

    async def film_info(self, slug: str) -> FilmRecord | None:
        """The film ``slug`` without its cast, sections, quotes, sources and trivia."""
        async with self._snapshot():
            return await self._film_info(slug)

    async def _film_info(self, slug: str) -> FilmRecord | None:
        film = await self._one(
            "SELECT id, slug, title, year, runtime_minutes, release_date, lead FROM films"
            " WHERE slug = ?",
            (slug,),
        )
        if film is None:
            return None
        film_id = film["id"]
        credit_rows = await self._all(
            "SELECT field_position, role, value, note FROM credits WHERE film_id = ?"
            " ORDER BY field_position, value_position",
            (film_id,),
        )
        infobox: dict[int, tuple[str, list[str], list[str | None]]] = {}
        for row in credit_rows:
            _, values, notes = infobox.setdefault(row["field_position"], (row["role"], [], []))
            values.append(row["value"])
            notes.append(row["note"])
        money = await self._all("SELECT key, text, amount FROM money WHERE film_id = ?", (film_id,))
        reviews = await self._all(
            "SELECT aggregator, metric, value, text FROM reviews WHERE film_id = ?", (film_id,)
        )
        return FilmRecord(
            slug=film["slug"],
            title=film["title"],
            year=film["year"],
            infobox=tuple(
                InfoboxField(key=role, values=tuple(values), line=0, notes=_notes(notes))
                for role, values, notes in infobox.values()
            ),
            runtime_minutes=film["runtime_minutes"],
            release_date=_date(film["release_date"]),
            money=tuple(_record(MoneyFigure, row) for row in money),
            reviews=tuple(_record(ReviewScore, row) for row in reviews),
            lead=film["lead"],
        )

    async def sections(self, slug: str) -> tuple[Section, ...]:
        """The article sections of a film, in document order."""
        rows = await self._all(
            "SELECT s.path, s.text, s.position, s.spoiler FROM sections s"
            " JOIN films f ON f.id = s.film_id WHERE f.slug = ? ORDER BY s.position",
            (slug,),
        )
        return tuple(_section(row) for row in rows)

    async def cast(self, slug: str | None = None) -> tuple[CastEntry, ...]:
        """Cast members of one film, or of every film when ``slug`` is None."""
        rows = await self._all(
            "SELECT f.slug, f.title, f.year, c.actor, c.character, c.description, c.position,"
            " c.spoiler, c.note FROM cast_members c JOIN films f ON f.id = c.film_id"
            " WHERE ? IS NULL OR f.slug = ? ORDER BY f.title, c.position",
            (slug, slug),
        )
        return tuple(_cast_entry(row) for row in rows)

    async def speakers(self, slug: str | None = None) -> tuple[str, ...]:
        """Everyone quoted, in one film or in all."""
        rows = await self._all(
            "SELECT DISTINCT qs.speaker FROM quote_speakers qs JOIN quotes q ON q.id = qs.quote_id"
            " JOIN films f ON f.id = q.film_id WHERE ? IS NULL OR f.slug = ?"
            " ORDER BY qs.speaker",
            (slug, slug),
        )
        return tuple(row[0] for row in rows)

    async def speakers_by_film(self) -> dict[str, frozenset[str]]:
        """Everyone quoted, per film slug (read once per reseed, for autocomplete)."""
        rows = await self._all(
            "SELECT DISTINCT f.slug, qs.speaker FROM quote_speakers qs"
            " JOIN quotes q ON q.id = qs.quote_id JOIN films f ON f.id = q.film_id"
        )
        found: dict[str, set[str]] = {}
        for row in rows:
            found.setdefault(row["slug"], set()).add(row["speaker"])
        return {slug: frozenset(names) for slug, names in found.items()}

    async def quote_term_frequencies(self) -> dict[str, int]:
        """How many quotes each term of the full-text index appears in (stored at seed time)."""
        rows = await self._all("SELECT term, documents AS doc FROM quote_terms")
        return {row["term"]: int(row["doc"]) for row in rows}

    async def quote_count(self) -> int:
        """How many quotes are loaded."""
        return int(await self._value("SELECT COUNT(*) FROM quotes"))

    async def quote_vocabulary(self) -> tuple[str, ...]:
        """Every distinct term of the quote full-text index."""
        rows = await self._all("SELECT term FROM quotes_vocab")
        return tuple(row[0] for row in rows)

    async def search_quotes(
        self, match: str, slug: str | None, limit: int, *, ranked: bool = True
    ) -> tuple[StoredQuote, ...]:
        """Quotes matching an FTS5 ``match`` expression (built by the caller).

        ``ranked``: best first by bm25 (the text counts double the question and title);
        otherwise in index order, which costs nothing per match beyond the ``limit``.
        """
        # Rank and cut inside the index first; only the survivors are joined to their films.
        sql = _RANKED_CANDIDATES if ranked else _CANDIDATES_IN_INDEX_ORDER
        rows = await self._all(sql, (match, slug, slug, limit))
        return tuple(_stored_quote(row) for row in rows)

    async def quotes_by_speaker(
        self, speaker: str, slug: str | None, limit: int
    ) -> tuple[StoredQuote, ...]:
        """Quotes by one speaker (exact name, any case), in document order."""
        rows = await self._all(
            "SELECT v.* FROM quote_speakers qs JOIN quote_rows v ON v.id = qs.quote_id"
            " WHERE qs.speaker = ? AND (? IS NULL OR v.film_slug = ?)"
            " ORDER BY v.film_title, v.source_name, v.position LIMIT ?",
            (speaker, slug, slug, limit),
        )
        return tuple(_stored_quote(row) for row in rows)

    async def quote_pool(
        self, slug: str | None, speaker: str | None
    ) -> tuple[tuple[int, str, int], ...]:
        """(id, text, number of speakers) of the quotes of a film and/or speaker, to pick from."""
        rows = await self._all(
            "SELECT q.id, q.text,"
            " (SELECT COUNT(*) FROM quote_speakers s WHERE s.quote_id = q.id) AS speakers"
            " FROM quotes q JOIN films f ON f.id = q.film_id"
            " WHERE (? IS NULL OR f.slug = ?) AND (? IS NULL OR EXISTS ("
            " SELECT 1 FROM quote_speakers qs WHERE qs.quote_id = q.id AND qs.speaker = ?))"
            " ORDER BY q.id",
            (slug, slug, speaker, speaker),
        )
        return tuple((int(row[0]), str(row[1]), int(row[2])) for row in rows)

    async def quote_ids(self, slug: str | None, speaker: str | None) -> tuple[int, ...]:
        """Ids of the quotes of a film and/or speaker, for picking one at random."""
        rows = await self._all(
            "SELECT q.id FROM quotes q JOIN films f ON f.id = q.film_id"
            " WHERE (? IS NULL OR f.slug = ?) AND (? IS NULL OR EXISTS ("
            " SELECT 1 FROM quote_speakers qs WHERE qs.quote_id = q.id AND qs.speaker = ?))",
            (slug, slug, speaker, speaker),
        )
        return tuple(row[0] for row in rows)

    async def custom_questions(self, slug: str) -> tuple[Question, ...]:
        """A film's hand-written trivia questions, in file order."""
        rows = await self._all(
            "SELECT c.text, c.answers, c.spoiler, c.source FROM custom_questions c"
            " JOIN films f ON f.id = c.film_id WHERE f.slug = ? ORDER BY c.position",
            (slug,),
        )
        return tuple(_custom_question(row, slug) for row in rows)

    async def film_record(self, slug: str) -> FilmRecord | None:
        """A film's full record (everything a question generator needs), or None."""
        async with self._snapshot():
            return await self._film_record(slug)

    async def _film_record(self, slug: str) -> FilmRecord | None:
        info = await self._film_info(slug)
        if info is None:
            return None
        sources = await self._all(_FILM_SOURCES, (slug,))
        quotes = await self._all(
            "SELECT * FROM quote_rows WHERE film_slug = ? ORDER BY source_name, position",
            (slug,),
        )
        return replace(
            info,
            sections=await self.sections(slug),
            cast=tuple(entry.member for entry in await self.cast(slug)),
            quotes=tuple(_quote(row) for row in quotes),
            sources=tuple(_source(row) for row in sources),
            trivia=await self.custom_questions(slug),
        )

    async def quote(self, quote_id: int) -> StoredQuote | None:
        """One quote by id."""
        row = await self._one("SELECT * FROM quote_rows WHERE id = ?", (quote_id,))
        return _stored_quote(row) if row else None

    # --- guild settings ---------------------------------------------------------------------

    async def guild_film(self, guild_id: int) -> str | None:
        """The film a server has chosen, if any."""
        slug: str | None = await self._value(
            "SELECT film_slug FROM guild_settings WHERE guild_id = ?", (guild_id,)
        )
        return slug

    async def set_guild_film(self, guild_id: int, slug: str | None) -> None:
        """Choose (or with None, forget) a server's film."""
        async with self._transaction() as conn:
            await conn.execute(
                "INSERT INTO guild_settings (guild_id, film_slug) VALUES (?, ?)"
                " ON CONFLICT (guild_id) DO UPDATE SET film_slug = excluded.film_slug",
                (guild_id, slug),
            )

    async def spoiler_channels(self, guild_id: int) -> frozenset[int]:
        """Channels of a server where spoilers are shown untagged."""
        rows = await self._all(
            "SELECT channel_id FROM spoiler_channels WHERE guild_id = ?", (guild_id,)
        )
        return frozenset(row[0] for row in rows)

    async def set_spoiler_channel(self, guild_id: int, channel_id: int, allowed: bool) -> None:
        """Allow or forbid untagged spoilers in one channel."""
        async with self._transaction() as conn:
            if allowed:
                await conn.execute(
                    "INSERT OR IGNORE INTO spoiler_channels (guild_id, channel_id) VALUES (?, ?)",
                    (guild_id, channel_id),
                )
            else:
                await conn.execute(
                    "DELETE FROM spoiler_channels WHERE guild_id = ? AND channel_id = ?",
                    (guild_id, channel_id),
                )

    # --- trivia scores ----------------------------------------------------------------------

    async def current_season(self, guild_id: int) -> int:
        """The server's current trivia season (1 until the first reset)."""
        return int(await self._value(_CURRENT_SEASON, (guild_id,)) or 1)

    async def start_new_season(self, guild_id: int, now: dt.datetime) -> int:
        """Start the next season for a server; older seasons' points are kept."""
        async with self._transaction() as conn:
            season = await _season_in(conn, guild_id) + 1
            await conn.execute(
                "INSERT INTO trivia_seasons (guild_id, season, started_at) VALUES (?, ?, ?)",
                (guild_id, season, now.isoformat()),
            )
        return season

    async def record_awards(
        self,
        guild_id: int,
        channel_id: int,
        awards: Iterable[tuple[int, int]],
        question: str,
        now: dt.datetime,
    ) -> None:
        """Commit (user id, points) awards for one question before anyone announces them."""
        async with self._transaction() as conn:
            season = await _season_in(conn, guild_id)
            await conn.executemany(
                "INSERT INTO trivia_awards (guild_id, season, channel_id, user_id, points,"
                " question, awarded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (guild_id, season, channel_id, user, points, question, now.isoformat())
                    for user, points in awards
                ],
            )

    async def record_game(
        self,
        guild_id: int,
        channel_id: int,
        scores: Iterable[tuple[int, int]],
        now: dt.datetime,
    ) -> None:
        """Record a finished round: (user id, points) of every player who scored."""
        async with self._transaction() as conn:
            season = await _season_in(conn, guild_id)
            await conn.executemany(
                "INSERT INTO trivia_games (guild_id, season, channel_id, user_id, points,"
                " ended_at) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (guild_id, season, channel_id, user, points, now.isoformat())
                    for user, points in scores
                ],
            )

    async def leaderboard(
        self, guild_id: int, season: int | None, limit: int
    ) -> tuple[LeaderboardEntry, ...]:
        """Top players of a server, for one season or (None) all time, ties sharing a rank."""
        rows = await self._all(
            "SELECT RANK() OVER (ORDER BY SUM(points) DESC) AS rank, user_id,"
            " SUM(points) AS points, COUNT(*) AS correct,"
            " (SELECT COUNT(*) FROM trivia_games AS g WHERE g.guild_id = a.guild_id"
            "  AND g.user_id = a.user_id AND (? IS NULL OR g.season = ?)) AS games"
            " FROM trivia_awards AS a"
            " WHERE guild_id = ? AND (? IS NULL OR season = ?)"
            " GROUP BY user_id ORDER BY SUM(points) DESC, COUNT(*) DESC, user_id LIMIT ?",
            (season, season, guild_id, season, season, limit),
        )
        return tuple(_record(LeaderboardEntry, row) for row in rows)

    # --- trivia lists -----------------------------------------------------------------------

    async def trivia_lists(self, guild_id: int) -> tuple[StoredList, ...]:
        """The owner's lists and a server's own, by name (a server's list never shadows)."""
        rows = await self._all(
            "SELECT guild_id, name, film, text FROM trivia_lists"
            " WHERE guild_id IN (?, ?) ORDER BY name, guild_id",
            (OWNER_LISTS, guild_id),
        )
        return tuple(_record(StoredList, row) for row in rows)

    async def server_trivia_lists(self, guild_id: int) -> tuple[StoredList, ...]:
        """The lists a server uploaded, by name."""
        rows = await self._all(
            "SELECT guild_id, name, film, text FROM trivia_lists WHERE guild_id = ? ORDER BY name",
            (guild_id,),
        )
        return tuple(_record(StoredList, row) for row in rows)

    async def server_list_count(self, guild_id: int) -> int:
        """How many lists a server has uploaded."""
        return int(
            await self._value("SELECT COUNT(*) FROM trivia_lists WHERE guild_id = ?", (guild_id,))
        )

    async def save_trivia_list(self, item: StoredList, uploaded_by: int, now: dt.datetime) -> bool:
        """Store a server's list, replacing one of the same name; True if it replaced one."""
        async with self._transaction() as conn:
            async with conn.execute(
                "SELECT 1 FROM trivia_lists WHERE guild_id = ? AND name = ?",
                (item.guild_id, item.name),
            ) as cursor:
                existed = await cursor.fetchone() is not None
            await conn.execute(
                "INSERT INTO trivia_lists (guild_id, name, film, text, uploaded_by, uploaded_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id, name) DO UPDATE SET"
                " film = excluded.film, text = excluded.text,"
                " uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at",
                (item.guild_id, item.name, item.film, item.text, uploaded_by, now.isoformat()),
            )
        return existed

    async def delete_trivia_list(self, guild_id: int, name: str) -> bool:
        """Delete a server's list; False if it has none by that name."""
        async with self._transaction() as conn:
            cursor = await conn.execute(
                "DELETE FROM trivia_lists WHERE guild_id = ? AND name = ?", (guild_id, name)
            )
            return cursor.rowcount > 0


async def _season_in(conn: aiosqlite.Connection, guild_id: int) -> int:
    """The server's current season, read inside the caller's transaction (1 before any reset)."""
    async with conn.execute(_CURRENT_SEASON, (guild_id,)) as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row and row[0] is not None else 1
