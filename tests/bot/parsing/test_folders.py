"""The seeds walk never reads outside the folder, and names everything it skips."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bot.parsing.folders import film_files, film_folders, optional_file
from bot.seeds import TRIVIA_FILE, load_seeds


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("= Not A Film =\n\nNot A Film\n- Director: Nobody\n", encoding="utf-8")
    return secret


def _opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every path whose bytes or text the seeds loader reads."""
    seen: list[Path] = []
    real_bytes, real_text = Path.read_bytes, Path.read_text

    def read_bytes(self: Path) -> bytes:
        seen.append(self)
        return real_bytes(self)

    def read_text(self: Path, *args: object, **kwargs: object) -> str:
        seen.append(self)
        return real_text(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(Path, "read_text", read_text)
    return seen


def test_symlinks_out_of_the_folder_are_skipped_unread(
    seeds_dir: Path, outside: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    film = seeds_dir / "ruby-sparks"
    (film / "zz_passwd.txt").symlink_to(outside)
    (seeds_dir / "elsewhere").symlink_to(outside.parent, target_is_directory=True)
    (film / TRIVIA_FILE).symlink_to(outside)
    (failure,) = load_seeds(seeds_dir).failures  # an optional file that leads out fails its film
    assert failure.path.endswith(TRIVIA_FILE)
    assert "leads out of the seeds folder" in failure.message
    (film / TRIVIA_FILE).unlink()
    opened = _opened(monkeypatch)
    kb = load_seeds(seeds_dir)
    assert [f.slug for f in kb.films] == ["ruby-sparks"]
    assert not [path for path in opened if path.resolve().is_relative_to(outside.parent)]
    assert any("elsewhere: skipped: a symlink that leads out" in w for w in kb.warnings)
    (ruby,) = kb.films
    assert any("zz_passwd.txt: skipped: a symlink that leads out" in w for w in ruby.warnings)


def test_loops_fifos_and_bad_names_are_named(seeds_dir: Path) -> None:
    film = seeds_dir / "ruby-sparks"
    (film / "loop.txt").symlink_to(film / "loop.txt")
    os.mkfifo(film / "pipe.txt")
    bad_name = os.fsdecode(b"\xff\xfe.txt")
    (film / bad_name).write_text("whatever", encoding="utf-8")
    listing = film_files(film, ".txt", seeds_dir)
    notes = "\n".join(listing.skipped)
    assert "loop.txt: skipped: a symlink loop" in notes
    assert "pipe.txt: skipped: a FIFO" in notes
    assert "\\udcff\\udcfe.txt: skipped: the name is not valid UTF-8" in notes
    assert all(len(note.splitlines()) == 1 for note in listing.skipped)
    assert all(note.encode("utf-8") for note in listing.skipped)
    (ruby,) = load_seeds(seeds_dir).films  # the film itself still loads
    assert len([w for w in ruby.warnings if "skipped" in w]) >= 3


def test_a_symlink_inside_the_folder_is_followed(seeds_dir: Path) -> None:
    shutil.copytree(seeds_dir / "ruby-sparks", seeds_dir / "copy")
    (seeds_dir / "alias").symlink_to(seeds_dir / "copy", target_is_directory=True)
    assert [p.name for p in film_folders(seeds_dir).paths] == ["alias", "copy", "ruby-sparks"]
    assert optional_file(seeds_dir / "alias" / "missing.yaml", seeds_dir) is False


def test_film_toml_naming_a_missing_document_is_a_warning(seeds_dir: Path) -> None:
    manifest = seeds_dir / "ruby-sparks" / "film.toml"
    manifest.write_text('[documents."gone.txt"]\npublication = "Nowhere"\n', encoding="utf-8")
    (ruby,) = load_seeds(seeds_dir).films
    assert any("names 'gone.txt', which is not a document of the film" in w for w in ruby.warnings)
