"""Quote lookup: by half-remembered words, by speaker, or at random."""

from __future__ import annotations

import asyncio
import random
import re
from dataclasses import dataclass

from bot.errors import NotFoundError
from bot.formatting import trim
from bot.models import FilmSummary, StoredQuote
from bot.search.fuzzy import FuzzyIndex
from bot.search.quotes import QuoteHit, QuoteQuery, Vocabulary
from bot.services.cache import GenerationCache
from bot.services.cast import name_variants
from bot.services.knowledge import KnowledgeService
from bot.storage.database import Database

__all__ = [
    "MIN_SUBSTANTIAL_CONTENT_WORDS",
    "MIN_SUBSTANTIAL_WORDS",
    "QuoteResult",
    "QuoteService",
    "QuoteSuggestion",
    "is_substantial",
    "quote_choice",
    "quote_choice_id",
    "suggestion_label",
]

MAX_RESULTS = 3
"""Quotes shown for one search: the best and two runners-up."""

SPEAKER_QUOTE_LIMIT = 200
"""Quotes of one speaker fetched to pick from."""

MIN_SUBSTANTIAL_WORDS = 8
"""A quote picked at random has at least this many words (not ``It was brutal.``)."""

MIN_SUBSTANTIAL_CONTENT_WORDS = 4
"""...of which at least this many are longer than ``SHORT_WORD_CHARS`` letters."""

SHORT_WORD_CHARS = 3
"""Words this short (``it``, ``was``, ``no``) say little on their own."""

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def is_substantial(text: str) -> bool:
    """Whether a quote says something on its own: long enough, with enough real words."""
    words = _WORD.findall(text)
    content = [word for word in words if len(word) > SHORT_WORD_CHARS]
    return len(words) >= MIN_SUBSTANTIAL_WORDS and len(content) >= MIN_SUBSTANTIAL_CONTENT_WORDS


MIN_SUGGESTION_CHARS = 3
"""Autocomplete suggests quotes from this many typed characters on."""

SUGGESTION_TEXT_CHARS = 90
"""Characters of a quote shown in an autocomplete suggestion (Discord allows 100)."""

_CHOICE_PREFIX = "#q"
_CHOICE = re.compile(r"^#q(\d{1,18})$")


def quote_choice(quote_id: int) -> str:
    """The autocomplete value that names one quote."""
    return f"{_CHOICE_PREFIX}{quote_id}"


def quote_choice_id(text: str) -> int | None:
    """The quote an autocomplete value names, or None for typed words."""
    match = _CHOICE.match(text.strip())
    return int(match.group(1)) if match else None


def suggestion_label(stored: StoredQuote) -> str:
    """What a suggestion shows: who said what, but never a spoiler's words (no tags there)."""
    speakers = " and ".join(stored.quote.speakers)
    if stored.quote.spoiler:
        return f"{speakers} (spoiler, in {stored.source.label})"
    return trim(f"{speakers}: {stored.quote.text}", SUGGESTION_TEXT_CHARS)


