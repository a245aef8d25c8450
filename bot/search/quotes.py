"""Quote search: full-text candidate queries, typo-corrected, re-ranked with rapidfuzz.

The database narrows a million quotes to at most a few hundred candidates through the
full-text index; only those are scored in Python. Plain Python: this module plans the
candidate queries and ranks what comes back; the quote service fetches.

Each query word becomes a group of index terms: the word itself if indexed, its typo
corrections if not, and the terms it begins ('compos' -> 'composer') when there are few of
them. Candidate queries are tried in order until one yields a close match:

1. every selective group (words too common to select by, and words the index cannot match
   at all, are left to the re-rank);
2. every selective group but one, for each group in turn (one word misremembered);
3. any selective group.

A query of common words only asks for them near each other first. bm25 ranks a candidate
query only when its matches are few enough to score quickly; otherwise they come in index
order, all of them holding every word asked for.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.models import StoredQuote
from bot.search.fuzzy import MAX_QUERY_CHARS
from bot.search.vocabulary import MIN_DOCUMENTS_FOR_PRUNING, Vocabulary
from bot.text import fold

__all__ = [
    "CANDIDATE_LIMIT",
    "MAX_QUERY_WORDS",
    "MIN_DOCUMENTS_FOR_PRUNING",
    "QUOTE_MATCH_CUTOFF",
    "CandidateQuery",
    "QueryTerm",
    "QuoteHit",
    "QuoteQuery",
    "Vocabulary",
    "expand_words",
    "query_words",
    "rerank_score",
    "strict_match_expression",
]

CANDIDATE_LIMIT = 200
"""How many full-text candidates one candidate query returns at most."""

SUGGESTION_CANDIDATE_LIMIT = 60
"""Candidates per query while the user is still typing (autocomplete answers per keystroke)."""

RERANK_LIMIT = 40
"""Candidates scored with the (slow) fuzzy ratios, after a cheap pre-sort by words present."""

QUOTE_MATCH_CUTOFF = 55.0
"""Minimum re-rank score (0-100) for a quote to be shown as a match."""

CONFIDENT_SCORE = 75.0
"""A best match at least this good ends the search; below it the next candidate query runs."""

RANK_BUDGET = 5000
"""bm25 ranks a candidate query only when it is expected to match at most this many quotes:
scoring every match of 'it was the' took 180 ms on 100,000 quotes, index order 0.3 ms."""

MAX_PREFIX_TERMS = 48
"""A word matches as a prefix only when at most this many indexed terms start with it."""

MAX_QUERY_WORDS = 16
MIN_WORD_CHARS = 2
MIN_PREFIX_CHARS = 3
"""Words at least this long also match as prefixes ('compos' finds 'composer')."""

MIN_WORDS_TO_RELAX = 2
"""A one-word query has nothing to relax."""

MAX_NARROWING_WORDS = 2
"""Common words that may narrow a candidate query down: reading the list of quotes holding
'the' took 50 ms per candidate query at a million quotes."""

NEAR_SLACK = 3
"""How many other words may come between the words of a common-words query."""

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

CONTEXT_CREDIT = 0.5
"""A query word found only in the question asked or the film's title counts half..."""

CONTEXT_PENALTY = 5.0
"""...or the question, title and answer are scored as one text, a little below the answer
alone: 'gonyck troureas pleapond' remembers the question's words and the answer's."""

FULL_COVERAGE = 100.0

_WORD = re.compile(r"\w+")


def query_words(text: str) -> list[str]:
    """The distinct searchable words of a user query, in order."""
    words = [w for w in _WORD.findall(fold(text[:MAX_QUERY_CHARS])) if len(w) >= MIN_WORD_CHARS]
    return list(dict.fromkeys(words))[:MAX_QUERY_WORDS]


def _fts_string(term: str) -> str:
    # FTS5 ends a string at a NUL byte ("unterminated string"), so NULs are dropped.
    return '"' + term.replace("\x00", "").replace('"', '""') + '"'


