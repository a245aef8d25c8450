"""Loading the whole seeds folder: parsed documents plus each film's hand-written trivia."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from bot.errors import SeedError
from bot.models import FilmRecord, KnowledgeBase
from bot.parsing import film_failure, parse_seeds
from bot.parsing.folders import optional_file
from bot.trivia.custom import load_trivia_yaml

__all__ = ["TRIVIA_FILE", "load_seeds", "read_seeds"]

TRIVIA_FILE = "trivia.yaml"

log = logging.getLogger(__name__)


def _with_trivia(film: FilmRecord, folder: Path) -> FilmRecord:
    path = folder / TRIVIA_FILE
    if not optional_file(path, folder.parent):
        return film
    return dataclasses.replace(film, trivia=load_trivia_yaml(path, film.slug))


def load_seeds(seeds_dir: Path) -> KnowledgeBase:
    """Parse and validate every film folder; a film that fails is listed in ``failures``.

    Raises `SeedError` only when the seeds folder itself is missing.
    """
    kb = parse_seeds(seeds_dir)
    films: list[FilmRecord] = []
    failures = list(kb.failures)
    for film in kb.films:
        try:
            films.append(_with_trivia(film, seeds_dir / film.slug))
        except SeedError as error:
            failures.append(film_failure(film.slug, error))
    failures.sort(key=lambda failure: failure.slug)
    return KnowledgeBase(films=tuple(films), failures=tuple(failures), warnings=kb.warnings)


def read_seeds(seeds_dir: Path) -> KnowledgeBase:
    """`load_seeds`, with any unexpected failure turned into a one-line `SeedError`."""
    try:
        return load_seeds(seeds_dir)
    except SeedError:
        raise
    except Exception as error:
        log.exception("unexpected failure while reading %s", seeds_dir)
        reason = " ".join(f"{type(error).__name__}: {error}".split())
        raise SeedError(seeds_dir, f"could not read the seeds ({reason})") from error
