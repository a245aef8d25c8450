"""Typed records of trivia: questions, where they came from, and hand-written lists."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["ListSettings", "Question", "QuestionKind", "TriviaList"]


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


@dataclass(frozen=True, slots=True)
class ListSettings:
    """Round settings a list asks for in its ``CONFIG`` (Red's keys, mapped); None: default."""

    seconds: float | None = None
    """Seconds per question (Red's ``delay``)."""
    idle_seconds: float | None = None
    """Stop the round after this long without a correct answer (Red's ``timeout``)."""
    max_score: int | None = None
    """The round ends as soon as someone has this many points (Red's ``max_score``)."""
    reveal_answer: bool = True
    """Show the answer when nobody gets it (Red's ``reveal_answer``)."""
    use_spoilers: bool = False
    """Reveal answers inside spoiler tags (Red's ``use_spoilers``)."""
    spoiler: bool = False
    """Every question is about the plot and hidden unless spoilers are on (this bot's key)."""


@dataclass(frozen=True, slots=True)
class TriviaList:
    """A hand-written list in Red-DiscordBot's format, with what its header says."""

    name: str
    questions: tuple[Question, ...]
    author: str | None = None
    description: str | None = None
    settings: ListSettings = ListSettings()
    warnings: tuple[str, ...] = ()
    """Problems Red tolerates, as ``file:line: message``; the list loads regardless."""
