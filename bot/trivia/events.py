"""What the trivia engine speaks in: its modes and outcomes, and the events it emits.

Its errors live in :mod:`bot.errors` with every other domain error.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, TypeAlias

from bot.models import Question
from bot.trivia.scoring import Scoreboard

__all__ = [
    "Awarded",
    "ChoiceOutcome",
    "ChoiceResult",
    "Close",
    "EndReason",
    "Event",
    "GuessOutcome",
    "GuessResult",
    "HintShown",
    "JudgeFn",
    "JudgeResult",
    "QuestionStarted",
    "RevealReason",
    "Revealed",
    "RoundEnded",
    "RoundMode",
    "RoundState",
]


# --------------------------------------------------------------------------- judge


class JudgeResult(Protocol):
    """What the engine needs from a judge's verdict."""

    @property
    def correct(self) -> bool:
        """Whether the guess is accepted."""
        ...

    @property
    def close(self) -> bool:
        """Whether the guess is a near miss worth a quiet "close!"."""
        ...


JudgeFn: TypeAlias = Callable[[str, Sequence[str]], JudgeResult]
"""A judge: ``judge(guess, accepted_answers) -> verdict`` (see ``bot.trivia.judge``)."""


# --------------------------------------------------------------------------- enums


class RoundMode(StrEnum):
    """How players answer."""

    TYPED = "typed"
    BUTTONS = "buttons"


class RoundState(StrEnum):
    """Where a round is in its life."""

    NOT_STARTED = "not_started"
    ASKING = "asking"
    INTERMISSION = "intermission"
    FINISHED = "finished"


class RevealReason(StrEnum):
    """Why a question was revealed."""

    ANSWERED = "answered"
    TIMEOUT = "timeout"
    SKIPPED = "skipped"
    STOPPED = "stopped"


class EndReason(StrEnum):
    """Why a round ended."""

    COMPLETED = "completed"
    IDLE = "idle"
    STOPPED = "stopped"


class GuessOutcome(StrEnum):
    """What happened to a typed message."""

    IGNORED = "ignored"
    WRONG = "wrong"
    CLOSE = "close"
    CORRECT = "correct"


class ChoiceOutcome(StrEnum):
    """What happened to a button click."""

    RECORDED = "recorded"
    ALREADY_ANSWERED = "already_answered"
    TOO_LATE = "too_late"
    IGNORED = "ignored"


# --------------------------------------------------------------------------- events


@dataclass(frozen=True, slots=True)
class QuestionStarted:
    """Post a question; ``ends_at`` is on the engine's clock, ``time_limit`` in seconds."""

    question: Question
    number: int
    total: int
    ends_at: float
    time_limit: float
    mode: RoundMode
    points: int


@dataclass(frozen=True, slots=True)
class HintShown:
    """Post a hint: the masked answer and what a correct answer is worth from now on."""

    question_number: int
    level: int
    masked: str
    points: int
    question: Question


@dataclass(frozen=True, slots=True)
class Awarded:
    """Points won by one player for ``question``; persist this before announcing it."""

    guild_id: int
    channel_id: int
    user_id: int
    points: int
    question_number: int
    question: Question


@dataclass(frozen=True, slots=True)
class Close:
    """A typed guess was nearly right; tell the player quietly."""

    user_id: int
    question_number: int


@dataclass(frozen=True, slots=True)
class Revealed:
    """The question is over: show the answer and the winners (their awards, fastest first)."""

    question: Question
    number: int
    total: int
    reason: RevealReason
    winners: tuple[Awarded, ...]
    correct_choice: int | None
    choice_counts: tuple[int, ...] = ()
    """Buttons mode: how many players picked each choice, in choice order."""


@dataclass(frozen=True, slots=True)
class RoundEnded:
    """The round is over; post the final scoreboard."""

    reason: EndReason
    scoreboard: Scoreboard


Event: TypeAlias = QuestionStarted | HintShown | Awarded | Close | Revealed | RoundEnded
"""Anything the cog has to post or persist."""


@dataclass(frozen=True, slots=True)
class GuessResult:
    """The outcome of a typed message plus the events to post (in order)."""

    outcome: GuessOutcome
    events: tuple[Event, ...] = ()


@dataclass(frozen=True, slots=True)
class ChoiceResult:
    """The outcome of a button click plus the events to post (in order)."""

    outcome: ChoiceOutcome
    events: tuple[Event, ...] = ()
