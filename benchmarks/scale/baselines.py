"""The naive ways to find a half-remembered quote, measured on the same queries as the bot.

- ``rapidfuzz scan``: score every quote's text with ``fuzz.WRatio`` (rapidfuzz's C loop) and
  keep the best five.
- ``FTS5 OR + bm25``: a plain full-text table of the quotes, queried with every query word
  quoted and OR-ed, ranked by bm25.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

__all__ = ["Baseline", "fts5_or_baseline", "load_quote_texts", "rapidfuzz_scan_baseline"]

TOP = 5
_WORD = re.compile(r"\w+")
_INSERT_BATCH = 50_000


@dataclass(frozen=True, slots=True)
class Baseline:
    """A named way of answering a query with the texts of the best quotes, best first."""

    name: str
    search: Callable[[str], Sequence[str]]


def load_quote_texts(database: Path) -> list[str]:
    """Every quote's text from the bot's database (read-only)."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as conn:
        return [row[0] for row in conn.execute("SELECT text FROM quotes ORDER BY id")]


def rapidfuzz_scan_baseline(texts: Sequence[str]) -> Baseline:
    """WRatio against every quote (texts lowercased once, in advance)."""
    lowered = [text.lower() for text in texts]

    def search(query: str) -> list[str]:
        found = process.extract(query.lower(), lowered, scorer=fuzz.WRatio, limit=TOP)
        return [texts[index] for _, _, index in found]

    return Baseline("rapidfuzz WRatio scan", search)


def fts5_or_baseline(texts: Sequence[str], folder: Path) -> tuple[Baseline, float]:
    """A plain FTS5 table of ``texts``; returns the baseline and the seconds building it took."""
    started = time.perf_counter()
    conn = sqlite3.connect(folder / "baseline_fts.db", check_same_thread=False)
    conn.execute("CREATE VIRTUAL TABLE plain USING fts5 (text)")
    for start in range(0, len(texts), _INSERT_BATCH):
        conn.executemany(
            "INSERT INTO plain (rowid, text) VALUES (?, ?)",
            ((start + i, t) for i, t in enumerate(texts[start : start + _INSERT_BATCH])),
        )
    conn.commit()
    built = time.perf_counter() - started

    def search(query: str) -> list[str]:
        words = _WORD.findall(query.lower())
        if not words:
            return []
        match = " OR ".join('"' + word + '"' for word in words)
        rows = conn.execute(
            "SELECT rowid FROM plain WHERE plain MATCH ? ORDER BY bm25(plain) LIMIT ?",
            (match, TOP),
        ).fetchall()
        return [texts[row[0]] for row in rows]

    return Baseline("FTS5 OR + bm25", search), built
