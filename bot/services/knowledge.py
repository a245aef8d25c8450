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
from bot.models import FilmFailure, FilmRecord, KnowledgeBase, TriviaList
from bot.seeds import film_folders, folder_digest, load_lists
from bot.services.film_stream import stream_films
from bot.services.fingerprints import CATEGORIES, knowledge_digest
from bot.storage.database import Database, Fingerprints
from bot.storage.userdata import KnowledgeBroadcast

__all__ = [
    "EMPTY_REFUSED",
    "GENERATION_CHECK_SECONDS",
    "SHARED_GENERATION_POLL_SECONDS",
    "CategoryChange",
    "FilmChange",
    "KnowledgeService",
    "ReseedReport",
]

log = logging.getLogger(__name__)

SHARED_GENERATION_POLL_SECONDS = 2.0
"""How often a process of a sharded bot checks whether another one has reseeded."""

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


def unchanged(slug: str) -> FilmChange:
    """A film whose seed files a reseed found unchanged."""
    return FilmChange(
        slug=slug, status="unchanged", categories={c: CategoryChange() for c in CATEGORIES}
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
        broadcast: KnowledgeBroadcast | None = None,
        *,
        check_every: float = GENERATION_CHECK_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._database = database
        self._seeds_dir = seeds_dir
        self._broadcast = broadcast
        self._lock = asyncio.Lock()
        self._shared: int | None = None
        self.generation = -1
        """The database's knowledge-base generation as last seen; caches rebuild when it moves."""
        self._after_reseed: list[Callable[[], Awaitable[object]]] = []
        self._check_every = check_every
        self._monotonic = monotonic
        self._checked_at: float | None = None
        self._rebuilding: set[asyncio.Task[None]] = set()

    def on_change(self, rebuild: Callable[[], Awaitable[object]]) -> None:
        """Like `after_reseed`, and also when another process reseeded the database."""
        self.after_reseed(rebuild)

    async def _changed(self) -> None:
        for rebuild in self._after_reseed:
            try:
                await rebuild()
            except Exception:
                log.exception("rebuilding after a knowledge-base change failed")

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

    def after_reseed(self, rebuild: Callable[[], Awaitable[object]]) -> None:
        """Run ``rebuild`` after every applied reseed (to rebuild a cache before it is asked)."""
        self._after_reseed.append(rebuild)

    @property
    def seeds_dir(self) -> Path:
        """The folder the seeds are read from."""
        return self._seeds_dir

    async def ensure_loaded(self) -> ReseedReport | None:
        """Load the seeds if the database has no films yet (first start)."""
        if await self._database.film_count():
            return None
        return await self.reseed()

    async def reseed(
        self,
        *,
        dry_run: bool = False,
        keep_films: bool = False,
        full: bool = False,
        announce: bool = True,
        allow_empty: bool = False,
    ) -> ReseedReport:
        """Re-read the films whose seed files changed and apply them in one transaction.

        Unchanged films (same files, same parsing code) are neither parsed nor rewritten; a
        `SeedError` in any film changes nothing. ``keep_films`` puts the parsed films in the
        report (the command line prints them); the bot leaves it off so films stream through.
        ``full`` re-reads and rewrites every film, changed or not. A seeds folder without
        films would remove every film: refused unless ``allow_empty``. With a shared database,
        an applied reseed is announced to the other processes (``announce=False``: this one is
        itself following an announcement).
        """
        if self._lock.locked():
            raise BusyError("a reseed is already running")
        async with self._lock:
            try:
                report = await self._reseed(
                    dry_run=dry_run, keep_films=keep_films, full=full, allow_empty=allow_empty
                )
            except SeedError as error:
                return ReseedReport(dry_run=dry_run, error=error)
            if report.applied and announce and self._broadcast is not None:
                # Committed: the other processes may follow now.
                digest = knowledge_digest(await self._database.fingerprints())
                self._shared = (await self._broadcast.publish_generation(digest)).generation
            return report

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
            # The shared file already holds it: current_generation() sees the file's own
            # generation move and the caches rebuild.
            self._shared = shared.generation
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

    async def _reseed(
        self, *, dry_run: bool, keep_films: bool, full: bool, allow_empty: bool
    ) -> ReseedReport:
        try:
            folders = await asyncio.to_thread(film_folders, self._seeds_dir)
            digests = await asyncio.to_thread(lambda: {f.name: folder_digest(f) for f in folders})
        except SeedError:
            raise
        except Exception as error:  # reading the folder failed in a way nobody foresaw
            log.exception("unexpected failure while reading %s", self._seeds_dir)
            reason = " ".join(f"{type(error).__name__}: {error}".split())
            raise SeedError(self._seeds_dir, f"could not read the seeds ({reason})") from error
        stored = await self._database.film_digests()
        if not folders and stored and not allow_empty:
            raise SeedError(self._seeds_dir, EMPTY_REFUSED.format(count=len(stored)))
        changed = [f for f in folders if full or stored.get(f.name) != digests[f.name]]
        removed = sorted(stored.keys() - digests.keys())
        old = await self._database.fingerprints([*(f.name for f in changed), *removed])
        new: Fingerprints = {}
        films: list[FilmRecord] = []
        failures: list[FilmFailure] = []
        # Per film, what its parse warned about (from the last reseed for films not re-read).
        warnings = dict(await self._database.film_warnings())

        def keep(film: FilmRecord, fingerprints: dict[str, dict[str, str]]) -> None:
            new[film.slug] = fingerprints
            warnings[film.slug] = film.warnings
            if keep_films:
                films.append(film)

        def failed(failure: FilmFailure) -> None:
            # A film that fails keeps what it had: its old fingerprints stand for it.
            kept = failure.slug in stored
            failures.append(dataclasses.replace(failure, kept=kept))
            if kept:
                new[failure.slug] = old.get(failure.slug, {})

        async def lists() -> list[TriviaList]:
            # Lists are small: all of them are read again, for changed and unchanged films.
            loaded = (digests.keys() & stored.keys()) | new.keys()
            found, broken = await asyncio.to_thread(load_lists, self._seeds_dir, loaded)
            failed_already = {failure.slug for failure in failures}
            failures.extend(f for f in broken if f.slug not in failed_already)
            return found

        if dry_run:
            async for prepared in stream_films(changed):
                if isinstance(prepared, FilmFailure):
                    failed(prepared)
                else:
                    keep(*prepared)
            trivia_lists = await lists()
        else:
            async with self._database.seed_writer(replace_all=not stored) as writer:
                for slug in removed:
                    await writer.remove_film(slug)
                async for prepared in stream_films(changed):
                    if isinstance(prepared, FilmFailure):
                        failed(prepared)
                        continue
                    film, fingerprints = prepared
                    if film.slug in stored:
                        await writer.remove_film(film.slug)
                    await writer.add_film(film, fingerprints, digests[film.slug])
                    keep(film, fingerprints)
                trivia_lists = await lists()
                await writer.replace_lists(trivia_lists)
            self.generation = await self._database.knowledge_generation()
            self._checked_at = self._monotonic()
            await self._changed()
        untouched = sorted((digests.keys() & stored.keys()) - new.keys())
        changes = sorted(
            [*diff(old, new), *(unchanged(slug) for slug in untouched)], key=lambda c: c.slug
        )
        return ReseedReport(
            dry_run=dry_run,
            films=tuple(changes),
            warnings=(
                *(
                    f"{slug}/{w}"
                    for slug in sorted(warnings.keys() & digests.keys())
                    for w in warnings[slug]
                ),
                *(w for trivia in trivia_lists if not trivia.film for w in trivia.warnings),
            ),
            failures=tuple(sorted(failures, key=lambda f: f.slug)),
            knowledge_base=KnowledgeBase(films=tuple(films)),
        )
