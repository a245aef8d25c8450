"""Multiple-choice picking and the checks every generated question passes."""

from __future__ import annotations

from typing import Final

from bot.models import Question
from bot.trivia.aliases import unique_folded
from bot.trivia.questions.common import Draft, Entity, hash_key, loosely_equal, mentions, spaced

__all__ = ["CHOICE_COUNT", "DISTRACTOR_COUNT", "is_sound", "pick_choices"]

CHOICE_COUNT: Final = 4
"""Choices of a multiple-choice question: the canonical answer and the distractors."""

DISTRACTOR_COUNT: Final = CHOICE_COUNT - 1
"""Wrong choices a multiple-choice question needs; with fewer, choices are left empty."""


def pick_choices(draft: Draft) -> tuple[str, ...]:
    """The canonical answer and three distractors in hash order, or () if too few exist."""
    answers = draft.answers
    picked: list[str] = []
    for pool in draft.pools:
        for candidate in sorted(unique_folded(pool), key=lambda item: hash_key(draft.text, item)):
            if len(picked) == DISTRACTOR_COUNT:
                break
            if any(loosely_equal(candidate, answer, draft.entity) for answer in answers):
                continue
            if any(spaced(candidate) == spaced(other) for other in picked):
                continue
            if draft.entity is not Entity.NUMBER and mentions(draft.text, candidate):
                continue
            picked.append(candidate)
    if len(picked) < DISTRACTOR_COUNT:
        return ()
    return tuple(sorted((answers[0], *picked), key=lambda item: hash_key(draft.text, item)))


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
