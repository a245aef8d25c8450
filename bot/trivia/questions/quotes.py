"""Quote questions: who said a short, complete line from an interview about the film.

Wrong choices are other people quoted in the film's documents; a quote with fewer than three
such people is not asked (a coin flip between two directors is no question).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Final

from bot.models import QuestionKind, Quote
from bot.text import fold, normalize_typography
from bot.trivia.questions.choices import DISTRACTOR_COUNT
from bot.trivia.questions.common import (
    MIN_NAME_TOKEN_LENGTH,
    WORD,
    Draft,
    Entity,
    loosely_equal,
    mentions,
)
from bot.trivia.questions.film import SOURCE_SEPARATOR, FilmContext

__all__ = [
    "FRAGMENT_OPENERS",
    "MAX_QUOTE_CHARS",
    "MIN_CONTENT_WORDS",
    "MIN_FIRST_SENTENCE_WORDS",
    "MIN_QUOTE_CHARS",
    "QUOTE_OPENERS",
    "SUBORDINATE_OPENERS",
    "balanced_quotes",
    "excerpt_of",
    "quote_drafts",
]

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

SUBORDINATE_OPENERS: Final = frozenset(
    {
        "after",
        "although",
        "as",
        "before",
        "even",
        "if",
        "once",
        "since",
        "though",
        "unless",
        "until",
        "when",
        "whenever",
        "whereas",
        "while",
    }
)
"""First words of a subordinate clause: the first sentence is complete only with a main clause
after a comma (``When we shot it, ...``); ``Even though actors are comfortable.`` is not."""

FRAGMENT_OPENERS: Final = frozenset({"like", "such", "maybe", "probably", "hopefully", "except"})
"""First words of a sentence that leans on the one before it (``Like with the lead.``)."""

MIN_FIRST_SENTENCE_WORDS: Final = 5
"""Fewest words the quote's first sentence needs to stand on its own."""

MIN_CONTENT_WORDS: Final = 5
"""Fewest distinct content words (``MIN_CONTENT_WORD_CHARS`` letters or more) of a quote."""

MIN_CONTENT_WORD_CHARS: Final = 4
"""Shortest word counted as content when judging whether a quote is distinctive."""

FILLER_WORDS: Final = frozenset(
    {
        "about",
        "actually",
        "also",
        "been",
        "being",
        "could",
        "does",
        "doing",
        "from",
        "have",
        "just",
        "kind",
        "know",
        "like",
        "really",
        "said",
        "some",
        "sort",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "thing",
        "things",
        "think",
        "this",
        "very",
        "were",
        "what",
        "when",
        "where",
        "which",
        "will",
        "with",
        "would",
        "your",
    }
)
"""Long but empty words that do not make a quote distinctive."""

_SENTENCE_END: Final = re.compile(r"(?<=[.!?])\s+(?=[A-Z'\"])")
_OPENING_MARK: Final = re.compile(r"(?<![\w'])'(?=[^\W\d_])")
_CLOSING_MARK: Final = re.compile(r"(?<=[\w.,!?])'(?![\w])")
_ELLIPSIS: Final = ("...", "\u2026")


def balanced_quotes(text: str) -> bool:
    """Whether every quotation opened in ``text`` (``'`` or ``"``) is closed; apostrophes pass."""
    if text.count('"') % 2:
        return False
    return len(_OPENING_MARK.findall(text)) == len(_CLOSING_MARK.findall(text))


def _complete(first: str) -> bool:
    """Whether a quote's first sentence stands on its own (not a clause or an echo)."""
    words = WORD.findall(first)
    if len(words) < MIN_FIRST_SENTENCE_WORDS:
        return False
    opener = fold(words[0])
    if opener in QUOTE_OPENERS or opener in FRAGMENT_OPENERS:
        return False
    return opener not in SUBORDINATE_OPENERS or "," in first


def _distinctive(excerpt: str) -> bool:
    """Whether a quote has enough content words to be told apart from small talk."""
    content = {
        fold(word)
        for word in WORD.findall(excerpt)
        if len(word) >= MIN_CONTENT_WORD_CHARS and fold(word) not in FILLER_WORDS
    }
    return len(content) >= MIN_CONTENT_WORDS


def excerpt_of(text: str) -> str | None:
    """Whole opening sentences of a quote that stand on their own, or None when there are none."""
    text = normalize_typography(text).strip().replace('"', "'")
    if "[" in text or not text[:1].isupper():
        return None
    sentences = _SENTENCE_END.split(text)
    excerpt = ""
    for sentence in sentences:
        candidate = f"{excerpt} {sentence}".strip()
        if len(candidate) > MAX_QUOTE_CHARS:
            break
        excerpt = candidate
    if len(excerpt) < MIN_QUOTE_CHARS or excerpt[-1] not in ".!":
        return None
    if any(mark in excerpt for mark in _ELLIPSIS) or "?" in excerpt:
        return None
    if not (balanced_quotes(excerpt) and _complete(sentences[0]) and _distinctive(excerpt)):
        return None
    return excerpt


def _names_speaker(excerpt: str, speaker: str, answers: Iterable[str]) -> bool:
    """Whether the excerpt names its speaker (any alias or any longer part of the name)."""
    parts = [word for word in WORD.findall(speaker) if len(word) >= MIN_NAME_TOKEN_LENGTH]
    return any(mentions(excerpt, item) for item in (*answers, *parts))


def _other_speakers(ctx: FilmContext, speaker: str, excerpt: str) -> tuple[str, ...]:
    """People quoted in the film's documents who could be offered as wrong choices."""
    return tuple(
        other
        for other in ctx.speakers
        if not loosely_equal(other, speaker, Entity.PERSON) and not mentions(excerpt, other)
    )


def quote_drafts(ctx: FilmContext) -> Iterator[Draft]:
    """``Who said: "..."?`` for complete quotes with one speaker and enough other speakers."""
    film = ctx.record
    quote: Quote
    for quote in film.quotes:
        if len(quote.speakers) != 1:
            continue
        speaker = quote.speakers[0]
        excerpt = excerpt_of(quote.text)
        answers = ctx.person_answers(speaker)
        if excerpt is None or _names_speaker(excerpt, speaker, answers):
            continue
        others = _other_speakers(ctx, speaker, excerpt)
        if len(others) < DISTRACTOR_COUNT:  # a coin flip between two directors is no question
            continue
        yield Draft(
            text=f'In an interview about {film.title}, who said: "{excerpt}"?',
            answers=answers,
            kind=QuestionKind.QUOTE,
            spoiler=quote.spoiler,
            source=f"{quote.source}{SOURCE_SEPARATOR}line {quote.line}",
            entity=Entity.PERSON,
            pools=(others,),
        )
