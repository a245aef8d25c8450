"""The user-data store: what every backend of server settings, seasons and scores offers.

User data (a server's film and spoiler channels, trivia seasons, awards and games, uploaded
trivia lists) is written by
the bot while it runs, unlike the knowledge base, which only a reseed replaces. One process
keeps it in the SQLite file beside the knowledge base (`bot.storage.database.Database`);
processes that share a bot's shards keep it in PostgreSQL (`bot.storage.postgres`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from bot.models import LeaderboardEntry, StoredList

__all__ = ["KnowledgeBroadcast", "SharedGeneration", "UserData"]


class UserData(Protocol):
    """Server settings, seasons and scores; every write is one transaction."""

    async def close(self) -> None:
        """Release the store's connections."""

    async def guild_film(self, guild_id: int) -> str | None:
        """The film a server has chosen, if any."""

    async def set_guild_film(self, guild_id: int, slug: str | None) -> None:
        """Choose (or with None, forget) a server's film."""

    async def spoiler_channels(self, guild_id: int) -> frozenset[int]:
        """Channels of a server where spoilers are shown untagged."""

    async def set_spoiler_channel(self, guild_id: int, channel_id: int, allowed: bool) -> None:
        """Allow or forbid untagged spoilers in one channel."""

    async def current_season(self, guild_id: int) -> int:
        """The server's current trivia season (1 until the first reset)."""

    async def start_new_season(self, guild_id: int, now: dt.datetime) -> int:
        """Start the next season for a server; older seasons' points are kept."""

    async def record_awards(
        self,
        guild_id: int,
        channel_id: int,
        awards: Iterable[tuple[int, int]],
        question: str,
        now: dt.datetime,
    ) -> None:
        """Commit (user id, points) awards for one question before anyone announces them."""

    async def record_game(
        self,
        guild_id: int,
        channel_id: int,
        scores: Iterable[tuple[int, int]],
        now: dt.datetime,
    ) -> None:
        """Record a finished round: (user id, points) of every player who scored."""

    async def leaderboard(
        self, guild_id: int, season: int | None, limit: int
    ) -> tuple[LeaderboardEntry, ...]:
        """Top players of a server, for one season or (None) all time, ties sharing a rank."""

    async def server_trivia_lists(self, guild_id: int) -> tuple[StoredList, ...]:
        """The lists a server uploaded, by name."""

    async def server_list_count(self, guild_id: int) -> int:
        """How many lists a server has uploaded."""

    async def save_trivia_list(self, item: StoredList, uploaded_by: int, now: dt.datetime) -> bool:
        """Store a server's list, replacing one of the same name; True if it replaced one."""

    async def delete_trivia_list(self, guild_id: int, name: str) -> bool:
        """Delete a server's list; False if it has none by that name."""


@dataclass(frozen=True, slots=True)
class SharedGeneration:
    """The knowledge base every process should serve: a counter and its content's digest."""

    generation: int
    digest: str


class KnowledgeBroadcast(Protocol):
    """Where a reseed tells every process sharing the user data that the knowledge changed."""

    async def shared_generation(self) -> SharedGeneration | None:
        """The last published knowledge base, or None before the first."""

    async def publish_generation(self, digest: str) -> SharedGeneration:
        """Record a new knowledge base (by its digest); returns the new generation."""
