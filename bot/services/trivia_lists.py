"""Trivia lists as topics: the owner's (from seeds) and each server's uploads.

Every server sees the owner's lists (``seeds/trivia/*.yaml`` and each film's ``trivia.yaml``)
and its own uploads.  An upload is read with the same rules as a seed list (warnings kept, errors
refused with file:line), is size-limited, may not take an owner's list name, and is stored in the
database for that server only, never written into ``seeds/``.  Lists are kept as YAML text and
read again on first use; the parsed list is cached until its text changes.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from bot.errors import NotAllowedError, NotFoundError
from bot.models import StoredList, TriviaList
from bot.storage.database import OWNER_LISTS, Database
from bot.storage.userdata import UserData
from bot.trivia.custom import (
    MAX_TRIVIA_FILE_BYTES,
    list_name,
    parse_trivia_bytes,
    parse_trivia_text,
)

__all__ = ["MAX_SERVER_LISTS", "MAX_UPLOAD_BYTES", "TriviaListService", "UploadReport"]

MAX_SERVER_LISTS: Final = 25
"""Most lists one server may upload (one autocomplete page)."""

MAX_UPLOAD_BYTES: Final = MAX_TRIVIA_FILE_BYTES
"""Largest list file a server may upload, in bytes."""


@dataclass(frozen=True, slots=True)
class UploadReport:
    """A stored upload: the list as read, and whether it replaced one of the same name."""

    trivia: TriviaList
    replaced: bool


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class TriviaListService:
    """Lists a server can play, and a server's own uploads."""

    def __init__(
        self,
        database: Database,
        now: Callable[[], dt.datetime] = _utcnow,
        *,
        users: UserData | None = None,
    ) -> None:
        self._database = database
        self._users: UserData = users or database
        """Where uploads live: the database file, or PostgreSQL shared by processes."""
        self._now = now
        self._parsed: dict[tuple[int, str], tuple[str, TriviaList]] = {}

    def _read(self, item: StoredList) -> TriviaList:
        """The stored list read again (cached by its text)."""
        key = (item.guild_id, item.name)
        cached = self._parsed.get(key)
        if cached is not None and cached[0] == item.text:
            return cached[1]
        trivia = parse_trivia_text(
            item.text, Path(f"{item.name}.yaml"), name=item.name, film=item.film
        )
        self._parsed[key] = (item.text, trivia)
        return trivia

    async def _owner_lists(self) -> tuple[StoredList, ...]:
        """The owner's lists (seed-derived: in the knowledge base)."""
        stored = await self._database.trivia_lists(OWNER_LISTS)
        return tuple(item for item in stored if item.guild_id == OWNER_LISTS)

    async def lists(self, guild_id: int) -> tuple[TriviaList, ...]:
        """Every list the server can play, by name; an owner's list wins a shared name."""
        stored = (*await self._owner_lists(), *await self._users.server_trivia_lists(guild_id))
        chosen: dict[str, StoredList] = {}
        for item in sorted(stored, key=lambda item: (item.name, item.guild_id)):
            chosen.setdefault(item.name, item)
        return tuple(self._read(item) for item in chosen.values())

    async def server_lists(self, guild_id: int) -> tuple[TriviaList, ...]:
        """Only the lists this server uploaded (what it may delete)."""
        stored = await self._users.server_trivia_lists(guild_id)
        return tuple(self._read(item) for item in stored)

    async def get(self, guild_id: int, name: str) -> TriviaList:
        """The list called ``name`` (any case); :class:`NotFoundError` names close matches."""
        wanted = list_name(name) or name.strip().casefold()
        available = await self.lists(guild_id)
        for trivia in available:
            if trivia.name == wanted:
                return trivia
        close = difflib.get_close_matches(wanted, [trivia.name for trivia in available], n=3)
        hint = f" Did you mean {', '.join(close)}?" if close else " /trivia lists shows them."
        raise NotFoundError(f"There is no trivia list called {name!r}.{hint}")

    async def upload(
        self, guild_id: int, filename: str, data: bytes, user_id: int, name: str | None = None
    ) -> UploadReport:
        """Read, check and store a server's list; :class:`SeedError` lists what is wrong."""
        wanted = list_name(name or filename)
        if wanted is None:
            raise NotAllowedError(
                "A list's name must be lowercase letters, digits, - and _ (up to 32),"
                " e.g. `film-quiz`; pass `name:` or rename the file."
            )
        owners = {item.name for item in await self._owner_lists()}
        if wanted in owners:
            raise NotAllowedError(f"{wanted!r} is the name of a list everyone has; pick another.")
        if len(data) > MAX_UPLOAD_BYTES:
            raise NotAllowedError(
                f"That file is {len(data):,} bytes; a list may be at most {MAX_UPLOAD_BYTES:,}."
            )
        trivia = parse_trivia_bytes(data, Path(filename), name=wanted)
        if not trivia.questions:
            raise NotAllowedError("That list has no questions.")
        existing = {item.name for item in await self._users.server_trivia_lists(guild_id)}
        if wanted not in existing and len(existing) >= MAX_SERVER_LISTS:
            raise NotAllowedError(
                f"This server already has {MAX_SERVER_LISTS} lists; delete one first."
            )
        stored = StoredList(guild_id=guild_id, name=wanted, film="", text=trivia.text)
        replaced = await self._users.save_trivia_list(stored, user_id, self._now())
        return UploadReport(trivia=trivia, replaced=replaced)

    async def delete(self, guild_id: int, name: str) -> str:
        """Delete one of the server's own lists and return its name."""
        wanted = list_name(name) or name
        if not await self._users.delete_trivia_list(guild_id, wanted):
            raise NotFoundError(
                f"This server has no uploaded list called {name!r}"
                " (lists from the bot's owner cannot be deleted here)."
            )
        self._parsed.pop((guild_id, wanted), None)
        return wanted
