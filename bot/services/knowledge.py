"""Loading seeds into the database: first start and atomic reseeds with a change report."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import BusyError, SeedError
from bot.models import FilmFailure, FilmRecord, KnowledgeBase
from bot.seeds import load_seeds
from bot.services.fingerprints import CATEGORIES, fingerprint_knowledge_base, knowledge_digest
from bot.storage.database import Database, Fingerprints
from bot.storage.userdata import KnowledgeBroadcast

__all__ = [
    "SHARED_GENERATION_POLL_SECONDS",
    "CategoryChange",
    "FilmChange",
    "KnowledgeService",
    "ReseedReport",
]

log = logging.getLogger(__name__)

SHARED_GENERATION_POLL_SECONDS = 2.0
"""How often a process of a sharded bot checks whether another one has reseeded."""


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
        self, database: Database, seeds_dir: Path, broadcast: KnowledgeBroadcast | None = None
    ) -> None:
        self._database = database
        self._seeds_dir = seeds_dir
        self._broadcast = broadcast
        self._lock = asyncio.Lock()
        self._shared: int | None = None
        self.generation = 0
        """Bumped after every applied reseed, here or (shared) elsewhere, so caches rebuild."""

    @property
    def seeds_dir(self) -> Path:
        """The folder the seeds are read from."""
        return self._seeds_dir

    async def ensure_loaded(self) -> ReseedReport | None:
        """Load the seeds if the database has no films yet (first start)."""
        if await self._database.film_count():
            return None
        return await self.reseed()

    async def reseed(self, *, dry_run: bool = False, announce: bool = True) -> ReseedReport:
        """Parse every seed, then replace all seed content in one transaction, or change nothing.

        With a shared database, an applied reseed is announced to the other processes
        (``announce=False``: this one is itself following an announcement).
        """
        if self._lock.locked():
            raise BusyError("a reseed is already running")
        async with self._lock:
            try:
                parsed = await asyncio.to_thread(load_seeds, self._seeds_dir)
            except SeedError as error:
                return ReseedReport(dry_run=dry_run, error=error)
            kb = await self._keep_failed_films(parsed)
            new = fingerprint_knowledge_base(kb)
            changes = diff(await self._database.fingerprints(), new)
            if not dry_run:
                await self._database.replace_knowledge_base(kb, new)
                self.generation += 1
                if announce and self._broadcast is not None:  # committed: others may follow
                    shared = await self._broadcast.publish_generation(knowledge_digest(new))
                    self._shared = shared.generation
            topics = (w for trivia in parsed.lists if not trivia.film for w in trivia.warnings)
            warnings = (
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
        return KnowledgeBase(films=tuple(films), lists=parsed.lists, failures=tuple(failures))

    async def follow_shared(self) -> bool:
        """Catch up with a reseed published by another process; True when anything changed.

        A process on the same host shares the reseeded file and only drops its caches; one
        with its own copy (another host) reseeds it from its own seeds folder first.
        """
        if self._broadcast is None:
            return False
        shared = await self._broadcast.shared_generation()
        if shared is None or shared.generation == self._shared:
            return False
        if knowledge_digest(await self._database.fingerprints()) != shared.digest:
            try:
                report = await self.reseed(announce=False)
            except BusyError:  # a reseed here is running: it announces itself when done
                return False
            self._shared = shared.generation  # once per generation, even if it failed here
            if report.error is not None:
                log.error("cannot follow the shared reseed: %s", report.error)
                return False
            for failure in report.failures:
                log.error("film failed to load, its old content kept: %s", failure)
            if knowledge_digest(await self._database.fingerprints()) != shared.digest:
                log.warning("this host's seeds differ from the ones last reseeded elsewhere")
        else:
            self._shared = shared.generation
            self.generation += 1
        log.info("now serving shared knowledge generation %d", shared.generation)
        return True

    async def follow_forever(self, interval: float = SHARED_GENERATION_POLL_SECONDS) -> None:
        """Poll the shared generation until cancelled (one task per process)."""
        while True:
            try:
                await self.follow_shared()
            except Exception:
                log.exception("checking the shared knowledge generation failed")
            await asyncio.sleep(interval)
