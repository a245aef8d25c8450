"""Loading the whole seeds folder: parsed documents, each film's trivia, and trivia lists."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from bot.errors import SeedError
from bot.models import FilmRecord, KnowledgeBase, TriviaList
from bot.parsing import LISTS_FOLDER, parse_seeds
from bot.trivia.custom import list_name, load_trivia_list

__all__ = ["LIST_SUFFIX", "TRIVIA_FILE", "load_seeds"]

TRIVIA_FILE = "trivia.yaml"
LIST_SUFFIX = ".yaml"
"""Files of ``seeds/trivia/`` with this suffix are lists; anything else there is ignored."""


def _film_list(film: FilmRecord, folder: Path) -> TriviaList | None:
    """The film's own ``trivia.yaml`` as a list named by the film's slug, if it has one."""
    path = folder / TRIVIA_FILE
    if not path.is_file():
        return None
    return load_trivia_list(path, name=film.slug, film=film.slug)


def _with_trivia(film: FilmRecord, own: TriviaList | None) -> FilmRecord:
    """The film with its hand-written questions and their warnings."""
    if own is None:
        return film
    return dataclasses.replace(film, trivia=own.questions, warnings=(*film.warnings, *own.warnings))


def _topic_lists(seeds_dir: Path, taken: set[str]) -> list[TriviaList]:
    """The lists of ``seeds/trivia/``, in name order; a name must be unique among all lists."""
    folder = seeds_dir / LISTS_FOLDER
    if not folder.is_dir():
        return []
    lists = []
    for path in sorted(folder.glob(f"*{LIST_SUFFIX}")):
        name = list_name(path.name)
        if name is None or name != path.stem:
            raise SeedError(path, "a list's file name must be lowercase letters, digits, - and _")
        if name in taken:
            raise SeedError(path, f"a film is also called {name!r}; rename the list")
        taken.add(name)
        lists.append(load_trivia_list(path, name=name))
    return lists


def load_seeds(seeds_dir: Path) -> KnowledgeBase:
    """Parse and validate every film folder and list; raises `SeedError` naming file and line."""
    kb = parse_seeds(seeds_dir)
    own = {film.slug: _film_list(film, seeds_dir / film.slug) for film in kb.films}
    films = tuple(_with_trivia(film, own[film.slug]) for film in kb.films)
    film_lists = [trivia for trivia in own.values() if trivia is not None]
    topics = _topic_lists(seeds_dir, set(own))
    return KnowledgeBase(films=films, lists=(*film_lists, *topics))
