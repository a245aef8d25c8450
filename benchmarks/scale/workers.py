"""The measured work, each part meant to run in a fresh process of its own.

A fresh process per part keeps the figures honest: the seeding's peak RSS is the seeding's
alone, and the bot starts cold on the database the seeding left, as after a restart.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.scale import project
from benchmarks.scale.stats import children_peak_rss_mb, current_rss_mb, latency, peak_rss_mb
from bot.app import create_bot
from bot.config import Settings
from bot.services.knowledge import KnowledgeService
from bot.storage.database import Database
from loopback.harness import LOOPBACK_TOKEN, run_bot
from loopback.server import FakeDiscord

__all__ = ["AUTOCOMPLETE_PREFIXES", "BotJob", "SeedJob", "run_bot_job", "run_seed_job"]

AUTOCOMPLETE_PREFIXES = (3, 8, 15)
"""Prefix lengths (characters typed so far) at which autocomplete is timed."""

END_TO_END_QUERIES = 100
END_TO_END_TIMEOUT_SECONDS = 30.0
CHANGED_FILM_SENTENCE = " And one more thing we added after the premiere."


@dataclass(frozen=True, slots=True)
class SeedJob:
    """Seed ``seeds`` into a new database at ``database``; optionally reseed one changed film."""

    seeds: Path
    database: Path
    change_one_film: str | None = None
    """Slug of a film to edit and reseed after the first load (None: skip that step)."""


def _database_mb(path: Path) -> float:
    files = [path, path.with_name(path.name + "-wal")]
    return sum(f.stat().st_size for f in files if f.exists()) / 2**20


def _change_film(folder: Path) -> None:
    """Append a sentence to the last answer of one interview of the film."""
    interview = sorted(folder.glob("*_interview.txt"))[0]
    text = interview.read_text(encoding="utf-8").rstrip("\n")
    interview.write_text(text + CHANGED_FILM_SENTENCE + "\n", encoding="utf-8")


async def _seed(job: SeedJob) -> dict[str, Any]:
    result: dict[str, Any] = {}
    async with await Database.open(job.database) as database:
        knowledge = KnowledgeService(database, job.seeds)
        started = time.perf_counter()
        report = await knowledge.reseed()
        result["seconds"] = time.perf_counter() - started
        if report.error is not None:
            raise RuntimeError(f"seeding failed: {report.error}")
        result["peak_rss_mb"] = peak_rss_mb()
        result["worker_peak_rss_mb"] = children_peak_rss_mb()
        result["database_mb"] = _database_mb(job.database)
        if job.change_one_film is not None:
            _change_film(job.seeds / job.change_one_film)
            started = time.perf_counter()
            again = await knowledge.reseed()
            result["reseed_one_film_seconds"] = time.perf_counter() - started
            if again.error is not None:
                raise RuntimeError(f"reseeding failed: {again.error}")
            result["reseed_changed_films"] = sum(f.status != "unchanged" for f in again.films)
    result["database_mb"] = max(result["database_mb"], _database_mb(job.database))
    return result


def run_seed_job(job: SeedJob) -> dict[str, Any]:
    """Seed through the bot's own reseed path; timings in seconds, sizes in MiB."""
    return asyncio.run(_seed(job))


@dataclass(frozen=True, slots=True)
class BotJob:
    """Start the bot on a seeded database and time its quote search."""

    seeds: Path
    database: Path
    queries: tuple[str, ...]
    """What the user types; the hits are judged by the caller (accepted sets can be large)."""


async def _bot(job: BotJob) -> dict[str, Any]:
    settings = Settings(
        discord_token=LOOPBACK_TOKEN, database_path=job.database, seeds_dir=job.seeds
    )
    result: dict[str, Any] = {}
    async with FakeDiscord(timeout=END_TO_END_TIMEOUT_SECONDS) as fake:
        fake.add_guild(name="Film Club")
        bot = create_bot(settings)
        started = time.perf_counter()
        async with run_bot(bot, fake, timeout=END_TO_END_TIMEOUT_SECONDS):
            result["start_seconds"] = time.perf_counter() - started
            services = bot.services
            first = job.queries[0]
            started = time.perf_counter()
            await project.search_texts(services, first)
            result["first_query_ms"] = (time.perf_counter() - started) * 1000

            times, found = [], []
            for query in job.queries:
                started = time.perf_counter()
                found.append(await project.search_texts(services, query))
                times.append(time.perf_counter() - started)
            result["search"] = latency(times).as_dict()
            result["search_found"] = found

            result["autocomplete"] = await _autocomplete(services, job.queries)

            e2e = []
            for query in job.queries[:END_TO_END_QUERIES]:
                started = time.perf_counter()
                await fake.slash("quote", {"text": query[:300]})
                e2e.append(time.perf_counter() - started)
            result["end_to_end"] = latency(e2e).as_dict()
            result["bot_rss_mb"] = current_rss_mb()
            result["bot_peak_rss_mb"] = peak_rss_mb()
    return result


async def _autocomplete(services: Any, queries: tuple[str, ...]) -> dict[str, Any]:
    """Per prefix length: the bot's suggestions, and (baseline) a full search per keystroke."""
    found: dict[str, Any] = {}
    suggest = project.has_autocomplete(services)
    for size in AUTOCOMPLETE_PREFIXES:
        prefixes = [q[:size] for q in queries if len(q) >= size]
        if suggest:
            times = []
            for prefix in prefixes:
                started = time.perf_counter()
                await project.suggest_texts(services, prefix)
                times.append(time.perf_counter() - started)
            found[f"suggest_{size}"] = latency(times).as_dict()
        times = []
        for prefix in prefixes:
            started = time.perf_counter()
            await project.search_texts(services, prefix)
            times.append(time.perf_counter() - started)
        found[f"search_{size}"] = latency(times).as_dict()
    return found


def run_bot_job(job: BotJob) -> dict[str, Any]:
    """Start the bot against the loopback Discord; timings in milliseconds unless named."""
    return asyncio.run(_bot(job))