@dataclass(frozen=True, slots=True)
class QuoteSuggestion:
    """One autocomplete choice: what the user sees and what the command receives."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class QuoteResult:
    """Quotes answering one request, best first."""

    quotes: tuple[StoredQuote, ...]
    speaker: str | None


class QuoteService:
    """Finds what the directors and cast said."""

    def __init__(
        self, database: Database, knowledge: KnowledgeService, rng: random.Random | None = None
    ) -> None:
        self._database = database
        self._rng = rng or random.Random()  # noqa: S311 - picking a quote, not a secret
        self._vocabulary = GenerationCache(knowledge, self._build_vocabulary)
        self._speakers = GenerationCache(knowledge, self._build_speakers)
        self._speakers_by_film = GenerationCache(knowledge, database.speakers_by_film)
        knowledge.after_reseed(self.warm)

    async def warm(self) -> None:
        """Build the search vocabulary now (at start and after a reseed), not on a query."""
        await self._vocabulary.get()

    async def _build_vocabulary(self) -> Vocabulary:
        frequencies = await self._database.quote_term_frequencies()
        return Vocabulary(frequencies, await self._database.quote_count())

    async def _build_speakers(self) -> FuzzyIndex[str]:
        speakers = await self._database.speakers()
        return await asyncio.to_thread(
            lambda: FuzzyIndex((name, name_variants(name)) for name in speakers)
        )

    async def resolve_speaker(self, text: str) -> str:
        """The full name of a (misspelt, partial) speaker; raises `NotFoundError`."""
        matches = (await self._speakers.get()).best(text)
        if len(matches) != 1:
            raise NotFoundError("Nobody quoted matches that speaker.")
        return matches[0].item

    async def suggest_speakers(self, text: str, film: FilmSummary | None, limit: int) -> list[str]:
        """Speakers for autocomplete, limited to a film when one is given."""
        by_film = await self._speakers_by_film.get()
        allowed = by_film.get(film.slug, frozenset()) if film else None
        if not text.strip():
            everyone = allowed if allowed is not None else frozenset().union(*by_film.values())
            return sorted(everyone)[:limit]
        index = await self._speakers.get()
        # With a film, every match is ranked first so the film's own speakers are not cut off.
        matches = index.search(text, limit=limit if allowed is None else len(index), prefix=True)
        return [m.item for m in matches if allowed is None or m.item in allowed][:limit]

    async def search(
        self, text: str, film: FilmSummary | None, limit: int, speaker: str | None = None
    ) -> list[QuoteHit]:
        """The quotes best matching half-remembered words, best first; empty if none is close."""
        return await self._search(text, film, limit, speaker, typing=False)

    async def _search(
        self,
        text: str,
        film: FilmSummary | None,
        limit: int,
        speaker: str | None,
        *,
        typing: bool,
    ) -> list[QuoteHit]:
        query = QuoteQuery.parse(text, await self._vocabulary.get(), typing=typing)
        if query is None:
            return []
        slug = film.slug if film else None
        hits: list[QuoteHit] = []
        for candidates in query.candidates:
            found = await self._database.search_quotes(
                candidates.match, slug, query.limit, ranked=candidates.ranked
            )
            hits = query.merge(hits, found, speaker)
            if query.settled(hits):
                break
        return hits[:limit]

    async def suggest_quotes(
        self, text: str, film: FilmSummary | None, limit: int
    ) -> list[QuoteSuggestion]:
        """Quotes for autocomplete as the user types: the value picks exactly that quote."""
        if len(text.strip()) < MIN_SUGGESTION_CHARS or quote_choice_id(text) is not None:
            return []
        hits = await self._search(text, film, limit, None, typing=True)
        return [
            QuoteSuggestion(label=suggestion_label(hit.quote), value=quote_choice(hit.quote.id))
            for hit in hits
        ]

    async def find(
        self, text: str | None, speaker: str | None, film: FilmSummary | None
    ) -> QuoteResult:
        """Quotes matching ``text`` and/or ``speaker``; with neither, one at random.

        ``text`` may be the value of an autocomplete suggestion, which names one quote.
        """
        slug = film.slug if film else None
        name = await self.resolve_speaker(speaker) if speaker and speaker.strip() else None
        chosen_id = quote_choice_id(text or "")
        if chosen_id is not None:
            picked = await self._database.quote(chosen_id)
            if picked is None:
                raise NotFoundError("That quote is no longer loaded: search for it again.")
            return QuoteResult(quotes=(picked,), speaker=name)
        if text and text.strip():
            hits = await self.search(text, film, MAX_RESULTS, speaker=name)
            if not hits:
                raise NotFoundError("No quote matches those words.")
            return QuoteResult(quotes=tuple(hit.quote for hit in hits), speaker=name)
        pool = await self._database.quote_pool(slug, name)
        if not pool:
            raise NotFoundError("No quotes are known for that.")
        chosen = await self._database.quote(self._rng.choice(self._best_tier(pool)))
        if chosen is None:
            raise NotFoundError("That quote is no longer loaded.")
        return QuoteResult(quotes=(chosen,), speaker=name)

    @staticmethod
    def _best_tier(pool: tuple[tuple[int, str, int], ...]) -> list[int]:
        """Ids to pick from: substantial quotes said alone first, then joint, then the rest."""
        tiers: list[list[int]] = [[], [], [], []]
        for quote_id, text, speakers in pool:
            tiers[(0 if is_substantial(text) else 2) + (speakers > 1)].append(quote_id)
        return next(tier for tier in tiers if tier)
