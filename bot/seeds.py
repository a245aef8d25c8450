"""Loading the whole seeds folder: parsed documents plus each film's hand-written trivia."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from bot.models import FilmRecord, KnowledgeBase
from bot.parsing import parse_seeds
from bot.trivia.custom import load_trivia_yaml

__all__ = ["TRIVIA_FILE", "load_seeds"]

TRIVIA_FILE = "trivia.yaml"


def _with_trivia(film: FilmRecord, folder: Path) -> FilmRecord:
    path = folder / TRIVIA_FILE
    if not path.is_file():
        return film
    return dataclasses.replace(film, trivia=load_trivia_yaml(path, film.slug))


def load_seeds(seeds_dir: Path) -> KnowledgeBase:
    """Parse and validate every film folder; raises `SeedError` naming the file and line."""
    kb = parse_seeds(seeds_dir)
    return KnowledgeBase(films=tuple(_with_trivia(f, seeds_dir / f.slug) for f in kb.films))
