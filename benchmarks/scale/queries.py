"""Half-remembered queries made from real quotes of the corpus, each with its accepted answers.

Kinds, in equal shares: a stretch of the quote with typos (including short words with one
wrong letter), with words dropped, with words swapped, with a word cut short, the quote's
opening cut off mid-word, all of these mixed, and words from the question that was asked
(or the film's title) together with a couple of words of the answer.
"""

from __future__ import annotations

import dataclasses
import random
import re
import string
from collections.abc import Sequence
from dataclasses import dataclass

from benchmarks.scale.corpus import COMMON_WORDS, Remembered

__all__ = ["KINDS", "Query", "accept_every_holder", "make_queries"]

DISTINCTIVE_TRIES = 20
_COMMON = frozenset(COMMON_WORDS)

KINDS = ("typo", "dropped", "swapped", "partial", "truncated", "mixed", "asked")
_WORD = re.compile(r"[\w']+")


@dataclass(frozen=True, slots=True)
class Query:
    """What the user types, and the quote texts that count as finding what they meant."""

    text: str
    kind: str
    accepted: tuple[str, ...]
    window: str = ""
    """The quote's words the query was made from, before any typo: every quote holding
    them in this order is as right an answer (see `accept_every_holder`)."""


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _window(rng: random.Random, words: list[str], low: int, high: int) -> list[str]:
    size = min(len(words), rng.randint(low, high))
    start = rng.randrange(0, len(words) - size + 1)
    return words[start : start + size]


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 3:
        return word
    at = rng.randrange(1, len(word))
    kind = rng.randrange(4)
    letter = rng.choice(string.ascii_lowercase)
    if kind == 0:
        return word[:at] + letter + word[at + 1 :]  # one wrong letter
    if kind == 1 and len(word) >= 5:
        return word[:at] + word[at + 1 :]  # one dropped
    if kind == 2 and at < len(word) - 1:
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]  # two swapped
    return word[:at] + letter + word[at:]  # one extra


def _misspell(rng: random.Random, words: list[str], count: int) -> list[str]:
    words = list(words)
    for at in rng.sample(range(len(words)), min(count, len(words))):
        words[at] = _typo(rng, words[at])
    return words


def _drop(rng: random.Random, words: list[str], count: int) -> list[str]:
    words = list(words)
    for _ in range(min(count, len(words) - 2)):
        words.pop(rng.randrange(1, len(words) - 1))
    return words


def _swap(rng: random.Random, words: list[str]) -> list[str]:
    words = list(words)
    if len(words) >= 2:
        at = rng.randrange(len(words) - 1)
        words[at], words[at + 1] = words[at + 1], words[at]
    if len(words) >= 4 and rng.random() < 0.5:
        rng.shuffle(words)
    return words


def _cut(rng: random.Random, words: list[str]) -> list[str]:
    words = list(words)
    long = [i for i, w in enumerate(words) if len(w) >= 5]
    if long:
        at = rng.choice(long)
        words[at] = words[at][: rng.randint(3, len(words[at]) - 1)]
    return words


def _query(rng: random.Random, kind: str, target: Remembered) -> tuple[str, list[str]]:
    """The query text and the stretch of the quote it was made from."""
    words = _words(target.text)
    if kind == "typo":
        window = _window(rng, words, 4, 7)
        return " ".join(_misspell(rng, window, rng.randint(1, 2))), window
    if kind == "dropped":
        window = _window(rng, words, 6, 9)
        return " ".join(_drop(rng, window, rng.randint(1, 2))), window
    if kind == "swapped":
        window = _window(rng, words, 4, 7)
        return " ".join(_swap(rng, window)), window
    if kind == "partial":
        window = _window(rng, words, 3, 6)
        return " ".join(_cut(rng, window)), window
    if kind == "truncated":
        opening = target.text[: rng.randint(18, 45)].lower().rstrip()
        return opening, _words(opening)[:-1]
    if kind == "mixed":
        window = _window(rng, words, 6, 9)
        chosen = _drop(rng, window, 1)
        return " ".join(_cut(rng, _misspell(rng, _swap(rng, chosen), 1))), window
    # What was asked is remembered by what set it apart: the film's title, or a stretch of the
    # question with a word that is not a common one; likewise the few words of the answer.
    asked = _words(target.question)[rng.randint(2, 4) :]
    remembered = _words(target.film_title) if rng.random() < 0.4 else _distinctive(rng, asked, 2, 4)
    return " ".join([*remembered, *_distinctive(rng, words, 2, 3)]), []


def _distinctive(rng: random.Random, words: list[str], low: int, high: int) -> list[str]:
    """A stretch of ``words`` holding a word outside the common ones, when there is one."""
    window = _window(rng, words, low, high)
    for _ in range(DISTINCTIVE_TRIES):
        if any(word not in _COMMON for word in window):
            break
        window = _window(rng, words, low, high)
    return window


def make_queries(remembered: list[Remembered], seed: int) -> list[Query]:
    """One query per remembered answer, the kinds taking turns."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    queries = []
    for number, target in enumerate(remembered):
        kind = KINDS[number % len(KINDS)]
        accepted = target.following if kind == "asked" else (target.text,)
        text, window = _query(rng, kind, target)
        queries.append(Query(text=text, kind=kind, accepted=accepted, window=" ".join(window)))
    return queries


def accept_every_holder(queries: Sequence[Query], texts: Sequence[str]) -> list[Query]:
    """Each query accepting every quote that holds the words it was made from, in order.

    A stretch of words may recur in other quotes (a phrase, a name): then the query cannot tell
    them apart, and finding any of them is right. Queries for answers the parser did not load
    as quotes (``texts`` are the loaded ones) are dropped.
    """
    spaced = [f" {' '.join(_words(text))} " for text in texts]
    loaded = frozenset(texts)
    result = []
    for query in queries:
        if not any(text in loaded for text in query.accepted):
            continue  # the answer did not parse as a quote: nothing could find it
        if not query.window:
            result.append(query)
            continue
        needle = f" {query.window} "
        holders = [text for text, words in zip(texts, spaced, strict=True) if needle in words]
        accepted = tuple(dict.fromkeys([*query.accepted, *holders]))
        result.append(dataclasses.replace(query, accepted=accepted))
    return result
