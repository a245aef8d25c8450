"""The terms of the quote index: how common each is, prefix expansion and typo correction.

Built once per reseed from the term counts the database stores at seed time; every answer it
gives is deterministic (ties are broken by how common a term is, then alphabetically), so the
same query finds the same quote after every restart.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from itertools import islice

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

__all__ = [
    "COMMON_TERM_SHARE",
    "MAX_CORRECTIONS_PER_WORD",
    "MIN_DOCUMENTS_FOR_PRUNING",
    "SHORT_WORD_CHARS",
    "TERM_CORRECTION_CUTOFF",
    "Vocabulary",
]

COMMON_TERM_SHARE = 0.02
"""A word in more than this share of all quotes is too common to select candidates by."""

MIN_DOCUMENTS_FOR_PRUNING = 1000
"""Below this many quotes no word counts as common (the index is tiny anyway)."""

TERM_CORRECTION_CUTOFF = 75.0
"""How close (fuzz.ratio) an indexed term must be to a misspelt longer word to stand in for it."""

SHORT_WORD_CHARS = 4
"""Words this short are corrected by one edit (one wrong, missing or extra letter, or two
letters swapped: 'teh'): fuzz.ratio rates 'thw' against 'the' at 67, under any cutoff that
keeps long words apart."""

MAX_SHORT_WORD_EDITS = 1
MAX_CORRECTIONS_PER_WORD = 2
_LENGTH_SLACK_SHORT = 1
_LENGTH_SLACK_LONG = 2
_LONG_WORD_CHARS = 7


class Vocabulary:
    """Indexed terms with the number of quotes each appears in."""

    def __init__(self, frequencies: Mapping[str, int], documents: int) -> None:
        self._frequencies = dict(frequencies)
        self._documents = documents
        self._sorted = sorted(self._frequencies)
        self._common_above = (
            COMMON_TERM_SHARE * documents if documents >= MIN_DOCUMENTS_FOR_PRUNING else None
        )
        # A misspelt word keeps its length give or take an edit, and almost always its first
        # or its second letter: buckets by (length, letter at 0) and (length, letter at 1).
        buckets: dict[tuple[int, int, str], list[str]] = {}
        for term in self._sorted:
            for at in (0, 1):
                if len(term) > at:
                    buckets.setdefault((len(term), at, term[at]), []).append(term)
        self._buckets = buckets

    def __contains__(self, term: object) -> bool:
        return term in self._frequencies

    def __len__(self) -> int:
        return len(self._frequencies)

    @property
    def documents(self) -> int:
        """How many quotes the counts were taken over."""
        return self._documents

    def frequency(self, term: str) -> int:
        """How many quotes hold ``term`` (0 if none)."""
        return self._frequencies.get(term, 0)

    def is_common(self, word: str) -> bool:
        """True for a word so frequent that asking the index for it would return a scan."""
        if self._common_above is None:
            return False
        return self._frequencies.get(word, 0) > self._common_above

    @property
    def common_above(self) -> float | None:
        """Quote count above which a term is common (None: the archive is too small to care)."""
        return self._common_above

    def prefixed(self, prefix: str, limit: int) -> list[str] | None:
        """Terms starting with ``prefix`` in alphabetical order, or None if more than ``limit``."""
        start = bisect.bisect_left(self._sorted, prefix)
        found = []
        for term in islice(self._sorted, start, start + limit + 1):
            if not term.startswith(prefix):
                break
            found.append(term)
        return None if len(found) > limit else found

    def corrections(self, word: str) -> list[str]:
        """Indexed terms ``word`` is probably a misspelling of, best first (deterministic)."""
        if not word:
            return []
        short = len(word) <= SHORT_WORD_CHARS
        slack = _LENGTH_SLACK_LONG if len(word) >= _LONG_WORD_CHARS else _LENGTH_SLACK_SHORT
        pool: dict[str, None] = {}
        for length in range(max(1, len(word) - slack), len(word) + slack + 1):
            for at in (0, 1):
                if len(word) > at:
                    pool.update(dict.fromkeys(self._buckets.get((length, at, word[at]), ())))
        pool.pop(word, None)
        if not pool:
            return []
        terms = list(pool)
        scored: list[tuple[float, str]]
        if short:
            edits = process.extract(
                word,
                terms,
                scorer=OSA.distance,
                score_cutoff=MAX_SHORT_WORD_EDITS,
                limit=None,
            )
            scored = [(-float(distance), term) for term, distance, _ in edits]
        else:
            close = process.extract(
                word, terms, scorer=fuzz.ratio, score_cutoff=TERM_CORRECTION_CUTOFF, limit=None
            )
            scored = [(float(score), term) for term, score, _ in close]
        scored.sort(key=lambda item: (-item[0], -self._frequencies[item[1]], item[1]))
        return [term for _, term in scored[:MAX_CORRECTIONS_PER_WORD]]
