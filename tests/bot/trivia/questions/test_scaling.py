"""Question generation grows about linearly with the cast (counted work, not timed)."""

from __future__ import annotations

import pytest

import bot.text
from bot.trivia.questions import generate_questions
from tests.bot.trivia.questions.films import crowded

LINEAR_BOUND = 6.0
"""Work ratio allowed for four times the cast: 4 is linear, 16 would be quadratic."""


def _folds(members: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """Distinct strings folded while generating a film with ``members`` cast members."""
    bot.text.fold.cache_clear()
    assert generate_questions(crowded(members))
    return bot.text.fold.cache_info().misses


def test_generation_work_grows_linearly_with_the_cast(monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = _folds(25, monkeypatch), _folds(100, monkeypatch)
    assert large < LINEAR_BOUND * small, (small, large)
