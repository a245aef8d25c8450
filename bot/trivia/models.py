"""Trivia questions, defined with the other records in `bot.models` (the bottom layer)."""

from __future__ import annotations

from bot.models import Question, QuestionKind

__all__ = ["Question", "QuestionKind"]
