"""Loading the whole seeds folder: parsed documents, each film's trivia, and trivia lists.

A film fails alone (its folder, or its own ``trivia.yaml``); so does a list of
``seeds/trivia/``, recorded as a failure named ``trivia/<file>`` and left out until fixed.

Also the digest of a film folder, so a reseed re-reads only the films whose files (or the code
that parses them) changed, and the loading of one film folder or of the lists alone for it.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import logging
from collections.abc import Iterable
from pathlib import Path

from bot.errors import SeedError
from bot.models import FilmFailure, FilmRecord, KnowledgeBase, TriviaList
from bot.parsing import LISTS_FOLDER, film_failure, parse_film, parse_seeds
from bot.parsing import folders as safe
from bot.parsing.folders import film_files, inside, optional_file
from bot.trivia.custom import list_name, load_trivia_list

__all__ = [
    "LIST_SUFFIX",
    "TRIVIA_FILE",
    "film_folders",
    "folder_digest",
    "load_film",
    "load_lists",
    "load_seeds",
    "read_seeds",
]

TRIVIA_FILE = "trivia.yaml"

log = logging.getLogger(__name__)
LIST_SUFFIX = ".yaml"
"""Files of ``seeds/trivia/`` with this suffix are lists; anything else there is ignored."""
_DIGEST_BYTES = 16
_CODE_ROOT = Path(__file__).resolve().parent


def _film_list(film: FilmRecord, folder: Path) -> TriviaList | None:
    """The film's own ``trivia.yaml`` as a list named by the film's slug, if it has one."""
    path = folder / TRIVIA_FILE
    if not optional_file(path, folder.parent):
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


def _topic_lists(
    seeds_dir: Path, taken: set[str]
) -> tuple[list[TriviaList], list[FilmFailure], list[str]]:
    """The lists of ``seeds/trivia/`` in name order, those that failed, and what was skipped."""
    folder = seeds_dir / LISTS_FOLDER
    lists: list[TriviaList] = []
    failures: list[FilmFailure] = []
    skipped: list[str] = []
    if folder.is_dir() and inside(folder, seeds_dir):
        files = film_files(folder, LIST_SUFFIX, seeds_dir)
        skipped = files.skipped
        for path in files.paths:
            try:
                lists.append(_topic_list(path, taken))
            except SeedError as error:
                failures.append(film_failure(f"{LISTS_FOLDER}/{path.name}", error))
    return lists, failures, skipped


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
    topics, broken, skipped = _topic_lists(seeds_dir, {film.slug for film in kb.films})
    failures = sorted([*failures, *broken], key=lambda failure: failure.slug)
    return KnowledgeBase(
        films=tuple(films),
        lists=(*own, *topics),
        failures=tuple(failures),
        warnings=(*kb.warnings, *skipped),
    )


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


def film_folders(seeds_dir: Path) -> list[Path]:
    """The film folders of a seeds folder, in name order; raises `SeedError` if it is missing.

    Only real folders inside it: a symlink out of it, a loop or a bad name is left out.
    """
    if not seeds_dir.is_dir():
        raise SeedError(seeds_dir, "the seeds folder does not exist")
    return safe.film_folders(seeds_dir, ignore=(LISTS_FOLDER,)).paths


def load_film(folder: Path) -> FilmRecord:
    """Parse and validate one film folder with its own trivia; raises `SeedError`."""
    film = parse_film(folder)
    return _with_trivia(film, _film_list(film, folder))


def load_lists(seeds_dir: Path, slugs: Iterable[str]) -> tuple[list[TriviaList], list[FilmFailure]]:
    """The films' own lists (of ``slugs``) and the lists of ``seeds/trivia/``, with failures.

    Lists are small and read on every reseed, so films a reseed does not re-read keep theirs.
    """
    own: list[TriviaList] = []
    failures: list[FilmFailure] = []
    taken = set(slugs)
    for slug in sorted(taken):
        path = seeds_dir / slug / TRIVIA_FILE
        try:
            if not optional_file(path, seeds_dir):
                continue
            own.append(load_trivia_list(path, name=slug, film=slug))
        except SeedError as error:
            failures.append(film_failure(slug, error))
    topics, broken, _skipped = _topic_lists(seeds_dir, taken)
    return [*own, *topics], [*failures, *broken]


@functools.cache
def _code_digest() -> bytes:
    """A digest of the bot's own code: a new version may parse the same files differently."""
    digest = hashlib.blake2b(digest_size=_DIGEST_BYTES)
    for path in sorted(_CODE_ROOT.rglob("*.py")):
        digest.update(path.relative_to(_CODE_ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.digest()


def folder_digest(folder: Path) -> str:
    """A digest of a film folder's files (names, sizes, modification times) and of the code.

    File metadata, not content: reading a thousand films' documents to find the one that
    changed would take longer than the reseed of that one film.
    """
    digest = hashlib.blake2b(_code_digest(), digest_size=_DIGEST_BYTES)
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        try:
            stat = path.stat()
        except OSError as exc:
            raise SeedError(path, f"cannot read the file ({exc.strerror or exc})") from exc
        name = path.relative_to(folder).as_posix()
        digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()
