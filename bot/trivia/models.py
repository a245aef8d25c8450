"""Typed records of trivia: questions and where they came from."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Question", "QuestionKind"]


class QuestionKind(StrEnum):
    """The family a question belongs to; used for balancing rounds and for review."""

    CREDIT = "credit"
    ACTOR = "actor"
    CHARACTER = "character"
    DESCRIPTION = "description"
    QUOTE = "quote"
    NUMBER = "number"
    CUSTOM = "custom"


@dataclass(frozen=True, slots=True)
class Question:
    """One trivia question; ``answers[0]`` is the canonical answer, the rest are aliases."""

    text: str
    answers: tuple[str, ...]
    choices: tuple[str, ...]
    kind: QuestionKind
    spoiler: bool
    source: str
    film: str
    origin: str = ""
    """Where the fact comes from, in words for players (``an interview in The Outlet``), or ""."""

    @property
    def answer(self) -> str:
        """The canonical answer shown at the reveal."""
        return self.answers[0]
