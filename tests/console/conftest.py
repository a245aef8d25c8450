"""Console fixtures: settings on a temporary database and a copy of the project's seeds."""

from __future__ import annotations

import io
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.app import FilmClubBot
from bot.config import Settings
from console.app import open_console
from console.session import Session

PROJECT_SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def console_settings(tmp_path: Path) -> Settings:
    seeds = tmp_path / "seeds"
    shutil.copytree(PROJECT_SEEDS, seeds)
    return Settings(database_path=tmp_path / "console.db", seeds_dir=seeds)


@dataclass
class Driven:
    """A console session fed line by line, and everything it printed."""

    session: Session
    stream: io.StringIO

    @property
    def bot(self) -> FilmClubBot:
        bot = self.session.timer.bot
        assert isinstance(bot, FilmClubBot)
        return bot

    async def run(self, *lines: str) -> str:
        """Run lines like a script does; return what they printed."""
        start = len(self.stream.getvalue())
        for line in lines:
            self.session.echo(line)
            assert await self.session.run_line(line)
            await self.session.settle()
        return self.stream.getvalue()[start:]

    @property
    def transcript(self) -> str:
        return self.stream.getvalue()


@pytest.fixture
async def driven(console_settings: Settings) -> AsyncIterator[Driven]:
    stream = io.StringIO()
    async with open_console(console_settings, fast=True, stream=stream) as session:
        yield Driven(session, stream)
