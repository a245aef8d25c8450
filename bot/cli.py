"""The ``python -m bot`` command line: run, seed, sync, questions and console."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sqlite3
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import asyncpg

from bot.config import ConfigError, Settings
from bot.errors import SeedError, StartupError
from bot.models import FilmFailure
from bot.reports import (
    failures_summary,
    film_summary,
    knowledge_base_json,
    questions_json,
    questions_text,
    reseed_summary,
)
from bot.seeds import read_seeds
from bot.services.knowledge import KnowledgeService, ReseedReport
from bot.storage.database import Database
from bot.storage.postgres import PostgresUserData
from bot.trivia.questions import generate_questions

__all__ = ["main"]

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
"""Ctrl-C while a command runs (the shell's 128 + SIGINT)."""
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)

LOGIN_HELP = """\
No DISCORD_TOKEN is set, so the bot cannot log in to Discord.
Create an application at https://discord.com/developers/applications, add a bot user,
copy its token (Bot -> Reset Token) and put it in .env as DISCORD_TOKEN=... (see .env.example
and the README's "Discord setup" section)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("run", help="start the bot (the default)")
    seed = commands.add_parser("seed", help="parse seeds/ and load them into the database")
    seed.add_argument("--seeds", type=Path, help="seeds folder (default: FILMCLUB_SEEDS)")
    seed.add_argument("--db", type=Path, help="database file (default: FILMCLUB_DB)")
    seed.add_argument("--dry-run", action="store_true", help="parse only; change nothing")
    seed.add_argument("--json", action="store_true", help="print the parsed films as JSON")
    seed.add_argument(
        "--allow-empty",
        action="store_true",
        help="let a seeds folder without films remove every film from the database",
    )
    commands.add_parser("sync", help="register the slash commands with Discord globally")
    questions = commands.add_parser("questions", help="print the trivia questions for review")
    questions.add_argument("--film", help="only this film's slug")
    questions.add_argument("--seeds", type=Path, help="seeds folder (default: FILMCLUB_SEEDS)")
    questions.add_argument("--json", action="store_true", help="print the questions as JSON")
    console = commands.add_parser(
        "console", help="try the bot offline: the real bot on a loopback Discord, no token"
    )
    console.add_argument(
        "--db", type=Path, metavar="PATH", help="database file (default: FILMCLUB_DB)"
    )
    console.add_argument(
        "--seeds", type=Path, metavar="DIR", help="seeds folder (default: FILMCLUB_SEEDS)"
    )
    console.add_argument(
        "--script",
        type=Path,
        metavar="FILE",
        help="run the lines of FILE instead of a prompt (piped input does the same)",
    )
    console.add_argument(
        "--fast", action="store_true", help="trivia time passes instantly in scripts, 6x live"
    )
    return parser


def _console(settings: Settings, args: argparse.Namespace) -> int:
    # Imported here: the console brings in discord.py and the loopback Discord.
    from console.app import run_console, script_lines

    settings = replace(
        settings,
        database_path=args.db or settings.database_path,
        seeds_dir=args.seeds or settings.seeds_dir,
    )
    try:
        lines = script_lines(args.script, sys.stdin)
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return asyncio.run(run_console(settings, script=lines, fast=args.fast))
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def _questions(settings: Settings, args: argparse.Namespace) -> int:
    try:
        kb = read_seeds(args.seeds or settings.seeds_dir)
    except SeedError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILURE
    films = [film for film in kb.films if args.film in (None, film.slug)]
    failures = [f for f in kb.failures if args.film in (None, f.slug)]
    _print_failures(failures)
    if args.film and not films and not failures:
        print(f"error: no film with the slug {args.film!r}", file=sys.stderr)
        return EXIT_FAILURE
    questions = [q for film in films for q in (*generate_questions(film), *film.trivia)]
    print(questions_json(questions) if args.json else questions_text(questions))
    return EXIT_FAILURE if failures else EXIT_OK


def _print_failures(failures: Sequence[FilmFailure]) -> None:
    """Failed films go to stderr, after everything else would scroll them away."""
    for line in failures_summary(failures):
        print(line, file=sys.stderr)


async def _seed(settings: Settings, args: argparse.Namespace) -> int:
    seeds_dir: Path = args.seeds or settings.seeds_dir
    started = time.perf_counter()
    if args.dry_run:
        try:
            kb = await asyncio.to_thread(read_seeds, seeds_dir)
        except SeedError as error:
            print(f"error: {error}", file=sys.stderr)
            return EXIT_FAILURE
        summary = None
        failures = kb.failures
    else:
        database_path = args.db or settings.database_path
        try:
            async with await Database.open(database_path) as database:
                report = await _reseed(
                    database, seeds_dir, settings.database_url, allow_empty=args.allow_empty
                )
        except (sqlite3.Error, OSError, asyncpg.PostgresError) as error:
            print(f"error: database {database_path}: {error}", file=sys.stderr)
            return EXIT_FAILURE
        if report.error is not None:
            print(f"error: {report.error}", file=sys.stderr)
            return EXIT_FAILURE
        kb = report.knowledge_base
        summary = reseed_summary(report)
        failures = report.failures
    elapsed = time.perf_counter() - started
    if args.json:
        print(knowledge_base_json(kb))
    else:
        for film in kb.films:
            print(film_summary(film))
        if summary:
            print(summary)
        warnings = sum(len(film.warnings) for film in kb.films)
        noted = f", {warnings} warning(s) (see 'warning:' lines)" if warnings else ""
        print(f"{len(kb.films)} film(s) in {elapsed * 1000:.0f} ms{noted}")
    _print_failures(failures)
    return EXIT_FAILURE if failures else EXIT_OK


async def _reseed(
    database: Database, seeds_dir: Path, shared_url: str | None, *, allow_empty: bool
) -> ReseedReport:
    """Reseed; with a shared database, announce it so running processes follow."""
    if shared_url is None:
        knowledge = KnowledgeService(database, seeds_dir)
        return await knowledge.reseed(keep_films=True, full=True, allow_empty=allow_empty)
    async with await PostgresUserData.open(shared_url) as shared:
        knowledge = KnowledgeService(database, seeds_dir, shared)
        return await knowledge.reseed(keep_films=True, full=True, allow_empty=allow_empty)


async def _serve_until_signalled(settings: Settings, command: str) -> None:
    """Run the bot; SIGINT (Ctrl-C) and SIGTERM stop it gracefully."""
    from bot.app import run_bot

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    installed = []
    for signum in STOP_SIGNALS:
        # Not on Windows, nor outside the main thread: Ctrl-C then interrupts as usual.
        with contextlib.suppress(NotImplementedError, ValueError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)
            installed.append(signum)
    try:
        await run_bot(settings, sync_globally=command == "sync", stop=stop)
    finally:
        for signum in installed:
            loop.remove_signal_handler(signum)


def _run(settings: Settings, command: str) -> int:
    if not settings.discord_token:
        print(LOGIN_HELP, file=sys.stderr)
        return EXIT_USAGE
    try:
        asyncio.run(_serve_until_signalled(settings, command))
    except StartupError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:  # a second Ctrl-C while stopping
        print("stopped", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run the chosen subcommand; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except ConfigError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "console":
        return _console(settings, args)
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    command = args.command or "run"
    if command == "seed":
        return asyncio.run(_seed(settings, args))
    if command == "questions":
        return _questions(settings, args)
    return _run(settings, command)