@dataclass(frozen=True, slots=True)
class QueryTerm:
    """A query word, its typo corrections and whether it also matches as a prefix."""

    word: str
    corrections: tuple[str, ...] = ()
    prefix: bool = False
    documents: int = 0
    """About how many quotes hold the word or a stand-in (0: the index cannot match it)."""
    indexed: bool = False
    """Whether the word itself is an indexed term."""

    @property
    def alternatives(self) -> tuple[str, ...]:
        """The FTS5 strings that stand for this word in a candidate query."""
        found: list[str] = []
        if self.prefix:
            found.append(_fts_string(self.word) + "*")
        elif self.indexed:
            found.append(_fts_string(self.word))
        found.extend(_fts_string(c) for c in self.corrections)
        return tuple(dict.fromkeys(found))

    def group(self) -> str:
        """The alternatives as one FTS5 group."""
        return "(" + " OR ".join(self.alternatives) + ")"


def _term(word: str, vocabulary: Vocabulary, *, typing: bool) -> QueryTerm:
    indexed = word in vocabulary
    documents = vocabulary.frequency(word)
    prefix = False
    expansions: list[str] | None = None
    if (len(word) >= MIN_PREFIX_CHARS or typing) and not vocabulary.is_common(word):
        expansions = vocabulary.prefixed(word, MAX_PREFIX_TERMS)
        if expansions:
            prefix = True
            documents = sum(vocabulary.frequency(term) for term in expansions)
    corrections: tuple[str, ...] = ()
    if not indexed:
        corrections = tuple(c for c in vocabulary.corrections(word) if c not in (expansions or ()))
        documents += sum(vocabulary.frequency(c) for c in corrections)
    return QueryTerm(word, corrections, prefix, documents, indexed)


def expand_words(
    words: Sequence[str], vocabulary: Vocabulary, *, typing: bool = False
) -> list[QueryTerm]:
    """Each query word with its stand-ins (with ``typing``, the last word may be unfinished)."""
    return [
        _term(word, vocabulary, typing=typing and number == len(words) - 1)
        for number, word in enumerate(words)
    ]


def _selective(terms: Sequence[QueryTerm], vocabulary: Vocabulary) -> list[QueryTerm]:
    """The words that pick candidates: matchable, and not common unless all of them are."""
    matchable = [term for term in terms if term.alternatives]
    common = vocabulary.common_above
    rare = [t for t in matchable if common is None or t.documents <= common]
    return rare or matchable


def strict_match_expression(terms: Sequence[QueryTerm], vocabulary: Vocabulary) -> str | None:
    """An FTS5 expression requiring every selective word (or a stand-in for it)."""
    groups = [term.group() for term in _selective(terms, vocabulary)]
    return " AND ".join(groups) or None


def _expected_matches(terms: Sequence[QueryTerm], total: int) -> float:
    """Quotes expected to hold every one of ``terms``, taking words as independent."""
    if total <= 0:
        return 0.0
    share = math.prod(min(1.0, term.documents / total) for term in terms)
    return share * total


@dataclass(frozen=True, slots=True)
class CandidateQuery:
    """One full-text query for candidates: an FTS5 expression, ranked by bm25 or not."""

    match: str
    ranked: bool


def _and(terms: Sequence[QueryTerm]) -> str:
    return " AND ".join(term.group() for term in terms)


