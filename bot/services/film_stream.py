"""Parsing changed film folders one after another, in worker processes when there are many.

Films come back in folder order, each with its fingerprints, while the next ones are being
parsed; only a few are in memory at once, so a first load of thousands of films streams into
the database instead of being parsed whole first.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import AsyncIterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from bot.errors import SeedError
from bot.models import FilmFailure, FilmRecord
from bot.parsing import film_failure
from bot.seeds import load_film
from bot.services.fingerprints import fingerprint_film

__all__ = ["MAX_WORKERS", "MIN_FILMS_FOR_WORKERS", "PreparedFilm", "prepare_film", "stream_films"]

log = logging.getLogger(__name__)

PreparedFilm = tuple[FilmRecord, dict[str, dict[str, str]]]
"""A parsed film and its fingerprints."""

MIN_FILMS_FOR_WORKERS = 16
"""Fewer changed films than this are parsed in a thread: starting processes costs ~0.5 s."""

MAX_WORKERS = 4
FILMS_AHEAD_PER_WORKER = 2
"""Films parsed ahead of the database per worker: enough to keep both busy, few in memory."""


def prepare_film(folder: Path) -> PreparedFilm | FilmFailure:
    """Parse one film folder and fingerprint its records (runs in a worker process).

    A film that fails is returned as its failure: it fails alone, never the others.
    """
    try:
        film = load_film(folder)
    except SeedError as error:
        return film_failure(folder.name, error)
    except Exception as error:  # a parser bug fails its film only
        log.exception("parsing the film folder %s failed", folder)
        message = f"the parser failed on this film ({type(error).__name__}); see the log"
        return film_failure(folder.name, SeedError(folder, message))
    return film, fingerprint_film(film)


def _workers() -> int:
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


async def stream_films(folders: Sequence[Path]) -> AsyncIterator[PreparedFilm | FilmFailure]:
    """Each folder's film (or why it failed), in order."""
    if len(folders) < MIN_FILMS_FOR_WORKERS or _workers() == 1:
        for folder in folders:
            yield await asyncio.to_thread(prepare_film, folder)
        return
    workers = _workers()
    # 'spawn': the bot's process has threads (the database's), which fork does not copy safely.
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    pending: deque[Future[PreparedFilm | FilmFailure]] = deque()
    queue = iter(folders)
    try:
        for folder in queue:
            pending.append(pool.submit(prepare_film, folder))
            if len(pending) >= workers * FILMS_AHEAD_PER_WORKER:
                break
        while pending:
            prepared = await asyncio.wrap_future(pending.popleft())
            following = next(queue, None)
            if following is not None:
                pending.append(pool.submit(prepare_film, following))
            yield prepared
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
