"""Loading the whole seeds folder: parsed documents, each film's trivia, and trivia lists.

A film fails alone (its folder, or its own ``trivia.yaml``); so does a list of
``seeds/trivia/``, recorded as a failure named ``trivia/<file>`` and left out until fixed.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from bot.errors import SeedError
from bot.models import FilmFailure, FilmRecord, KnowledgeBase, TriviaList
from bot.parsing import LISTS_FOLDER, film_failure, parse_seeds
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


def _topic_list(path: Path, taken: set[str]) -> TriviaList:
    """One list of ``seeds/trivia/``; its name must be unique among all lists."""
    name = list_name(path.name)
    if name is None or name != path.stem:
        raise SeedError(path, "a list's file name must be lowercase letters, digits, - and _")
    if name in taken:
        raise SeedError(path, f"a film is also called {name!r}; rename the list")
    taken.add(name)
    return load_trivia_list(path, name=name)


def _topic_lists(seeds_dir: Path, taken: set[str]) -> tuple[list[TriviaList], list[FilmFailure]]:
    """The lists of ``seeds/trivia/`` in name order, and those that failed."""
    folder = seeds_dir / LISTS_FOLDER
    lists: list[TriviaList] = []
    failures: list[FilmFailure] = []
    if folder.is_dir():
        for path in sorted(folder.glob(f"*{LIST_SUFFIX}")):
            try:
                lists.append(_topic_list(path, taken))
            except SeedError as error:
                failures.append(film_failure(f"{LISTS_FOLDER}/{path.name}", error))
    return lists, failures


def load_seeds(seeds_dir: Path) -> KnowledgeBase:
    """Parse and validate every film folder and list; one that fails is listed in ``failures``.

    Raises `SeedError` only when the seeds folder itself is missing.
    """
    kb = parse_seeds(seeds_dir)
    films: list[FilmRecord] = []
    own: list[TriviaList] = []
    failures = list(kb.failures)
    for film in kb.films:
        try:
            trivia = _film_list(film, seeds_dir / film.slug)
        except SeedError as error:
            failures.append(film_failure(film.slug, error))
            continue
        films.append(_with_trivia(film, trivia))
        if trivia is not None:
            own.append(trivia)
    topics, broken = _topic_lists(seeds_dir, {film.slug for film in kb.films})
    failures = sorted([*failures, *broken], key=lambda failure: failure.slug)
    return KnowledgeBase(films=tuple(films), lists=(*own, *topics), failures=tuple(failures))
