"""Wrong choices for hand-written questions, so buttons rounds can ask them too.

A list's questions have no wrong choices of their own.  They are drawn from the same list's other
answers of the same kind (years with years, numbers with numbers, names with names, one-letter
symbols with symbols, other text with text), never one the judge would accept for the question.
Years and plain numbers short of candidates are completed with nearby values.  A question still
short of wrong choices keeps none and is asked only in typed rounds.  Order is a hash of the
question text, so a list always gives the same choices.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Final

from bot.models import Question
from bot.text import fold
from bot.trivia.judge import judge
from bot.trivia.questions.choices import CHOICE_COUNT, DISTRACTOR_COUNT
from bot.trivia.questions.common import hash_key
from bot.trivia.questions.numbers import YEAR_OFFSETS

__all__ = [
    "MAX_SYMBOL_CHARS",
    "NUMBER_OFFSETS",
    "YEAR_RANGE",
    "AnswerKind",
    "answer_kind",
    "with_choices",
]

YEAR_RANGE: Final = range(1000, 2200)
"""Four-digit numbers read as years."""

MAX_SYMBOL_CHARS: Final = 2
"""Longest answer read as a symbol or a letter (``C``, ``Fe``, a multiple-choice ``D``)."""

NUMBER_OFFSETS: Final = (-2, -1, 1, 2, 3)
"""Nearby whole numbers offered when a list has too few numbers of its own."""

_NUMBER: Final = re.compile(r"^-?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^-?\d+(?:\.\d+)?$")


class AnswerKind(Enum):
    """What an answer is, for choosing wrong answers like it."""

    YEAR = "year"
    NUMBER = "number"
    SYMBOL = "symbol"
    NAME = "name"
    TEXT = "text"


def answer_kind(answer: str) -> AnswerKind:
    """The kind of an answer, from its shape."""
    text = answer.strip()
    if text.isdigit() and len(text) == len(str(YEAR_RANGE.start)) and int(text) in YEAR_RANGE:
        return AnswerKind.YEAR
    if _NUMBER.match(text):
        return AnswerKind.NUMBER
    if len(text) <= MAX_SYMBOL_CHARS and text.isalpha():
        return AnswerKind.SYMBOL
    words = text.split()
    capitalised = all(word[:1].isupper() or not word[:1].isalpha() for word in words)
    if words and capitalised and any(ch.isalpha() for ch in text):
        return AnswerKind.NAME
    return AnswerKind.TEXT


def _nearby(answer: str, kind: AnswerKind) -> list[str]:
    """Made-up neighbours of a year or a whole number."""
    if kind is AnswerKind.YEAR:
        return [str(int(answer) + offset) for offset in YEAR_OFFSETS]
    if kind is AnswerKind.NUMBER and answer.strip().lstrip("-").isdigit():
        value = int(answer)
        return [str(value + offset) for offset in NUMBER_OFFSETS if value + offset >= 0]
    return []


def _accepted(candidate: str, answers: Sequence[str]) -> bool:
    """Whether the judge (or plain folding) would take ``candidate`` as a right answer."""
    folded = fold(candidate)
    return any(fold(answer) == folded for answer in answers) or judge(candidate, answers).correct


def _choices(question: Question, pool: Iterable[str]) -> tuple[str, ...]:
    """The answer and three wrong choices in hash order, or () when there are too few."""
    kind = answer_kind(question.answer)

    def likeness(item: str) -> tuple[int, int, str]:
        """Closest first: same decimal point or not, then similar word count, then hash."""
        shape = ("." in item) != ("." in question.answer)
        words = abs(len(item.split()) - len(question.answer.split()))
        return (shape, words, hash_key(question.text, item))

    candidates = sorted(
        {fold(item): item for item in pool if answer_kind(item) is kind}.values(), key=likeness
    )
    picked: list[str] = []
    for candidate in (*candidates, *_nearby(question.answer, kind)):
        if len(picked) == DISTRACTOR_COUNT:
            break
        if _accepted(candidate, question.answers) or any(
            fold(candidate) == fold(other) for other in picked
        ):
            continue
        picked.append(candidate)
    if len(picked) < DISTRACTOR_COUNT:
        return ()
    choices = (question.answer, *picked)
    assert len(choices) == CHOICE_COUNT  # noqa: S101 - a local invariant, not input checking
    return tuple(sorted(choices, key=lambda item: hash_key(question.text, item)))


def with_choices(questions: Sequence[Question]) -> tuple[Question, ...]:
    """The questions with wrong choices from each other's answers where enough exist."""
    answers = [question.answer for question in questions]
    return tuple(
        question
        if question.choices
        else dataclasses.replace(question, choices=_choices(question, answers))
        for question in questions
    )
