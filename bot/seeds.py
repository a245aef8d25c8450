"""Loading the whole seeds folder: parsed documents plus each film's hand-written trivia."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from bot.errors import SeedError
from bot.models import FilmRecord, KnowledgeBase
from bot.parsing import film_failure, parse_seeds
from bot.trivia.custom import load_trivia_yaml

__all__ = ["TRIVIA_FILE", "load_seeds"]

TRIVIA_FILE = "trivia.yaml"


def _with_trivia(film: FilmRecord, folder: Path) -> FilmRecord:
    path = folder / TRIVIA_FILE
    if not path.is_file():
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
    return KnowledgeBase(films=tuple(films), failures=tuple(failures))