def _plan(
    terms: Sequence[QueryTerm], vocabulary: Vocabulary, *, typing: bool
) -> tuple[CandidateQuery, ...]:
    matchable = [term for term in terms if term.alternatives]
    if not matchable:
        return ()
    total = vocabulary.documents
    common = vocabulary.common_above
    selective = [t for t in matchable if common is None or t.documents <= common]

    def ranked(groups: Sequence[QueryTerm]) -> bool:
        return _expected_matches(groups, total) <= RANK_BUDGET

    plan: list[CandidateQuery] = []
    if not selective:
        single = all(len(t.alternatives) == 1 for t in matchable)
        if len(matchable) > 1 and single and ranked(matchable) and not typing:
            phrases = " ".join(term.alternatives[0] for term in matchable)
            plan.append(CandidateQuery(f"NEAR({phrases}, {len(matchable) + NEAR_SLACK})", True))
        plan.append(CandidateQuery(_and(matchable), ranked(matchable)))
        return tuple(plan)
    # When the rare words alone match more quotes than are fetched, bm25 would pick among
    # them by length; the common words, too, narrow them down (reading their long lists of
    # quotes is worth it only then).
    # Only the least common of the common words: their lists are read whole, each time.
    commons = sorted((t for t in matchable if t not in selective), key=lambda t: t.documents)
    narrowed = [t for t in matchable if t in selective or t in commons[:MAX_NARROWING_WORDS]]
    if commons and not typing and _expected_matches(selective, total) > CANDIDATE_LIMIT:
        plan.append(CandidateQuery(_and(narrowed), ranked(narrowed)))
    plan.append(CandidateQuery(_and(selective), ranked(selective)))
    if typing:
        return tuple(plan)
    # One word misremembered: every word but one, for each word in turn (common words count
    # when there are too few rare ones to leave one out).
    relaxed = selective if len(selective) > MIN_WORDS_TO_RELAX else narrowed
    if len(relaxed) > MIN_WORDS_TO_RELAX:
        rests = [[t for t in relaxed if t is not skipped] for skipped in relaxed]
        expected = sum(_expected_matches(rest, total) for rest in rests)
        match = " OR ".join("(" + _and(rest) + ")" for rest in rests)
        plan.append(CandidateQuery(match, expected <= RANK_BUDGET))
    if len(selective) >= MIN_WORDS_TO_RELAX:
        plan.append(CandidateQuery(" OR ".join(term.group() for term in selective), True))
    return tuple(dict.fromkeys(plan))


def _covered(term: QueryTerm, tokens: frozenset[str], spaced: str) -> bool:
    """Whether the text has the word, a correction of it, or (``spaced``) a word it begins."""
    if term.word in tokens or any(c in tokens for c in term.corrections):
        return True
    return len(term.word) >= MIN_PREFIX_CHARS and f" {term.word}" in spaced


def _folded_words(text: str) -> list[str]:
    # Most quotes are ASCII (seeds are typography-normalised when parsed); for them folding
    # is just lowercasing, and skipping the Unicode work makes re-ranking ~2x faster.
    return _WORD.findall(text.lower() if text.isascii() else fold(text))


def _coverage(
    terms: Sequence[QueryTerm], tokens: list[str], context: str
) -> tuple[float, str, list[str]]:
    """Share (0-100) of the query words present, those only in ``context`` counting half."""
    folded = " ".join(tokens)
    present, spaced = frozenset(tokens), f" {folded}"
    found = 0.0
    missing: list[QueryTerm] = []
    for term in terms:
        if _covered(term, present, spaced):
            found += 1.0
        else:
            missing.append(term)
    if missing and context:
        around = _folded_words(context)
        around_spaced = " " + " ".join(around)
        around_set = frozenset(around)
        found += CONTEXT_CREDIT * sum(_covered(t, around_set, around_spaced) for t in missing)
    return (100.0 * found / len(terms) if terms else 0.0), folded, tokens


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """A quote that matched a search, with its re-rank score."""

    quote: StoredQuote
    score: float


def rerank_score(
    query: str, text: str, terms: Sequence[QueryTerm] | None = None, context: str = ""
) -> float:
    """How well a quote's text matches a half-remembered line (0-100).

    ``query`` is the folded query words joined by spaces; ``terms`` are those words with
    their corrections (by default, the words of ``query`` without corrections); ``context``
    is what was asked before the quote and the film's title.
    """
    if terms is None:
        terms = [QueryTerm(word) for word in query.split()]
    coverage, folded, _ = _coverage(terms, _folded_words(text), context)
    partial = fuzz.partial_ratio(query, folded)
    overlap = fuzz.token_set_ratio(query, folded)
    return PARTIAL_WEIGHT * partial + OVERLAP_WEIGHT * overlap + COVERAGE_WEIGHT * coverage


