"""Fuzzy name matching over rapidfuzz, with every threshold named here."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process

from bot.text import fold

__all__ = [
    "MAX_QUERY_CHARS",
    "NAME_MATCH_CUTOFF",
    "TIE_MARGIN",
    "FuzzyIndex",
    "Match",
    "normalize_query",
]

T = TypeVar("T")

MAX_QUERY_CHARS = 200
"""User queries are cut to this length before matching; names are never longer."""

NAME_MATCH_CUTOFF = 80.0
"""Minimum token-sort ratio (0-100) for a name to count as a match: one or two typos pass,
a different surname or first name does not ('jon smiht' ~84 for 'john smith'; 'paul jones'
vs 'paul smith' 40)."""

PREFIX_SCORE = 99.0
"""Score given to a name that starts with the query, so autocomplete favours what is typed."""

TIE_MARGIN = 0.5
"""Matches within this many points of the best are equally good (an ambiguous query)."""

_CANDIDATE_FACTOR = 4
_NON_WORD = re.compile(r"[^\w\s']+")
"""Punctuation, hyphens included, separates words: 'mary jane' finds 'Mary-Jane'."""
_SPACES = re.compile(r"\s+")


def normalize_query(text: str) -> str:
    """Fold a user query for matching: case, accents, punctuation and length."""
    folded = fold(text[:MAX_QUERY_CHARS])
    return _SPACES.sub(" ", _NON_WORD.sub(" ", folded)).strip()


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    """An item that matched a query, with the alias that matched best and its score."""

    item: T
    alias: str
    score: float


class FuzzyIndex(Generic[T]):
    """Items findable by any of their aliases, tolerant of typos and word order."""

    def __init__(self, entries: Iterable[tuple[T, Iterable[str]]]) -> None:
        self._items: list[T] = []
        self._aliases: list[str] = []
        self._folded: list[str] = []
        self._owner: list[int] = []
        for item in entries:
            value, aliases = item
            index = len(self._items)
            self._items.append(value)
            for alias in dict.fromkeys(aliases):
                folded = normalize_query(alias)
                if folded:
                    self._aliases.append(alias)
                    self._folded.append(folded)
                    self._owner.append(index)

    def __len__(self) -> int:
        return len(self._items)

    def search(
        self, query: str, *, limit: int, cutoff: float = NAME_MATCH_CUTOFF, prefix: bool = False
    ) -> list[Match[T]]:
        """Best items for ``query``, one entry per item, best first."""
        wanted = normalize_query(query)
        if not wanted or limit <= 0:
            return []
        scored: dict[int, tuple[float, int]] = {}
        if prefix:
            for position, folded in enumerate(self._folded):
                if folded.startswith(wanted):
                    self._keep(scored, position, PREFIX_SCORE)
        results = process.extract(
            wanted,
            self._folded,
            scorer=fuzz.token_sort_ratio,
            score_cutoff=cutoff,
            limit=limit * _CANDIDATE_FACTOR,
        )
        for _, score, position in results:
            self._keep(scored, position, float(score))
        ranked = sorted(scored.items(), key=lambda pair: (-pair[1][0], pair[0]))
        return [
            Match(item=self._items[owner], alias=self._aliases[position], score=score)
            for owner, (score, position) in ranked[:limit]
        ]

    def _keep(self, scored: dict[int, tuple[float, int]], position: int, score: float) -> None:
        owner = self._owner[position]
        if owner not in scored or scored[owner][0] < score:
            scored[owner] = (score, position)

    def best(self, query: str, *, cutoff: float = NAME_MATCH_CUTOFF) -> Sequence[Match[T]]:
        """The best match and any others tied with it (more than one means ambiguous)."""
        matches = self.search(query, limit=_CANDIDATE_FACTOR, cutoff=cutoff)
        if not matches:
            return []
        top = matches[0].score
        return [m for m in matches if top - m.score <= TIE_MARGIN]
