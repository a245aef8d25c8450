"""Question generation grows about linearly with the cast (counted work, not timed)."""

from __future__ import annotations

import pytest

import bot.text
from bot.trivia.questions import generate_questions
from tests.bot.trivia.questions.films import crowded

LINEAR_BOUND = 6.0
"""Work ratio allowed for four times the cast: 4 is linear, 16 would be quadratic."""


def _folds(members: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """Strings folded from scratch while generating a film with ``members`` cast members."""
    calls = 0
    real = bot.text.strip_diacritics

    def counting(text: str) -> str:
        nonlocal calls
        calls += 1
        return real(text)

    clear = getattr(bot.text.fold, "cache_clear", None)
    if clear is not None:
        clear()
    with monkeypatch.context() as patch:
        patch.setattr(bot.text, "strip_diacritics", counting)
        assert generate_questions(crowded(members))
    return calls


def test_generation_work_grows_linearly_with_the_cast(monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = _folds(25, monkeypatch), _folds(100, monkeypatch)
    assert large < LINEAR_BOUND * small, (small, large)
