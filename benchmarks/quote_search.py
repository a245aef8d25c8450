"""Quote search at scale: FTS5 candidates + rapidfuzz re-rank vs a full scan.

Builds a temporary database with N synthetic quotes (seeded, so runs are comparable), then
times the real `QuoteService.search` against the baseline it exists to avoid: scoring every
quote's text in Python with rapidfuzz on each keystroke. No assertions; it prints numbers.

    .venv/bin/python -m benchmarks.quote_search [--quotes 200000] [--films 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from itertools import accumulate
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.models import DocumentKind, FilmRecord, KnowledgeBase, Quote, SourceDocument
from bot.search.quotes import Vocabulary, query_words, rerank_score
from bot.services.knowledge import KnowledgeService
from bot.services.quotes import QuoteService
from bot.storage.database import Database
from bot.text import fold

SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
SPEAKERS = tuple(f"Speaker {n}" for n in range(50))
RESULTS = 3


def make_vocabulary(rng: random.Random, size: int) -> list[str]:
    """``size`` distinct pronounceable words of two to four syllables."""
    words: dict[str, None] = {}
    while len(words) < size:
        words["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))] = None
    return list(words)


def make_quotes(rng: random.Random, count: int, vocabulary: Sequence[str]) -> list[str]:
    """Quotes of 8-60 words, with Zipf-like word frequencies as in real speech."""
    weights = list(accumulate(1.0 / rank for rank in range(1, len(vocabulary) + 1)))
    lengths = [rng.randint(8, 60) for _ in range(count)]
    words = rng.choices(vocabulary, cum_weights=weights, k=sum(lengths))
    quotes, start = [], 0
    for length in lengths:
        quotes.append(" ".join(words[start : start + length]).capitalize() + ".")
        start += length
    return quotes


def make_knowledge_base(texts: Sequence[str], films: int) -> KnowledgeBase:
    """Spread the quotes over ``films`` films, one interview each."""
    per_film = -(-len(texts) // films)
    records = []
    for number in range(films):
        chunk = texts[number * per_film : (number + 1) * per_film]
        source = SourceDocument(name="interview.txt", kind=DocumentKind.INTERVIEW)
        quotes = tuple(
            Quote(
                speakers=(SPEAKERS[(number + i) % len(SPEAKERS)],),
                text=text,
                source=source.name,
                position=i,
                line=i + 1,
                question=None,
                spoiler=False,
            )
            for i, text in enumerate(chunk)
        )
        records.append(
            FilmRecord(
                slug=f"film-{number:04d}",
                title=f"Film {number}",
                quotes=quotes,
                sources=(source,),
            )
        )
    return KnowledgeBase(films=tuple(records))


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 5:
        return word
    at = rng.randrange(1, len(word) - 1)
    return word[:at] + word[at + 1 :]  # one letter dropped


def half_remembered(rng: random.Random, text: str) -> str:
    """A few consecutive words of a quote, reordered, one misspelt and one cut short."""
    words = text.rstrip(".").lower().split()
    size = min(len(words), rng.randint(4, 6))
    start = rng.randrange(0, len(words) - size + 1)
    chosen = words[start : start + size]
    rng.shuffle(chosen)
    chosen[0] = _typo(rng, chosen[0])
    if len(chosen[-1]) > 6:
        chosen[-1] = chosen[-1][:5]
    return " ".join(chosen)


def percentile(samples: Sequence[float], share: float) -> float:
    """The sample below which ``share`` of the samples fall."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def summary(name: str, samples: Sequence[float], hits: int) -> str:
    """One result line: median and p95 in milliseconds, and how often the top hit was right."""
    median = statistics.median(samples) * 1000
    p95 = percentile(samples, 0.95) * 1000
    return (
        f"{name:<34} median {median:9.2f} ms   p95 {p95:9.2f} ms"
        f"   top-1 correct {hits}/{len(samples)}"
    )


def full_scan(folded: Sequence[str]) -> Callable[[str], int | None]:
    """The baseline: rapidfuzz over every quote (C loop, texts folded in advance)."""

    def best(query: str) -> int | None:
        found = process.extractOne(query, folded, scorer=fuzz.partial_ratio)
        return None if found is None else int(found[2])

    return best


