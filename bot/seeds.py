"""Loading seeds: each film folder's parsed documents plus its hand-written trivia.

Also the digest of a film folder, so a reseed re-reads only the films whose files (or the
code that parses them) changed.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from pathlib import Path

from bot.errors import SeedError
from bot.models import FilmRecord, KnowledgeBase
from bot.parsing import film_failure, parse_film, parse_seeds
from bot.trivia.custom import load_trivia_yaml

__all__ = ["TRIVIA_FILE", "film_folders", "folder_digest", "load_film", "load_seeds"]

TRIVIA_FILE = "trivia.yaml"
_DIGEST_BYTES = 16
_CODE_ROOT = Path(__file__).resolve().parent


def _with_trivia(film: FilmRecord, folder: Path) -> FilmRecord:
    path = folder / TRIVIA_FILE
    if not path.is_file():
        return film
    return dataclasses.replace(film, trivia=load_trivia_yaml(path, film.slug))


def film_folders(seeds_dir: Path) -> list[Path]:
    """The film folders of a seeds folder, in name order; raises `SeedError` if it is missing."""
    if not seeds_dir.is_dir():
        raise SeedError(seeds_dir, "the seeds folder does not exist")
    return sorted(p for p in seeds_dir.iterdir() if p.is_dir() and not p.name.startswith("."))


def load_film(folder: Path) -> FilmRecord:
    """Parse and validate one film folder; raises `SeedError` naming the file and line."""
    return _with_trivia(parse_film(folder), folder)


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
