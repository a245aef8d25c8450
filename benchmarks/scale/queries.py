"""Half-remembered queries made from real quotes of the corpus, each with its accepted answers.

Kinds, in equal shares: a stretch of the quote with typos (including short words with one
wrong letter), with words dropped, with words swapped, with a word cut short, the quote's
opening cut off mid-word, all of these mixed, and words from the question that was asked
(or the film's title) together with a couple of words of the answer.
"""

from __future__ import annotations

import random
import re
import string
from dataclasses import dataclass

from benchmarks.scale.corpus import Remembered

__all__ = ["KINDS", "Query", "make_queries"]

KINDS = ("typo", "dropped", "swapped", "partial", "truncated", "mixed", "asked")
_WORD = re.compile(r"[\w']+")


@dataclass(frozen=True, slots=True)
class Query:
    """What the user types, and the quote texts that count as finding what they meant."""

    text: str
    kind: str
    accepted: tuple[str, ...]


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


def _query(rng: random.Random, kind: str, target: Remembered) -> str:
    words = _words(target.text)
    if kind == "typo":
        return " ".join(_misspell(rng, _window(rng, words, 4, 7), rng.randint(1, 2)))
    if kind == "dropped":
        return " ".join(_drop(rng, _window(rng, words, 6, 9), rng.randint(1, 2)))
    if kind == "swapped":
        return " ".join(_swap(rng, _window(rng, words, 4, 7)))
    if kind == "partial":
        return " ".join(_cut(rng, _window(rng, words, 3, 6)))
    if kind == "truncated":
        opening = target.text[: rng.randint(18, 45)]
        return opening.lower().rstrip()
    if kind == "mixed":
        chosen = _drop(rng, _window(rng, words, 6, 9), 1)
        return " ".join(_cut(rng, _misspell(rng, _swap(rng, chosen), 1)))
    asked = _words(target.question)[rng.randint(2, 4) :]
    remembered = _words(target.film_title) if rng.random() < 0.4 else _window(rng, asked, 2, 4)
    return " ".join([*remembered, *_window(rng, words, 2, 3)])


def make_queries(remembered: list[Remembered], seed: int) -> list[Query]:
    """One query per remembered answer, the kinds taking turns."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    queries = []
    for number, target in enumerate(remembered):
        kind = KINDS[number % len(KINDS)]
        accepted = target.following if kind == "asked" else (target.text,)
        queries.append(Query(text=_query(rng, kind, target), kind=kind, accepted=accepted))
    return queries
