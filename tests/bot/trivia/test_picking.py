"""Tests for picking a round's questions: varied kinds first, fair shares."""

from __future__ import annotations

import random
from collections import Counter
from itertools import pairwise

import pytest

from bot.models import Question, QuestionKind
from bot.trivia.picking import fair_share, pick_round


def _pool(**counts: int) -> list[Question]:
    return [
        Question(
            f"{kind} question {index}?",
            (f"answer {index}",),
            (),
            QuestionKind(kind),
            False,
            "s",
            "f",
        )
        for kind, count in counts.items()
        for index in range(count)
    ]


@pytest.mark.parametrize("seed", range(20))
def test_every_kind_comes_before_a_second_of_any(seed: int) -> None:
    picked = pick_round(_pool(credit=9, quote=9, number=9, actor=9), 10, random.Random(seed))
    assert len(picked) == 10
    assert len({question.kind for question in picked[:4]}) == 4
    assert len({question.kind for question in picked[4:8]}) == 4
    assert max(Counter(question.kind for question in picked).values()) <= fair_share(10, 4)


@pytest.mark.parametrize("seed", range(20))
def test_no_kind_fills_the_round_when_others_run_out(seed: int) -> None:
    picked = pick_round(_pool(credit=2, quote=40), 10, random.Random(seed))
    counts = Counter(question.kind for question in picked)
    assert counts == {QuestionKind.CREDIT: 2, QuestionKind.QUOTE: 5}  # shorter, not all quotes
    kinds = [question.kind for question in picked]
    assert kinds[:4].count(QuestionKind.CREDIT) == 2  # the scarce kind is not left to the end


@pytest.mark.parametrize("seed", range(20))
def test_same_kind_does_not_repeat_across_passes(seed: int) -> None:
    picked = pick_round(_pool(credit=5, quote=5, number=5), 12, random.Random(seed))
    kinds = [question.kind for question in picked]
    assert all(first != second for first, second in pairwise(kinds))


def test_a_single_kind_list_fills_the_round() -> None:
    picked = pick_round(_pool(custom=30), 25, random.Random(1))
    assert len(picked) == 25
    assert len(set(picked)) == 25


def test_small_pool_and_empty_pool() -> None:
    assert len(pick_round(_pool(credit=1, number=1), 10, random.Random(2))) == 2
    assert pick_round([], 10, random.Random(3)) == ()
    assert fair_share(10, 0) == 0
