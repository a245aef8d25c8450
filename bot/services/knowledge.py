"""Loading seeds into the database: first start and atomic reseeds with a change report."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import BusyError, SeedError
from bot.models import FilmFailure, FilmRecord, KnowledgeBase
from bot.seeds import read_seeds
from bot.services.fingerprints import CATEGORIES, fingerprint_knowledge_base
from bot.storage.database import Database, Fingerprints

__all__ = [
    "EMPTY_REFUSED",
    "GENERATION_CHECK_SECONDS",
    "CategoryChange",
    "FilmChange",
    "KnowledgeService",
    "ReseedReport",
]

log = logging.getLogger(__name__)

GENERATION_CHECK_SECONDS = 1.0
"""How often a command may re-read the knowledge-base generation (one tiny query)."""

EMPTY_REFUSED = (
    "no films found, so every one of the {count} loaded film(s) would be removed; nothing"
    " changed (to remove them all, seed with --allow-empty or /reseed allow_empty:True)"
)


@dataclass(frozen=True, slots=True)
class CategoryChange:
    """How many records of one kind a reseed adds, removes and changes."""

    added: int = 0
    removed: int = 0
    changed: int = 0

    @property
    def any(self) -> bool:
        """True when anything changed."""
        return bool(self.added or self.removed or self.changed)


@dataclass(frozen=True, slots=True)
class FilmChange:
    """What a reseed does to one film."""

    slug: str
    status: str
    categories: dict[str, CategoryChange]


@dataclass(frozen=True, slots=True)
class ReseedReport:
    """The outcome of a reseed: per-film changes and failures, or the error that stopped it."""

    dry_run: bool
    films: tuple[FilmChange, ...] = ()
    warnings: tuple[str, ...] = ()
    error: SeedError | None = None
    failures: tuple[FilmFailure, ...] = ()
    """Films that could not be loaded; each kept its previous content when it had any."""
    knowledge_base: KnowledgeBase = field(default_factory=KnowledgeBase)

    @property
    def applied(self) -> bool:
        """True when the new content is now in the database."""
        return self.error is None and not self.dry_run


def _compare(old: dict[str, str], new: dict[str, str]) -> CategoryChange:
    return CategoryChange(
        added=sum(1 for key in new if key not in old),
        removed=sum(1 for key in old if key not in new),
        changed=sum(1 for key, value in new.items() if key in old and old[key] != value),
    )


def diff(old: Fingerprints, new: Fingerprints) -> tuple[FilmChange, ...]:
    """Per-film changes between two sets of fingerprints."""
    changes = []
    for slug in sorted(old.keys() | new.keys()):
        before, after = old.get(slug, {}), new.get(slug, {})
        categories = {c: _compare(before.get(c, {}), after.get(c, {})) for c in CATEGORIES}
        if slug not in old:
            status = "added"
        elif slug not in new:
            status = "removed"
        else:
            status = "changed" if any(c.any for c in categories.values()) else "unchanged"
        changes.append(FilmChange(slug=slug, status=status, categories=categories))
    return tuple(changes)


class KnowledgeService:
    """Owns the seeds folder and the seed-derived half of the database."""

    def __init__(
        self,
        database: Database,
        seeds_dir: Path,
        *,
        check_every: float = GENERATION_CHECK_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._database = database
        self._seeds_dir = seeds_dir
        self._lock = asyncio.Lock()
        self.generation = -1
        """The database's knowledge-base generation as last seen; caches rebuild when it moves."""
        self._listeners: list[Callable[[], Awaitable[None]]] = []
        self._check_every = check_every
        self._monotonic = monotonic
        self._checked_at: float | None = None
        self._rebuilding: set[asyncio.Task[None]] = set()

    async def close(self) -> None:
        """Stop any refresh still running (before the database closes)."""
        for task in list(self._rebuilding):
            task.cancel()
        await asyncio.gather(*self._rebuilding, return_exceptions=True)

    async def current_generation(self) -> int:
        """The generation, re-read from the database at most every ``check_every`` seconds.

        A reseed by another process (``python -m bot seed`` beside the running bot) bumps the
        number in the database; the next check notices, and what derives from it rebuilds.
        """
        now = self._monotonic()
        if self._checked_at is not None and now - self._checked_at < self._check_every:
            return self.generation
        self._checked_at = now
        seen = await self._database.knowledge_generation()
        if seen != self.generation:
            first = self.generation < 0
            self.generation = seen
            if not first:
                log.info("the knowledge base changed outside this process; refreshing")
                task = asyncio.create_task(self._changed(), name="knowledge-refresh")
                self._rebuilding.add(task)
                task.add_done_callback(self._rebuilding.discard)
        return self.generation

    def on_change(self, listener: Callable[[], Awaitable[None]]) -> None:
        """Call ``listener`` after each new knowledge base (to rebuild what derives from it)."""
        self._listeners.append(listener)

    async def _changed(self) -> None:
        for listener in self._listeners:
            try:
                await listener()
            except Exception:
                log.exception("rebuilding after a knowledge-base change failed")

    @property
    def seeds_dir(self) -> Path:
        """The folder the seeds are read from."""
        return self._seeds_dir

    async def ensure_loaded(self) -> ReseedReport | None:
        """Load the seeds if the database has no films yet (first start)."""
        if await self._database.film_count():
            return None
        return await self.reseed()

    async def reseed(self, *, dry_run: bool = False, allow_empty: bool = False) -> ReseedReport:
        """Parse every seed, then replace all seed content in one transaction, or change nothing.

        A seeds folder without films would remove every film: refused unless ``allow_empty``.
        """
        if self._lock.locked():
            raise BusyError("a reseed is already running")
        async with self._lock:
            try:
                parsed = await asyncio.to_thread(read_seeds, self._seeds_dir)
            except SeedError as error:
                return ReseedReport(dry_run=dry_run, error=error)
            loaded = await self._database.film_count()
            if not parsed.films and not parsed.failures and loaded and not allow_empty:
                refused = SeedError(self._seeds_dir, EMPTY_REFUSED.format(count=loaded))
                return ReseedReport(dry_run=dry_run, error=refused, warnings=parsed.warnings)
            kb = await self._keep_failed_films(parsed)
            new = await asyncio.to_thread(fingerprint_knowledge_base, kb)
            changes = diff(await self._database.fingerprints(), new)
            if not dry_run:
                await self._database.replace_knowledge_base(kb, new)
                self.generation = await self._database.knowledge_generation()
                self._checked_at = self._monotonic()
                await self._changed()
            topics = (w for trivia in parsed.lists if not trivia.film for w in trivia.warnings)
            warnings = (
                *parsed.warnings,
                *(f"{film.slug}/{w}" for film in parsed.films for w in film.warnings),
                *topics,
            )
            return ReseedReport(
                dry_run=dry_run,
                films=changes,
                warnings=warnings,
                failures=kb.failures,
                knowledge_base=kb,
            )

    async def _keep_failed_films(self, parsed: KnowledgeBase) -> KnowledgeBase:
        """Put back the stored content of every film that failed to parse: nothing is lost."""
        films: list[FilmRecord] = list(parsed.films)
        failures: list[FilmFailure] = []
        for failure in parsed.failures:
            previous = await self._database.film_record(failure.slug)
            if previous is not None:
                films.append(previous)
            failures.append(dataclasses.replace(failure, kept=previous is not None))
        films.sort(key=lambda film: film.slug)
        return KnowledgeBase(
            films=tuple(films),
            lists=parsed.lists,
            failures=tuple(failures),
            warnings=parsed.warnings,
        )
