"""One benchmark run per archive size: write the corpus, seed it, start the bot, compare."""

from __future__ import annotations

import gc
import multiprocessing
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from benchmarks.scale.baselines import (
    Baseline,
    fts5_or_baseline,
    load_quote_texts,
    rapidfuzz_scan_baseline,
)
from benchmarks.scale.corpus import CorpusSpec, write_corpus
from benchmarks.scale.queries import KINDS, Query, accept_every_holder, make_queries
from benchmarks.scale.stats import latency
from benchmarks.scale.workers import BotJob, SeedJob, run_bot_job, run_seed_job

__all__ = ["SCAN_QUOTE_BUDGET", "run_size"]

SCAN_QUOTE_BUDGET = 500_000
"""Quotes the rapidfuzz scan may score per size (queries x quotes), so the slowest baseline
(about 30 microseconds per quote) does not dominate the run: 50 queries at 10,000 quotes."""

MIN_SCAN_QUERIES = 5

BASELINE_SECONDS = 120.0
"""A baseline stops after this long (with at least `MIN_SCAN_QUERIES` queries); the table
gives the number of queries it answered."""

Job = TypeVar("Job")


def _in_fresh_process(work: Callable[[Job], dict[str, Any]], job: Job) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(work, job).result()


def _hit_rates(top1: Sequence[bool], top5: Sequence[bool]) -> dict[str, float]:
    count = max(1, len(top1))
    return {"hit1": sum(top1) / count, "hit5": sum(top5) / count}


def _by_kind(queries: Sequence[Query], top1: Sequence[bool]) -> dict[str, float]:
    groups: dict[str, list[bool]] = defaultdict(list)
    for query, hit in zip(queries, top1, strict=False):
        groups[query.kind].append(hit)
    return {kind: sum(groups[kind]) / len(groups[kind]) for kind in KINDS if groups[kind]}


def _measure_baseline(baseline: Baseline, queries: Sequence[Query]) -> dict[str, Any]:
    times: list[float] = []
    top1: list[bool] = []
    top5: list[bool] = []
    for query in queries:
        if len(times) >= MIN_SCAN_QUERIES and sum(times) > BASELINE_SECONDS:
            break
        started = time.perf_counter()
        found = baseline.search(query.text)
        times.append(time.perf_counter() - started)
        accepted = set(query.accepted)
        top1.append(bool(found) and found[0] in accepted)
        top5.append(any(text in accepted for text in found[:5]))
    return {
        "name": baseline.name,
        "latency": latency(times).as_dict(),
        **_hit_rates(top1, top5),
        "by_kind": _by_kind(queries[: len(top1)], top1),
    }


def run_size(
    quotes: int,
    *,
    queries: int = 300,
    seed: int = 2012,
    isolate: bool = True,
    reseed_one_film: bool = True,
    progress: Callable[[str], None] = lambda message: None,
) -> dict[str, Any]:
    """Measure everything at one archive size; ``isolate`` runs seeding and bot in new processes."""

    def call(work: Callable[[Any], dict[str, Any]], job: object) -> dict[str, Any]:
        return _in_fresh_process(work, job) if isolate else work(job)

    with tempfile.TemporaryDirectory(prefix="filmclub-scale-") as temp:
        folder = Path(temp)
        seeds = folder / "seeds"
        started = time.perf_counter()
        corpus = write_corpus(CorpusSpec(quotes=quotes, seed=seed, targets=queries), seeds)
        progress(
            f"{quotes:,}: wrote {corpus.documents:,} documents ({corpus.bytes / 2**20:.1f} MiB) "
            f"in {time.perf_counter() - started:.1f} s"
        )
        query_list = tuple(make_queries(corpus.remembered, seed))
        database = folder / "filmclub.db"
        changed = corpus.slugs[len(corpus.slugs) // 2] if reseed_one_film else None
        seeding = call(run_seed_job, SeedJob(seeds, database, changed))
        progress(f"{quotes:,}: seeded in {seeding['seconds']:.1f} s")
        texts = load_quote_texts(database)
        query_list = tuple(accept_every_holder(query_list, texts))
        # The accepted sets can hold many texts: keep the collector from walking them while the
        # baselines are timed in this process.
        gc.collect()
        gc.freeze()
        bot = call(run_bot_job, BotJob(seeds, database, tuple(q.text for q in query_list)))
        progress(f"{quotes:,}: bot measured")

        fts, fts_build_seconds = fts5_or_baseline(texts, folder)
        baselines = [_measure_baseline(fts, query_list)]
        scanned = max(
            MIN_SCAN_QUERIES, min(len(query_list), SCAN_QUOTE_BUDGET // max(1, len(texts)))
        )
        scan = rapidfuzz_scan_baseline(texts)
        baselines.append(_measure_baseline(scan, query_list[:scanned]))
        progress(f"{quotes:,}: baselines measured")

    found = bot.pop("search_found")
    accepted = [frozenset(q.accepted) for q in query_list]
    top1 = [bool(f) and f[0] in a for f, a in zip(found, accepted, strict=True)]
    top5 = [any(text in a for text in f[:5]) for f, a in zip(found, accepted, strict=True)]
    megabytes = corpus.bytes / 2**20
    return {
        "quotes_requested": quotes,
        "quotes": len(texts),
        "films": corpus.films,
        "documents": corpus.documents,
        "corpus_mb": megabytes,
        "queries": len(query_list),
        "seeding": {
            **seeding,
            "mb_per_second": megabytes / seeding["seconds"],
            "documents_per_second": corpus.documents / seeding["seconds"],
        },
        "project": {
            "name": "filmclub",
            "latency": bot.pop("search"),
            **_hit_rates(top1, top5),
            "by_kind": _by_kind(query_list, top1),
        },
        "baselines": baselines,
        "baseline_fts_build_seconds": fts_build_seconds,
        **bot,
    }
