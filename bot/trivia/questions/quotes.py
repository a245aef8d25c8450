"""Quote questions: who said a short, self-contained line from an interview about the film."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Final

from bot.models import QuestionKind, Quote
from bot.text import fold, normalize_typography
from bot.trivia.questions.common import MIN_NAME_TOKEN_LENGTH, WORD, Draft, Entity, mentions
from bot.trivia.questions.film import FilmContext

__all__ = ["MAX_QUOTE_CHARS", "MIN_QUOTE_CHARS", "QUOTE_OPENERS", "quote_drafts"]

MIN_QUOTE_CHARS: Final = 40
"""Shortest quote excerpt worth asking about, in characters."""

MAX_QUOTE_CHARS: Final = 180
"""Longest quote excerpt shown in a question, in characters."""

QUOTE_OPENERS: Final = frozenset(
    {
        "and",
        "but",
        "so",
        "or",
        "because",
        "yes",
        "yeah",
        "yea",
        "no",
        "well",
        "oh",
        "absolutely",
        "exactly",
        "right",
        "also",
        "then",
        "that",
        "that's",
        "this",
        "it",
        "it's",
        "which",
        "he",
        "she",
        "they",
        "him",
        "her",
        "them",
    }
)
"""First words that make a quote depend on what came before it: such quotes are skipped."""

_SENTENCE_END: Final = re.compile(r"(?<=[.!?])\s+(?=[A-Z'\"])")


def _excerpt(text: str) -> str | None:
    """A short, self-contained opening of a quote, or None when there is none."""
    text = normalize_typography(text).strip().replace('"', "'")
    if "[" in text or not text[:1].isupper():
        return None
    excerpt = ""
    for sentence in _SENTENCE_END.split(text):
        candidate = f"{excerpt} {sentence}".strip()
        if len(candidate) > MAX_QUOTE_CHARS:
            break
        excerpt = candidate
    if len(excerpt) < MIN_QUOTE_CHARS or excerpt.endswith("...") or excerpt[-1] not in ".!?":
        return None
    opener = WORD.match(excerpt)
    if opener is None or fold(opener.group()) in QUOTE_OPENERS:
        return None
    return excerpt


def _names_speaker(excerpt: str, speaker: str, answers: Iterable[str]) -> bool:
    """Whether the excerpt names its speaker (any alias or any longer part of the name)."""
    parts = [word for word in WORD.findall(speaker) if len(word) >= MIN_NAME_TOKEN_LENGTH]
    return any(mentions(excerpt, item) for item in (*answers, *parts))


def quote_drafts(ctx: FilmContext) -> Iterator[Draft]:
    """``Who said: "..."?`` for short, self-contained quotes with a single speaker."""
    film = ctx.record
    quote: Quote
    for quote in film.quotes:
        if len(quote.speakers) != 1:
            continue
        speaker = quote.speakers[0]
        excerpt = _excerpt(quote.text)
        answers = ctx.person_answers(speaker)
        if excerpt is None or _names_speaker(excerpt, speaker, answers):
            continue
        yield Draft(
            text=f'In an interview about {film.title}, who said: "{excerpt}"?',
            answers=answers,
            kind=QuestionKind.QUOTE,
            spoiler=quote.spoiler,
            source=f"{quote.source} § line {quote.line}",
            entity=Entity.PERSON,
            pools=(ctx.speakers, ctx.crew, ctx.actors),
        )
