"""Quote search: an FTS5 candidate query, typo-corrected, re-ranked with rapidfuzz.

The database narrows a million quotes to a few hundred candidates through the full-text
index; only those are scored in Python. Query words the index has never seen are replaced
by their closest indexed terms, so typos still find candidates.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.models import StoredQuote
from bot.search.fuzzy import MAX_QUERY_CHARS
from bot.storage.database import Database
from bot.text import fold

__all__ = [
    "CANDIDATE_LIMIT",
    "QUOTE_MATCH_CUTOFF",
    "QuoteHit",
    "QuoteSearch",
    "Vocabulary",
    "build_match_expression",
]

CANDIDATE_LIMIT = 200
"""How many full-text candidates are re-ranked; bm25 puts the likely ones first."""

QUOTE_MATCH_CUTOFF = 55.0
"""Minimum re-rank score (0-100) for a quote to be shown as a match."""

TERM_CORRECTION_CUTOFF = 75.0
"""How close an indexed term must be to a misspelt query word to stand in for it."""

MAX_CORRECTIONS_PER_WORD = 2
MAX_QUERY_WORDS = 16
MIN_WORD_CHARS = 2
MIN_PREFIX_CHARS = 3
"""Words at least this long also match as prefixes ('compos' finds 'composer')."""

PARTIAL_WEIGHT = 0.5
"""Share of the score from the best-matching stretch of the quote; the rest is word overlap."""

_WORD = re.compile(r"\w+")


def query_words(text: str) -> list[str]:
    """The distinct searchable words of a user query, in order."""
    words = [w for w in _WORD.findall(fold(text[:MAX_QUERY_CHARS])) if len(w) >= MIN_WORD_CHARS]
    return list(dict.fromkeys(words))[:MAX_QUERY_WORDS]


class Vocabulary:
    """The terms of the full-text index, bucketed by first letter for fast correction."""

    def __init__(self, terms: Iterable[str]) -> None:
        self._terms = frozenset(terms)
        buckets: dict[str, list[str]] = defaultdict(list)
        for term in self._terms:
            buckets[term[:1]].append(term)
        self._buckets = dict(buckets)

    def __contains__(self, term: object) -> bool:
        return term in self._terms

    def corrections(self, word: str) -> list[str]:
        """Indexed terms close to ``word`` (same first letter), best first."""
        bucket = self._buckets.get(word[:1], [])
        found = process.extract(
            word,
            bucket,
            scorer=fuzz.ratio,
            score_cutoff=TERM_CORRECTION_CUTOFF,
            limit=MAX_CORRECTIONS_PER_WORD,
        )
        return [term for term, _, _ in found]


def _fts_string(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def build_match_expression(words: list[str], vocabulary: Vocabulary) -> str | None:
    """An FTS5 expression OR-ing each word (quoted, so no user text is FTS syntax)."""
    terms: list[str] = []
    for word in words:
        terms.append(_fts_string(word) + ("*" if len(word) >= MIN_PREFIX_CHARS else ""))
        if word not in vocabulary:
            terms.extend(_fts_string(term) for term in vocabulary.corrections(word))
    return " OR ".join(dict.fromkeys(terms)) or None


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """A quote that matched a search, with its re-rank score."""

    quote: StoredQuote
    score: float


def rerank_score(query: str, text: str) -> float:
    """How well a quote's text matches a half-remembered line (0-100)."""
    folded = " ".join(_WORD.findall(fold(text)))
    partial = fuzz.partial_ratio(query, folded)
    overlap = fuzz.token_set_ratio(query, folded)
    return PARTIAL_WEIGHT * partial + (1 - PARTIAL_WEIGHT) * overlap


class QuoteSearch:
    """Finds quotes by half-remembered words."""

    def __init__(self, database: Database, vocabulary: Vocabulary) -> None:
        self._database = database
        self._vocabulary = vocabulary

    async def search(
        self, text: str, *, slug: str | None, limit: int, speaker: str | None = None
    ) -> list[QuoteHit]:
        """The best-matching quotes, best first; empty when nothing is close enough."""
        words = query_words(text)
        expression = build_match_expression(words, self._vocabulary)
        if expression is None:
            return []
        candidates = await self._database.search_quotes(expression, slug, CANDIDATE_LIMIT)
        query = " ".join(words)
        hits = [
            QuoteHit(quote=candidate, score=rerank_score(query, candidate.quote.text))
            for candidate in candidates
            if speaker is None or speaker in candidate.quote.speakers
        ]
        hits = [hit for hit in hits if hit.score >= QUOTE_MATCH_CUTOFF]
        hits.sort(key=lambda hit: -hit.score)
        return hits[:limit]
