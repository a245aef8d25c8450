"""Hostile seeds: every problem is one line naming the file, and nothing is lost by accident."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.app import create_bot
from bot.config import Settings
from bot.seeds import TRIVIA_FILE
from bot.services.knowledge import KnowledgeService
from bot.storage.database import Database
from loopback.harness import run_bot
from loopback.server import FakeDiscord

DEPTH = 5000


def _one_line(text: str) -> None:
    assert "\n" not in text
    assert "Traceback" not in text
    text.encode("utf-8")


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("film.toml", "a = " + "[" * DEPTH + "]" * DEPTH + "\n"),
        ("film.toml", "a = " + "{b = " * DEPTH + "1" + "}" * DEPTH + "\n"),
        (TRIVIA_FILE, "q: " + "[" * DEPTH + "]" * DEPTH + "\n"),
    ],
    ids=["toml-arrays", "toml-tables", "yaml-lists"],
)
async def test_deep_nesting_is_a_one_line_error_naming_the_file(
    seeds_dir: Path, database: Database, name: str, body: str
) -> None:
    (seeds_dir / "ruby-sparks" / name).write_text(body, encoding="utf-8")
    report = await KnowledgeService(database, seeds_dir).reseed()
    (failure,) = report.failures  # the film fails alone, with one line naming the file
    _one_line(str(failure))
    assert failure.where == str(seeds_dir / "ruby-sparks" / name)
    assert "nested too deeply" in failure.message


async def test_an_unexpected_failure_is_one_line_not_a_crash(
    seeds_dir: Path, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.services.knowledge

    def explode(seeds: Path) -> object:
        raise ZeroDivisionError("a bug in a parser")

    monkeypatch.setattr(bot.services.knowledge, "film_folders", explode)
    report = await KnowledgeService(database, seeds_dir).reseed()
    assert report.error is not None
    _one_line(str(report.error))
    assert "ZeroDivisionError: a bug in a parser" in str(report.error)


async def test_a_path_with_a_newline_stays_one_line(tmp_path: Path, database: Database) -> None:
    seeds = tmp_path / "odd\nseeds"
    (seeds / "film").mkdir(parents=True)
    (seeds / "film" / "doc\nname.txt").write_bytes(b"\x00binary")
    report = await KnowledgeService(database, seeds).reseed()
    (failure,) = report.failures
    _one_line(str(failure))
    assert "doc\\nname.txt" in str(failure)


async def test_an_empty_seeds_folder_removes_nothing_unless_allowed(
    seeds_dir: Path, database: Database
) -> None:
    knowledge = KnowledgeService(database, seeds_dir)
    assert (await knowledge.reseed()).applied
    shutil.rmtree(seeds_dir / "ruby-sparks")
    refused = await knowledge.reseed()
    assert refused.error is not None
    assert "would be removed" in str(refused.error)
    assert "--allow-empty" in str(refused.error)
    assert await database.film_count() == 1
    allowed = await knowledge.reseed(allow_empty=True)
    assert allowed.applied
    assert await database.film_count() == 0


async def test_the_bot_starts_on_an_empty_database_with_broken_seeds(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    (seeds / "film").mkdir(parents=True)
    (seeds / "film" / "film.toml").write_text("a = " + "[" * DEPTH + "\n", encoding="utf-8")
    (seeds / "film" / "doc.txt").write_text("= T =\n\nT\n- Director: A B\n", encoding="utf-8")
    settings = Settings(discord_token="x", database_path=tmp_path / "db.db", seeds_dir=seeds)
    async with FakeDiscord() as fake:
        fake.add_guild(name="Club")
        bot = create_bot(settings)
        async with run_bot(bot, fake):
            reply = await fake.slash("film list")
            assert "No films are loaded yet." in reply.content