def _score(query: str, folded: str, coverage: float) -> float:
    partial = fuzz.partial_ratio(query, folded)
    overlap = fuzz.token_set_ratio(query, folded)
    return PARTIAL_WEIGHT * partial + OVERLAP_WEIGHT * overlap + COVERAGE_WEIGHT * coverage


def _context(quote: StoredQuote) -> str:
    return f"{quote.quote.question or ''} {quote.film.title}"


@dataclass(frozen=True, slots=True)
class QuoteQuery:
    """A half-remembered line, ready to select candidates from the index and rank them."""

    words: tuple[str, ...]
    terms: tuple[QueryTerm, ...]
    candidates: tuple[CandidateQuery, ...]
    """Candidate queries to run in order until one finds a close match."""
    limit: int = CANDIDATE_LIMIT
    """Candidates per candidate query."""

    @classmethod
    def parse(cls, text: str, vocabulary: Vocabulary, *, typing: bool = False) -> QuoteQuery | None:
        """The query for ``text``, or None when it has no word the index could match.

        With ``typing`` (autocomplete) the last word may be unfinished, and fewer candidates
        are asked for, from fewer candidate queries.
        """
        words = query_words(text)
        terms = expand_words(words, vocabulary, typing=typing)
        candidates = _plan(terms, vocabulary, typing=typing)
        if not candidates:
            return None
        limit = SUGGESTION_CANDIDATE_LIMIT if typing else CANDIDATE_LIMIT
        return cls(tuple(words), tuple(terms), candidates, limit)

    @property
    def strict(self) -> str:
        """The candidate query asking for every selective word."""
        return next(c.match for c in self.candidates if not c.match.startswith("NEAR("))

    def rank(self, candidates: Iterable[StoredQuote], speaker: str | None) -> list[QuoteHit]:
        """The candidates (by ``speaker`` if given) close enough to the query, best first.

        Candidates are pre-sorted by the words they hold (cheap); only the best
        `RERANK_LIMIT` get the fuzzy ratios.
        """
        query = " ".join(self.words)
        scored = []
        for order, candidate in enumerate(candidates):
            if speaker is not None and speaker not in candidate.quote.speakers:
                continue
            tokens = _folded_words(candidate.quote.text)
            coverage, folded, _ = _coverage(self.terms, tokens, _context(candidate))
            scored.append((-coverage, order, candidate, folded, coverage))
        scored.sort(key=lambda item: (item[0], item[1]))
        hits = []
        for _, _, candidate, folded, coverage in scored[:RERANK_LIMIT]:
            score = _score(query, folded, coverage)
            if coverage < FULL_COVERAGE:
                # Words from the question asked or the title: score them and the answer as one.
                around = " ".join(_folded_words(_context(candidate)))
                joined, _, _ = _coverage(self.terms, _folded_words(f"{around} {folded}"), "")
                score = max(score, _score(query, f"{around} {folded}", joined) - CONTEXT_PENALTY)
            if score >= QUOTE_MATCH_CUTOFF:
                hits.append(QuoteHit(quote=candidate, score=score))
        hits.sort(key=lambda hit: (-hit.score, hit.quote.id))
        return hits

    def settled(self, hits: Sequence[QuoteHit]) -> bool:
        """Whether the best hit so far is good enough to stop asking for more candidates."""
        return bool(hits) and hits[0].score >= CONFIDENT_SCORE

    def merge(
        self, hits: Sequence[QuoteHit], more: Iterable[StoredQuote], speaker: str | None
    ) -> list[QuoteHit]:
        """``hits`` with the close ones of ``more`` that are not already among them."""
        seen = {hit.quote.id for hit in hits}
        fresh = self.rank((quote for quote in more if quote.id not in seen), speaker)
        return sorted([*hits, *fresh], key=lambda hit: (-hit.score, hit.quote.id))