async def run(quote_count: int, film_count: int, query_count: int, seed: int) -> None:
    """Build the database, then time both searches over the same queries."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    started = time.perf_counter()
    vocabulary_words = make_vocabulary(rng, 4000)
    texts = make_quotes(rng, quote_count, vocabulary_words)
    kb = make_knowledge_base(texts, film_count)
    print(
        f"generated {len(texts):,} quotes over {film_count:,} films in "
        f"{time.perf_counter() - started:.1f} s"
    )

    with tempfile.TemporaryDirectory() as folder:
        async with await Database.open(Path(folder) / "bench.db") as database:
            started = time.perf_counter()
            await database.replace_knowledge_base(kb, {})
            elapsed = time.perf_counter() - started
            print(f"loaded the database (with the FTS5 index) in {elapsed:.1f} s")
            started = time.perf_counter()
            frequencies = await database.quote_term_frequencies()
            vocabulary = Vocabulary(frequencies, await database.quote_count())
            print(
                f"built the correction vocabulary ({len(vocabulary):,} terms) in "
                f"{(time.perf_counter() - started) * 1000:.0f} ms (once per reseed)"
            )
            # No reseed runs, so the service keeps the vocabulary it builds on first use.
            search = QuoteService(database, KnowledgeService(database, Path(folder)))

            # Target quotes are identified by text (ids are assigned by the database).
            targets = [rng.randrange(len(texts)) for _ in range(query_count)]
            queries = [half_remembered(rng, texts[t]) for t in targets]
            print(f"{query_count} queries, e.g. {queries[0]!r} for {texts[targets[0]][:60]!r}…\n")

            await search.search(queries[0], None, RESULTS)  # warm the page cache and vocabulary
            fts_times, fts_hits = [], 0
            for query, target in zip(queries, targets, strict=True):
                started = time.perf_counter()
                hits = await search.search(query, None, RESULTS)
                fts_times.append(time.perf_counter() - started)
                fts_hits += bool(hits) and hits[0].quote.quote.text == texts[target]

            started = time.perf_counter()
            folded = [fold(text) for text in texts]
            fold_seconds = time.perf_counter() - started
            scan = full_scan(folded)
            scan_times, scan_hits = [], 0
            for query, target in zip(queries, targets, strict=True):
                started = time.perf_counter()
                best = scan(" ".join(query_words(query)))
                scan_times.append(time.perf_counter() - started)
                scan_hits += best == target

            rerank_queries = queries[:3]
            rerank_times = []
            for query in rerank_queries:
                words = " ".join(query_words(query))
                started = time.perf_counter()
                max(rerank_score(words, text) for text in texts)
                rerank_times.append(time.perf_counter() - started)

    print(summary("fts5 + rerank (QuoteService)", fts_times, fts_hits))
    print(summary("full scan (extractOne)", scan_times, scan_hits))
    rerank_median = statistics.median(rerank_times) * 1000
    print(
        f"{'full re-rank in Python':<34} median {rerank_median:9.2f} ms   "
        f"({len(rerank_times)} queries; folding every text first took "
        f"{fold_seconds * 1000:.0f} ms, not counted above)"
    )
    ratio = statistics.median(scan_times) / statistics.median(fts_times)
    ratio_rerank = statistics.median(rerank_times) / statistics.median(fts_times)
    print(
        f"\nfts+rerank is {ratio:.0f}x faster than full scan (median), "
        f"{ratio_rerank:.0f}x faster than re-ranking everything"
    )


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the options and run the benchmark."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quote_search")
    parser.add_argument("--quotes", type=int, default=200_000, help="synthetic quotes")
    parser.add_argument("--films", type=int, default=1000, help="films they are spread over")
    parser.add_argument("--queries", type=int, default=50, help="timed queries")
    parser.add_argument("--seed", type=int, default=2012, help="random seed")
    args = parser.parse_args(argv)
    asyncio.run(run(args.quotes, min(args.films, args.quotes), args.queries, args.seed))


if __name__ == "__main__":
    main()
