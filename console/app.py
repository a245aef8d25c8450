"""Start-up of the console: settings, the loopback Discord, the real bot, then a runner."""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from bot.app import create_bot
from bot.config import Settings
from console.busy import busy_check
from console.output import Printer, wants_colour
from console.pacing import RoundTimer
from console.render import meta
from console.runners import run_interactive, run_script
from console.session import Session
from console.world import QUIET, SPOILERS, YOU, build_world
from loopback.clock import FakeClock
from loopback.harness import run_bot
from loopback.limits import INTENT_MESSAGE_CONTENT
from loopback.records import LoopbackError
from loopback.server import FakeDiscord

__all__ = ["EXIT_FAILED", "EXIT_OK", "open_console", "run_console", "script_lines"]

EXIT_OK = 0
EXIT_FAILED = 1
LOG_LEVEL = logging.WARNING
"""The bot's log records at this level or above are shown in the transcript."""
OWN_LOGGERS = frozenset({"bot", "cogs", "console", "loopback"})
"""Loggers whose warnings are shown; other libraries' (discord.py's voice notice) only errors."""


class _LogToSession(logging.Handler):
    """Shows the bot's warnings and errors in the transcript; an error fails the script."""

    def __init__(self) -> None:
        super().__init__(LOG_LEVEL)
        self.session: Session | None = None
        self.early: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        own = record.name.split(".")[0] in OWN_LOGGERS
        if not own and record.levelno < logging.ERROR:
            return
        if self.session is None:
            self.early.append(record)
            return
        text = f"bot log {record.levelname.lower()}: {record.getMessage()}"
        if record.levelno >= logging.ERROR:
            self.session.fail(text)
        else:
            self.session.printer.line(meta(text))


def _shown(path: Path) -> str:
    """A path relative to the working folder when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _banner(session: Session, settings: Settings) -> None:
    channels = ", ".join(
        f"#{name}" + {SPOILERS: " (spoilers shown)", QUIET: " (the bot may not post)"}.get(name, "")
        for name in session.world.channels
    )
    session.note(
        f"filmclub console: the real bot on a loopback Discord (no token, no network)."
        f" Database {_shown(settings.database_path)}, seeds {_shown(settings.seeds_dir)}."
    )
    session.note(f"You are @{YOU} in {channels}. /help lists commands.")


@asynccontextmanager
async def open_console(
    settings: Settings, *, fast: bool, stream: TextIO | None, colour: bool | None = None
) -> AsyncIterator[Session]:
    """The bot on a fresh loopback Discord and a session on it (`stream` None: stdout)."""
    settings = replace(settings, discord_token=None, dev_guild_id=None, message_content=True)
    if colour is None:
        colour = wants_colour(stream or sys.stdout)
    printer = Printer(stream, colour=colour)
    handler = _LogToSession()
    root = logging.getLogger()
    root.addHandler(handler)
    clock = FakeClock()
    bot = create_bot(settings, clock=clock)
    try:
        # The console plays typed rounds, so its "application" has Message Content enabled.
        async with FakeDiscord(owner_name=YOU, privileged_intents=INTENT_MESSAGE_CONTENT) as fake:
            world = build_world(fake)
            async with run_bot(bot, fake):
                spoilers = world.channels[SPOILERS]
                await bot.services.spoilers.set_allowed(world.guild.id, spoilers.id, True)
                timer = RoundTimer(bot, clock, fast=fast)
                session = Session(world, timer, printer, busy=busy_check(bot, fake, timer))
                _banner(session, settings)
                handler.session = session
                for record in handler.early:
                    handler.emit(record)
                try:
                    yield session
                finally:
                    handler.session = None
    finally:
        root.removeHandler(handler)


async def run_console(
    settings: Settings, *, script: Iterable[str] | None, fast: bool, stdout: TextIO | None = None
) -> int:
    """Run the console: `script` lines in order (None: the interactive prompt)."""
    try:
        async with open_console(settings, fast=fast, stream=stdout) as session:
            if script is None:
                await run_interactive(session)
            else:
                await run_script(session, script)
    except (sqlite3.Error, OSError, LoopbackError) as error:
        print(f"error: the console could not start the bot: {error}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_FAILED if session.failures else EXIT_OK


def script_lines(path: Path | None, stdin: TextIO) -> list[str] | None:
    """The script to run: a file, or piped standard input; None for the interactive prompt."""
    if path is not None:
        return path.read_text(encoding="utf-8").splitlines()
    if not stdin.isatty():
        return stdin.read().splitlines()
    return None
