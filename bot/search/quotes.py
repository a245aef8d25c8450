"""Quote search: an FTS5 candidate query, typo-corrected, re-ranked with rapidfuzz.

The database narrows a million quotes to a few hundred candidates through the full-text
index; only those are scored in Python. Query words the index has never seen are replaced
by their closest indexed terms, so typos still find candidates. Plain Python: this module
builds the candidate queries and ranks what comes back; the quote service fetches.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.models import StoredQuote
from bot.search.fuzzy import MAX_QUERY_CHARS
from bot.text import fold

__all__ = [
    "CANDIDATE_LIMIT",
    "QUOTE_MATCH_CUTOFF",
    "QueryTerm",
    "QuoteHit",
    "QuoteQuery",
    "Vocabulary",
    "build_match_expression",
    "expand_words",
    "rerank_score",
    "strict_match_expression",
]

CANDIDATE_LIMIT = 200
"""How many full-text candidates are re-ranked; bm25 puts the likely ones first."""

QUOTE_MATCH_CUTOFF = 55.0
"""Minimum re-rank score (0-100) for a quote to be shown as a match."""

TERM_CORRECTION_CUTOFF = 75.0
"""How close an indexed term must be to a misspelt query word to stand in for it."""

COMMON_TERM_SHARE = 0.02
"""A word in more than this share of all quotes is too common to select candidates by."""

MIN_DOCUMENTS_FOR_PRUNING = 1000
"""Below this many quotes every query word selects candidates (the index is tiny anyway)."""

MIN_STRICT_CANDIDATES = 1
"""Fewer quotes than this with every query word (or none close enough) means a word was
misremembered: then quotes with any of the words are fetched too. On 200,000 synthetic quotes
(benchmarks/quote_search.py) 1 and 10 give the same top-1 hits, and 1 is 3x faster."""

MIN_WORDS_FOR_STRICT = 2
"""A one-word query has nothing to relax."""

MAX_CORRECTIONS_PER_WORD = 2
MAX_QUERY_WORDS = 16
MIN_WORD_CHARS = 2
MIN_PREFIX_CHARS = 3
"""Words at least this long also match as prefixes ('compos' finds 'composer')."""

PARTIAL_WEIGHT = 0.4
"""Share of the score from the best-matching stretch of the quote (fuzz.partial_ratio)."""

OVERLAP_WEIGHT = 0.2
"""Share of the score from whole-word overlap in any order (fuzz.token_set_ratio)."""

COVERAGE_WEIGHT = 0.4
"""Share of the score from the query words the quote contains, counting a word as present
when the quote has it, a word it begins ('compos' in 'composer') or its typo correction.
Without it a partial or misspelt word scores low on both ratios above: on the labelled set
in tests/bot/search/test_quality.py, 0.5 partial + 0.5 overlap ranked 47 of 50 quotes first
('compos edit sui', 'choreographd' and 'superhero' fell under the cutoff); 0.4/0.2/0.4
ranks all 50 first and lets no more of ten junk queries through at the same cutoff."""

_WORD = re.compile(r"\w+")


def query_words(text: str) -> list[str]:
    """The distinct searchable words of a user query, in order."""
    words = [w for w in _WORD.findall(fold(text[:MAX_QUERY_CHARS])) if len(w) >= MIN_WORD_CHARS]
    return list(dict.fromkeys(words))[:MAX_QUERY_WORDS]


class Vocabulary:
    """The terms of the full-text index, bucketed by first letter for fast correction."""

    def __init__(
        self,
        terms: Iterable[str],
        frequencies: Mapping[str, int] | None = None,
        documents: int = 0,
    ) -> None:
        self._terms = frozenset(terms)
        self._frequencies = dict(frequencies or {})
        self._common_above = (
            COMMON_TERM_SHARE * documents if documents >= MIN_DOCUMENTS_FOR_PRUNING else None
        )
        buckets: dict[str, list[str]] = defaultdict(list)
        for term in self._terms:
            buckets[term[:1]].append(term)
        self._buckets = dict(buckets)

    def __contains__(self, term: object) -> bool:
        return term in self._terms

    def __len__(self) -> int:
        return len(self._terms)

    def is_common(self, word: str) -> bool:
        """True for a word so frequent that asking the index for it would return a scan."""
        if self._common_above is None:
            return False
        return self._frequencies.get(word, 0) > self._common_above

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
    # FTS5 ends a string at a NUL byte ("unterminated string"), so NULs are dropped.
    return '"' + term.replace("\x00", "").replace('"', '""') + '"'


@dataclass(frozen=True, slots=True)
class QueryTerm:
    """A query word and its typo corrections among the indexed terms."""

    word: str
    corrections: tuple[str, ...] = ()

    @property
    def prefix(self) -> bool:
        """Whether the word also matches as the start of longer words."""
        return len(self.word) >= MIN_PREFIX_CHARS


def expand_words(words: Sequence[str], vocabulary: Vocabulary) -> list[QueryTerm]:
    """Each query word with the indexed terms that stand in for it when it is misspelt."""
    return [
        QueryTerm(word, () if word in vocabulary else tuple(vocabulary.corrections(word)))
        for word in words
    ]


def _selective(terms: Sequence[QueryTerm], vocabulary: Vocabulary) -> list[QueryTerm]:
    # Common words ('the', 'we') would make the candidate query match most of the archive;
    # when rarer words are present they alone pick the candidates, and the re-rank still
    # counts the common ones.
    rare = [term for term in terms if not vocabulary.is_common(term.word)]
    return rare or list(terms)


def _alternatives(term: QueryTerm) -> list[str]:
    """The word (as a prefix if long enough) and its corrections, as FTS5 strings."""
    first = _fts_string(term.word) + ("*" if term.prefix else "")
    return list(dict.fromkeys([first, *(_fts_string(c) for c in term.corrections)]))


def _match_expression(terms: Sequence[QueryTerm], vocabulary: Vocabulary) -> str | None:
    parts = [part for term in _selective(terms, vocabulary) for part in _alternatives(term)]
    return " OR ".join(dict.fromkeys(parts)) or None


def strict_match_expression(terms: Sequence[QueryTerm], vocabulary: Vocabulary) -> str | None:
    """An FTS5 expression requiring every selective word (or a correction of it)."""
    groups = [
        "(" + " OR ".join(_alternatives(term)) + ")" for term in _selective(terms, vocabulary)
    ]
    return " AND ".join(groups) or None


def build_match_expression(words: list[str], vocabulary: Vocabulary) -> str | None:
    """An FTS5 expression OR-ing each word (quoted, so no user text is FTS syntax)."""
    return _match_expression(expand_words(words, vocabulary), vocabulary)


def _covered(term: QueryTerm, tokens: frozenset[str], spaced: str) -> bool:
    """Whether the quote has the word, a correction of it, or (``spaced``) a word it begins."""
    if term.word in tokens or any(c in tokens for c in term.corrections):
        return True
    return term.prefix and f" {term.word}" in spaced


def _folded_words(text: str) -> list[str]:
    # Most quotes are ASCII (seeds are typography-normalised when parsed); for them folding
    # is just lowercasing, and skipping the Unicode work makes re-ranking ~2x faster.
    return _WORD.findall(text.lower() if text.isascii() else fold(text))


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """A quote that matched a search, with its re-rank score."""

    quote: StoredQuote
    score: float


def rerank_score(query: str, text: str, terms: Sequence[QueryTerm] | None = None) -> float:
    """How well a quote's text matches a half-remembered line (0-100).

    ``query`` is the folded query words joined by spaces; ``terms`` are those words with
    their corrections (by default, the words of ``query`` without corrections).
    """
    tokens = _folded_words(text)
    folded = " ".join(tokens)
    partial = fuzz.partial_ratio(query, folded)
    overlap = fuzz.token_set_ratio(query, folded)
    if terms is None:
        terms = [QueryTerm(word) for word in query.split()]
    present, spaced = frozenset(tokens), f" {folded}"
    found = sum(_covered(term, present, spaced) for term in terms)
    coverage = 100.0 * found / len(terms) if terms else 0.0
    return PARTIAL_WEIGHT * partial + OVERLAP_WEIGHT * overlap + COVERAGE_WEIGHT * coverage


@dataclass(frozen=True, slots=True)
class QuoteQuery:
    """A half-remembered line, ready to select candidates from the index and rank them.

    Candidates are first the quotes holding every selective word (``strict``, a fast index
    intersection); only when that finds too few, or none close enough, are the quotes holding
    any of the words (``lenient``) fetched too: a word was misremembered.
    """

    words: tuple[str, ...]
    terms: tuple[QueryTerm, ...]
    strict: str
    lenient: str

    @classmethod
    def parse(cls, text: str, vocabulary: Vocabulary) -> QuoteQuery | None:
        """The query for ``text``, or None when it has no searchable word."""
        words = query_words(text)
        terms = expand_words(words, vocabulary)
        strict = strict_match_expression(terms, vocabulary)
        if strict is None:
            return None
        lenient = _match_expression(terms, vocabulary) or strict
        return cls(tuple(words), tuple(terms), strict, lenient)

    def rank(self, candidates: Iterable[StoredQuote], speaker: str | None) -> list[QuoteHit]:
        """The candidates (by ``speaker`` if given) close enough to the query, best first."""
        query = " ".join(self.words)
        hits = [
            QuoteHit(quote=candidate, score=rerank_score(query, candidate.quote.text, self.terms))
            for candidate in candidates
            if speaker is None or speaker in candidate.quote.speakers
        ]
        hits = [hit for hit in hits if hit.score >= QUOTE_MATCH_CUTOFF]
        hits.sort(key=lambda hit: -hit.score)
        return hits

    def settled(self, strict_candidates: int, hits: Sequence[QuoteHit]) -> bool:
        """Whether the strict candidates answer the query, so no lenient query is needed."""
        if len(self.terms) < MIN_WORDS_FOR_STRICT:
            return True
        return bool(hits) and strict_candidates >= MIN_STRICT_CANDIDATES

    def merge(
        self,
        hits: Sequence[QuoteHit],
        strict: Iterable[StoredQuote],
        lenient: Iterable[StoredQuote],
        speaker: str | None,
    ) -> list[QuoteHit]:
        """The strict hits with the ranked lenient candidates not already among them."""
        seen = {quote.id for quote in strict}
        more = self.rank((quote for quote in lenient if quote.id not in seen), speaker)
        return sorted([*hits, *more], key=lambda hit: -hit.score)
