"""User data in PostgreSQL, shared by every process that runs some of the bot's shards.

All of this backend's SQL lives here (asyncpg's native ``$n`` placeholders). Its schema has
its own numbered migrations in ``migrations/postgres/``, applied at start-up while holding an
advisory lock, so processes starting together apply each migration once. Every write is one
statement or one transaction: concurrent processes never read-modify-write in Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from importlib import resources
from typing import Any, Self

import asyncpg
from asyncpg.pool import PoolConnectionProxy

from bot.models import LeaderboardEntry, StoredList
from bot.storage.userdata import SharedGeneration

__all__ = ["POOL_MAX_SIZE", "PostgresUserData"]

POOL_MIN_SIZE = 1
POOL_MAX_SIZE = 10
"""Connections per process: trivia awards and leaderboards are short statements."""

MIGRATION_LOCK = 0x46_494C_4D43_4C55
"""Advisory lock key held while migrating ("FILMCLU" in hex), so only one process migrates."""

SEASON_LOCK = 0x5345_4153
"""First half of the advisory lock key that serialises season changes of one server."""

_INT32_SPAN = 2**31 - 1

_CURRENT_SEASON = "SELECT COALESCE(MAX(season), 1) FROM trivia_seasons WHERE guild_id = $1"

Record = asyncpg.Record


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("bot.storage") / "migrations" / "postgres"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name.split("_", 1)[0]), entry.read_text(encoding="utf-8")))
    return sorted(found)


def _entry(row: Record) -> LeaderboardEntry:
    return LeaderboardEntry(
        rank=int(row["rank"]),
        user_id=int(row["user_id"]),
        points=int(row["points"]),
        correct=int(row["correct"]),
        games=int(row["games"]),
    )


def _stored_list(row: Record) -> StoredList:
    return StoredList(
        guild_id=int(row["guild_id"]), name=row["name"], film=row["film"], text=row["text"]
    )


class PostgresUserData:
    """Server settings, seasons, scores and the shared knowledge generation, in PostgreSQL."""

    def __init__(self, pool: asyncpg.Pool[Record]) -> None:
        self._pool = pool

    @classmethod
    async def open(cls, url: str, *, max_size: int = POOL_MAX_SIZE) -> Self:
        """Connect a pool to ``url`` and apply pending migrations (under an advisory lock)."""
        pool: asyncpg.Pool[Record] = await asyncpg.create_pool(
            url, min_size=POOL_MIN_SIZE, max_size=max_size
        )
        try:
            async with pool.acquire() as conn:
                await cls._migrate(conn)
        except BaseException:
            await pool.close()
            raise
        return cls(pool)

    @staticmethod
    async def _migrate(conn: PoolConnectionProxy[Record]) -> None:
        await conn.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK)
        try:
            await conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version INTEGER PRIMARY KEY,"
                " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
            )
            current = await conn.fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
            for number, script in _migrations():
                if number <= current:
                    continue
                async with conn.transaction():
                    await conn.execute(script)
                    await conn.execute(
                        "INSERT INTO schema_migrations (version) VALUES ($1)", number
                    )
        finally:
            await conn.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK)

    async def close(self) -> None:
        """Close the pool."""
        await self._pool.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def schema_version(self) -> int:
        """The number of the last applied migration."""
        return int(await self._value("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"))

    async def _value(self, sql: str, *params: Any) -> Any:
        async with self._pool.acquire() as conn:
            return await conn.fetchval(sql, *params)

    # --- guild settings ---------------------------------------------------------------------

    async def guild_film(self, guild_id: int) -> str | None:
        """The film a server has chosen, if any."""
        slug: str | None = await self._value(
            "SELECT film_slug FROM guild_settings WHERE guild_id = $1", guild_id
        )
        return slug

    async def set_guild_film(self, guild_id: int, slug: str | None) -> None:
        """Choose (or with None, forget) a server's film."""
        async with self._pool.acquire() as conn:
            await conn.execute(
                "INSERT INTO guild_settings (guild_id, film_slug) VALUES ($1, $2)"
                " ON CONFLICT (guild_id) DO UPDATE SET film_slug = excluded.film_slug",
                guild_id,
                slug,
            )

    async def spoiler_channels(self, guild_id: int) -> frozenset[int]:
        """Channels of a server where spoilers are shown untagged."""
        async with self._pool.acquire() as conn:
            rows = await conn.fetch(
                "SELECT channel_id FROM spoiler_channels WHERE guild_id = $1", guild_id
            )
        return frozenset(int(row["channel_id"]) for row in rows)

    async def set_spoiler_channel(self, guild_id: int, channel_id: int, allowed: bool) -> None:
        """Allow or forbid untagged spoilers in one channel."""
        async with self._pool.acquire() as conn:
            if allowed:
                await conn.execute(
                    "INSERT INTO spoiler_channels (guild_id, channel_id) VALUES ($1, $2)"
                    " ON CONFLICT DO NOTHING",
                    guild_id,
                    channel_id,
                )
            else:
                await conn.execute(
                    "DELETE FROM spoiler_channels WHERE guild_id = $1 AND channel_id = $2",
                    guild_id,
                    channel_id,
                )

    # --- trivia scores ----------------------------------------------------------------------

    async def current_season(self, guild_id: int) -> int:
        """The server's current trivia season (1 until the first reset)."""
        return int(await self._value(_CURRENT_SEASON, guild_id))

    async def start_new_season(self, guild_id: int, now: dt.datetime) -> int:
        """Start the next season for a server; older seasons' points are kept."""
        async with self._pool.acquire() as conn, conn.transaction():
            # Two resets of one server at once (from two processes) get two seasons, in turn.
            await conn.execute(
                "SELECT pg_advisory_xact_lock($1, $2)", SEASON_LOCK, guild_id % _INT32_SPAN
            )
            season: int = await conn.fetchval(
                "INSERT INTO trivia_seasons (guild_id, season, started_at)"
                " SELECT $1, COALESCE(MAX(season), 1) + 1, $2 FROM trivia_seasons"
                " WHERE guild_id = $1 RETURNING season",
                guild_id,
                now,
            )
        return int(season)

    async def record_awards(
        self,
        guild_id: int,
        channel_id: int,
        awards: Iterable[tuple[int, int]],
        question: str,
        now: dt.datetime,
    ) -> None:
        """Commit (user id, points) awards for one question before anyone announces them."""
        users, points = _player_columns(awards)
        if not users:
            return
        # One statement: the season is read and the rows are added in the same snapshot.
        async with self._pool.acquire() as conn:
            await conn.execute(
                "INSERT INTO trivia_awards (guild_id, season, channel_id, user_id, points,"
                " question, awarded_at)"
                " SELECT $1, (SELECT COALESCE(MAX(season), 1) FROM trivia_seasons"
                " WHERE guild_id = $1), $2, a.user_id, a.points, $5, $6"
                " FROM unnest($3::bigint[], $4::integer[]) AS a(user_id, points)",
                guild_id,
                channel_id,
                users,
                points,
                question,
                now,
            )

    async def record_game(
        self,
        guild_id: int,
        channel_id: int,
        scores: Iterable[tuple[int, int]],
        now: dt.datetime,
    ) -> None:
        """Record a finished round: (user id, points) of every player who scored."""
        users, points = _player_columns(scores)
        if not users:
            return
        async with self._pool.acquire() as conn:
            await conn.execute(
                "INSERT INTO trivia_games (guild_id, season, channel_id, user_id, points,"
                " ended_at)"
                " SELECT $1, (SELECT COALESCE(MAX(season), 1) FROM trivia_seasons"
                " WHERE guild_id = $1), $2, g.user_id, g.points, $5"
                " FROM unnest($3::bigint[], $4::integer[]) AS g(user_id, points)",
                guild_id,
                channel_id,
                users,
                points,
                now,
            )

    async def leaderboard(
        self, guild_id: int, season: int | None, limit: int
    ) -> tuple[LeaderboardEntry, ...]:
        """Top players of a server, for one season or (None) all time, ties sharing a rank."""
        async with self._pool.acquire() as conn:
            rows = await conn.fetch(
                "SELECT RANK() OVER (ORDER BY SUM(points) DESC) AS rank, user_id,"
                " SUM(points) AS points, COUNT(*) AS correct,"
                " (SELECT COUNT(*) FROM trivia_games AS g WHERE g.guild_id = a.guild_id"
                "  AND g.user_id = a.user_id AND ($2::integer IS NULL OR g.season = $2)) AS games"
                " FROM trivia_awards AS a"
                " WHERE guild_id = $1 AND ($2::integer IS NULL OR season = $2)"
                " GROUP BY guild_id, user_id"
                " ORDER BY SUM(points) DESC, COUNT(*) DESC, user_id LIMIT $3",
                guild_id,
                season,
                limit,
            )
        return tuple(_entry(row) for row in rows)

    # --- uploaded trivia lists --------------------------------------------------------------

    async def server_trivia_lists(self, guild_id: int) -> tuple[StoredList, ...]:
        """The lists a server uploaded, by name."""
        async with self._pool.acquire() as conn:
            rows = await conn.fetch(
                "SELECT guild_id, name, film, text FROM trivia_lists WHERE guild_id = $1"
                " ORDER BY name",
                guild_id,
            )
        return tuple(_stored_list(row) for row in rows)

    async def server_list_count(self, guild_id: int) -> int:
        """How many lists a server has uploaded."""
        return int(
            await self._value("SELECT COUNT(*) FROM trivia_lists WHERE guild_id = $1", guild_id)
        )

    async def save_trivia_list(self, item: StoredList, uploaded_by: int, now: dt.datetime) -> bool:
        """Store a server's list, replacing one of the same name; True if it replaced one."""
        async with self._pool.acquire() as conn:
            # xmax is non-zero on a row the upsert updated rather than inserted.
            replaced: bool = await conn.fetchval(
                "INSERT INTO trivia_lists (guild_id, name, film, text, uploaded_by, uploaded_at)"
                " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (guild_id, name) DO UPDATE SET"
                " film = excluded.film, text = excluded.text,"
                " uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at"
                " RETURNING xmax <> 0",
                item.guild_id,
                item.name,
                item.film,
                item.text,
                uploaded_by,
                now,
            )
        return bool(replaced)

    async def delete_trivia_list(self, guild_id: int, name: str) -> bool:
        """Delete a server's list; False if it has none by that name."""
        async with self._pool.acquire() as conn:
            deleted = await conn.fetchval(
                "DELETE FROM trivia_lists WHERE guild_id = $1 AND name = $2 RETURNING 1",
                guild_id,
                name,
            )
        return deleted is not None

    # --- the shared knowledge generation ----------------------------------------------------

    async def shared_generation(self) -> SharedGeneration | None:
        """The last published knowledge base, or None before the first."""
        async with self._pool.acquire() as conn:
            row = await conn.fetchrow("SELECT generation, digest FROM knowledge_generation")
        if row is None:
            return None
        return SharedGeneration(generation=int(row["generation"]), digest=row["digest"])

    async def publish_generation(self, digest: str) -> SharedGeneration:
        """Record a new knowledge base (by its digest); returns the new generation."""
        async with self._pool.acquire() as conn:
            row = await conn.fetchrow(
                "INSERT INTO knowledge_generation (generation, digest) VALUES (1, $1)"
                " ON CONFLICT (singleton) DO UPDATE SET"
                " generation = knowledge_generation.generation + 1,"
                " digest = excluded.digest, published_at = now()"
                " RETURNING generation, digest",
                digest,
            )
        if row is None:  # pragma: no cover - RETURNING always yields the row
            raise RuntimeError("publishing the knowledge generation returned nothing")
        return SharedGeneration(generation=int(row["generation"]), digest=row["digest"])


def _player_columns(pairs: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """(user id, points) pairs as the two arrays an ``unnest`` insert takes."""
    users: list[int] = []
    points: list[int] = []
    for user, value in pairs:
        users.append(user)
        points.append(value)
    return users, points
