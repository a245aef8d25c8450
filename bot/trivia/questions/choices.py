"""Multiple-choice picking and the checks every generated question passes."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator
from typing import Final

from bot.models import Question
from bot.text import fold
from bot.trivia.aliases import unique_folded
from bot.trivia.questions.common import Draft, Entity, hash_key, loosely_equal, mentions, spaced

__all__ = [
    "CHOICE_COUNT",
    "DISTRACTOR_COUNT",
    "ChoicePicker",
    "is_sound",
    "pick_choices",
]

CHOICE_COUNT: Final = 4
"""Choices of a multiple-choice question: the canonical answer and the distractors."""

DISTRACTOR_COUNT: Final = CHOICE_COUNT - 1
"""Wrong choices a multiple-choice question needs; with fewer, choices are left empty."""


def _walk(seed: str, size: int) -> Iterator[int]:
    """Every index below ``size`` once, in an order fixed by ``seed`` (a stride walk)."""
    if size == 0:
        return
    digest = int(hashlib.sha256(fold(seed).encode()).hexdigest(), 16)
    start, step = digest % size, 1 + (digest >> 64) % size
    while math.gcd(step, size) != 1:
        step += 1
    for offset in range(size):
        yield (start + offset * step) % size


class ChoicePicker:
    """Picks distractors for many drafts, preparing each name pool only once.

    Distractors are visited in a pseudo-random order fixed by the question text, and the walk
    stops at the third one that fits: the cost per question does not grow with the cast.
    """

    def __init__(self) -> None:
        self._pools: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}

    def _prepared(self, pool: tuple[str, ...]) -> tuple[str, ...]:
        held = self._pools.get(id(pool))
        if held is None or held[0] is not pool:
            held = (pool, unique_folded(pool))
            self._pools[id(pool)] = held
        return held[1]

    def pick(self, draft: Draft) -> tuple[str, ...]:
        """The canonical answer and three distractors in hash order, or () if too few exist."""
        answers = draft.answers
        picked: list[str] = []
        taken: set[str] = set()
        for pool in draft.pools:
            candidates = self._prepared(pool)
            for index in _walk(draft.text, len(candidates)):
                if len(picked) == DISTRACTOR_COUNT:
                    break
                candidate = candidates[index]
                key = spaced(candidate)
                if key in taken:
                    continue
                if any(loosely_equal(candidate, answer, draft.entity) for answer in answers):
                    continue
                if draft.entity is not Entity.NUMBER and mentions(draft.text, candidate):
                    continue
                taken.add(key)
                picked.append(candidate)
        if len(picked) < DISTRACTOR_COUNT:
            return ()
        return tuple(sorted((answers[0], *picked), key=lambda item: hash_key(draft.text, item)))


def pick_choices(draft: Draft) -> tuple[str, ...]:
    """The canonical answer and three distractors for one draft (see `ChoicePicker`)."""
    return ChoicePicker().pick(draft)


def is_sound(question: Question) -> bool:
    """The rules every generated question obeys (text, answers and choices)."""
    if not question.answers or any(mentions(question.text, answer) for answer in question.answers):
        return False
    if not question.choices:
        return True
    accepted = {spaced(answer) for answer in question.answers}
    folded = [spaced(choice) for choice in question.choices]
    return (
        len(question.choices) == CHOICE_COUNT
        and len(set(folded)) == CHOICE_COUNT
        and sum(choice in accepted for choice in folded) == 1
        and spaced(question.answer) in folded
    )
