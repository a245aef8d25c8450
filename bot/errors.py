"""Domain exceptions raised by services and turned into short replies by the bot.

FilmClubError
 ├── SeedError             a seed document or trivia list cannot be read or parsed (file:line)
 ├── NotFoundError         the thing asked for does not exist
 │    └── UnknownFilmError
 ├── AmbiguousFilmError    no film given and several could be meant
 ├── NotAllowedError       the caller may not do this
 ├── BusyError             the operation conflicts with one already running
 │    └── RoundAlreadyRunning   a trivia round is already running in the channel
 ├── RoundStateError       the trivia round is not in a state that allows this
 ├── InvalidRoundError     a trivia round's settings or questions are unusable (a ValueError)
 └── InvalidChoiceError    a trivia answer button outside the round's choices (a ValueError)
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "AmbiguousFilmError",
    "BusyError",
    "FilmClubError",
    "InvalidChoiceError",
    "InvalidRoundError",
    "NotAllowedError",
    "NotFoundError",
    "RoundAlreadyRunning",
    "RoundStateError",
    "SeedError",
    "StartupError",
    "UnknownFilmError",
    "printable_path",
]


class FilmClubError(Exception):
    """Base of every expected error; its message is safe to show to users."""


def printable_path(path: Path | str) -> str:
    """``path`` on one line: control characters and undecodable bytes as escapes."""
    # Surrogates (bytes of a name that were not UTF-8) are not printable either.
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
        for char in str(path)
    )


class StartupError(FilmClubError):
    """The bot cannot start (bad token, intent not enabled, no network); the message says why."""


class SeedError(FilmClubError):
    """A seed document or trivia list cannot be read or parsed; shown as ``path:line: message``."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        shown = printable_path(path)
        where = f"{shown}:{line}" if line is not None else shown
        super().__init__(f"{where}: {' '.join(message.split())}")

    def __reduce__(self) -> tuple[type[SeedError], tuple[str, str, int | None]]:
        """Pickle by the constructor's arguments (films are parsed in worker processes)."""
        return type(self), (self.path, self.message, self.line)


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


class RoundAlreadyRunning(BusyError):  # noqa: N818 - reads as the condition it reports
    """A trivia round is already running in this channel."""

    def __init__(self, channel_id: int) -> None:
        super().__init__("A round is already running here; /trivia stop ends it.")
        self.channel_id = channel_id


class RoundStateError(FilmClubError):
    """The trivia round is not in a state that allows this (not started, already started)."""


class InvalidRoundError(FilmClubError, ValueError):
    """A trivia round's settings or questions are unusable."""


class InvalidChoiceError(FilmClubError, ValueError):
    """A trivia answer button outside ``0 .. CHOICE_COUNT - 1``."""
