"""Domain exceptions raised by services and turned into short replies by the bot.

FilmClubError
 ├── SeedError            a seed document cannot be read or parsed (file and line)
 ├── NotFoundError        the thing asked for does not exist
 │    └── UnknownFilmError
 ├── AmbiguousFilmError   no film given and several could be meant
 ├── NotAllowedError      the caller may not do this
 └── BusyError            the operation conflicts with one already running
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "AmbiguousFilmError",
    "BusyError",
    "FilmClubError",
    "NotAllowedError",
    "NotFoundError",
    "SeedError",
    "UnknownFilmError",
]


class FilmClubError(Exception):
    """Base of every expected error; its message is safe to show to users."""


class SeedError(FilmClubError):
    """A seed document cannot be read or parsed."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


class NotFoundError(FilmClubError):
    """The thing asked for does not exist."""


class UnknownFilmError(NotFoundError):
    """No film matches what the user typed."""


class AmbiguousFilmError(FilmClubError):
    """No film was given and more than one could be meant."""


class NotAllowedError(FilmClubError):
    """The caller lacks the permission this action needs."""


class BusyError(FilmClubError):
    """Another operation of the same kind is already running."""
