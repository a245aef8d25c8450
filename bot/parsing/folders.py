"""Walking a seeds folder safely: only real folders and regular files inside it are read.

A symlink that leads out of the seeds folder (to ``/etc/passwd``, ``/proc/self/environ``), a
symlink loop, a FIFO or device (reading one would block or never end) and a name that is not
valid UTF-8 are skipped, each with a one-line note naming it, and never opened.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from bot.errors import SeedError, printable_path

__all__ = [
    "NESTED_TOO_DEEPLY",
    "Listing",
    "film_files",
    "film_folders",
    "inside",
    "optional_file",
    "unknown_documents",
]

NESTED_TOO_DEEPLY: Final = "lists or tables are nested too deeply"
"""The one-line error for a film.toml or trivia.yaml that exhausts the parser's recursion."""


@dataclass
class Listing:
    """What a walk found, and one note per entry it skipped."""

    paths: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def inside(path: Path, root: Path) -> bool:
    """Whether ``path``, with every symlink resolved, stays within ``root``."""
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):  # a loop, or a link to nothing
        return False
    return resolved.is_relative_to(root.resolve())


def _problem(path: Path, root: Path, *, want_dir: bool) -> str | None:
    """Why ``path`` must not be read, or None when it is safe."""
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        return "skipped: the name is not valid UTF-8"
    if path.is_symlink():
        try:
            path.resolve(strict=True)
        except RuntimeError:
            return "skipped: a symlink loop"
        except OSError:
            return "skipped: a symlink to nothing"
        if not inside(path, root):
            return "skipped: a symlink that leads out of the seeds folder"
    try:
        mode = path.stat().st_mode
    except OSError as error:
        return f"skipped: cannot read it ({error.strerror or error})"
    if want_dir:
        return None if stat.S_ISDIR(mode) else "skipped: not a folder"
    if stat.S_ISDIR(mode):
        return None  # folders inside a film are not documents; nothing to say
    return None if stat.S_ISREG(mode) else f"skipped: {_kind(mode)}"


def _note(path: Path, why: str) -> str:
    return f"{printable_path(path)}: {why}"


def _entries(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir(), key=lambda p: os.fsencode(p.name))
    except OSError as error:
        raise SeedError(folder, f"cannot list the folder ({error.strerror or error})") from error


def film_folders(seeds_dir: Path, *, ignore: Iterable[str] = ()) -> Listing:
    """The film folders of ``seeds_dir`` (not hidden, not in ``ignore``), and what was skipped."""
    ignored = frozenset(ignore)
    listing = Listing()
    for path in _entries(seeds_dir):
        if path.name.startswith(".") or path.name in ignored:
            continue
        why = _problem(path, seeds_dir, want_dir=True)
        if why is None:
            listing.paths.append(path)
        elif why != "skipped: not a folder":
            listing.skipped.append(_note(path, why))
    return listing


def film_files(folder: Path, suffix: str, root: Path) -> Listing:
    """The regular ``suffix`` files of a film folder, and the entries skipped."""
    listing = Listing()
    for path in _entries(folder):
        if path.suffix != suffix:
            continue
        why = _problem(path, root, want_dir=False)
        if why is not None:
            listing.skipped.append(_note(path, why))
        elif path.is_file():
            listing.paths.append(path)
    return listing


def optional_file(path: Path, root: Path) -> bool:
    """Whether an optional file (film.toml, trivia.yaml) exists and may be read.

    Raises `SeedError` when it exists but is not a regular file inside ``root``.
    """
    if not path.exists() and not path.is_symlink():
        return False
    why = _problem(path, root, want_dir=False)
    if why is not None:
        raise SeedError(path, why.removeprefix("skipped: "))
    return path.is_file()


def unknown_documents(named: Iterable[str], present: Iterable[Path], manifest: Path) -> list[str]:
    """Notes for documents film.toml describes that the folder does not have."""
    have = {path.name for path in present}
    return [
        f"{printable_path(manifest)}: names {name!r}, which is not a document of the film"
        for name in sorted(named)
        if name not in have
    ]
