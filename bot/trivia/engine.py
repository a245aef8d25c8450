"""The trivia round engine: synchronous and deterministic, no I/O, time from a clock."""

# A caller (the Discord cog) drives a Round and posts the events every call returns, in order.
# Awarded events must be persisted before they (or the Revealed listing them) are announced.

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Final, Generic, TypeVar

from bot.errors import InvalidChoiceError, InvalidRoundError, RoundAlreadyRunning, RoundStateError
from bot.models import Question
from bot.text import fold
from bot.trivia.clock import Clock
from bot.trivia.events import (
    Awarded,
    ChoiceOutcome,
    ChoiceResult,
    Close,
    EndReason,
    Event,
    GuessOutcome,
    GuessResult,
    HintShown,
    JudgeFn,
    QuestionStarted,
    Revealed,
    RevealReason,
    RoundEnded,
    RoundMode,
    RoundState,
)
from bot.trivia.hints import mask_answer
from bot.trivia.scoring import Scoreboard, Tally, button_points, typed_points

__all__ = [
    "CHOICE_COUNT",
    "DEFAULT_TIME_LIMIT",
    "HINT_FRACTIONS",
    "IDLE_QUESTION_LIMIT",
    "MAX_QUESTIONS",
    "MAX_REVEAL_PAUSE",
    "MAX_SPOILER_EXTRA",
    "MAX_TIME_LIMIT",
    "MIN_QUESTIONS",
    "MIN_TIME_LIMIT",
    "REVEAL_PAUSE",
    "SPOILER_READ_SECONDS",
    "Round",
    "RoundRegistry",
]

MIN_TIME_LIMIT: Final = 10.0
"""Shortest allowed time per question, in seconds."""

MAX_TIME_LIMIT: Final = 120.0
"""Longest allowed time per question, in seconds."""

DEFAULT_TIME_LIMIT: Final = 30.0
"""Time per question when the starter does not choose one, in seconds."""

MIN_QUESTIONS: Final = 1
"""Fewest questions a round may have."""

MAX_QUESTIONS: Final = 50
"""Most questions a round may have."""

HINT_FRACTIONS: Final = (1 / 3, 2 / 3)
"""Typed mode: hints are shown at these fractions of the time limit (hint n uses level n)."""

REVEAL_PAUSE: Final = 5.0
"""Default seconds between a question's reveal and the next question."""

MAX_REVEAL_PAUSE: Final = 60.0
"""Longest allowed pause between a reveal and the next question, in seconds."""

SPOILER_READ_SECONDS: Final = 5.0
"""Extra time a spoiler question gets when its text is hidden behind a click to reveal."""

MAX_SPOILER_EXTRA: Final = 30.0
"""Most extra seconds a round may give spoiler questions."""

IDLE_QUESTION_LIMIT: Final = 3
"""The round stops after this many consecutive questions nobody tried to answer."""

CHOICE_COUNT: Final = 4
"""Buttons mode: number of choices every question must have."""


# --------------------------------------------------------------------------- round


@dataclass(slots=True)
class _Pick:
    """One button click."""

    user_id: int
    choice: int
    at: float


@dataclass(slots=True)
class _Asked:
    """Mutable state of the question being asked."""

    question: Question
    number: int
    started_at: float
    ends_at: float
    correct_choice: int | None
    hints_shown: int = 0
    attempted: bool = False
    picks: dict[int, _Pick] = field(default_factory=dict)


def _correct_choice(question: Question) -> int:
    """Index of the one choice matching an accepted answer; :class:`InvalidRoundError` otherwise."""
    if len(question.choices) != CHOICE_COUNT:
        raise InvalidRoundError(
            f"buttons mode needs {CHOICE_COUNT} choices, {question.text!r} has "
            f"{len(question.choices)}"
        )
    accepted = {fold(answer) for answer in question.answers}
    matches = [index for index, choice in enumerate(question.choices) if fold(choice) in accepted]
    if len(matches) != 1:
        raise InvalidRoundError(
            f"exactly one choice must be correct for {question.text!r}, found {len(matches)}"
        )
    return matches[0]


class Round:
    """One trivia round in one channel; every method returns the events now due, in order."""

    def __init__(
        self,
        *,
        guild_id: int,
        channel_id: int,
        starter_id: int,
        questions: Sequence[Question],
        mode: RoundMode,
        clock: Clock,
        judge: JudgeFn,
        time_limit: float = DEFAULT_TIME_LIMIT,
        pause: float = REVEAL_PAUSE,
        max_score: int | None = None,
        idle_limit: int = IDLE_QUESTION_LIMIT,
        spoiler_extra: float = 0.0,
    ) -> None:
        if not 0 <= spoiler_extra <= MAX_SPOILER_EXTRA:
            raise InvalidRoundError(
                f"spoiler_extra must be 0-{MAX_SPOILER_EXTRA:g} s, got {spoiler_extra:g}"
            )
        if max_score is not None and max_score < 1:
            raise InvalidRoundError(f"max_score must be at least 1, got {max_score}")
        if idle_limit < 1:
            raise InvalidRoundError(f"idle_limit must be at least 1, got {idle_limit}")
        if not MIN_TIME_LIMIT <= time_limit <= MAX_TIME_LIMIT:
            raise InvalidRoundError(
                f"time limit must be {MIN_TIME_LIMIT:g}-{MAX_TIME_LIMIT:g} s, got {time_limit:g}"
            )
        if not MIN_QUESTIONS <= len(questions) <= MAX_QUESTIONS:
            raise InvalidRoundError(
                f"a round has {MIN_QUESTIONS}-{MAX_QUESTIONS} questions, got {len(questions)}"
            )
        if not 0 <= pause <= MAX_REVEAL_PAUSE:
            raise InvalidRoundError(f"pause must be 0-{MAX_REVEAL_PAUSE:g} s, got {pause:g}")
        self.guild_id = guild_id
        self.channel_id = channel_id
        self.starter_id = starter_id
        self.mode = mode
        self.time_limit = float(time_limit)
        self.pause = float(pause)
        self.max_score = max_score
        """The round ends once someone has this many points (a list's ``max_score``)."""
        self.idle_limit = idle_limit
        """The round stops after this many questions in a row nobody tried."""
        self.spoiler_extra = float(spoiler_extra)
        """Extra seconds for a spoiler question whose text is hidden behind a click."""
        self._questions = tuple(questions)
        self._correct_choices: tuple[int | None, ...] = tuple(
            _correct_choice(question) if mode is RoundMode.BUTTONS else None
            for question in self._questions
        )
        self._clock = clock
        self._judge = judge
        self._state = RoundState.NOT_STARTED
        self._asked: _Asked | None = None
        self._next_index = 0
        self._next_at = 0.0
        self._idle_streak = 0
        self._tally = Tally()
        self._end_reason: EndReason | None = None

    # ------------------------------------------------------------------ read-only views

    @property
    def state(self) -> RoundState:
        """Where the round is in its life."""
        return self._state

    @property
    def finished(self) -> bool:
        """Whether the round has ended."""
        return self._state is RoundState.FINISHED

    @property
    def end_reason(self) -> EndReason | None:
        """Why the round ended, or ``None`` while it runs."""
        return self._end_reason

    @property
    def total(self) -> int:
        """Number of questions in the round."""
        return len(self._questions)

    @property
    def current_number(self) -> int | None:
        """1-based number of the question being asked, or ``None`` between questions."""
        return self._asked.number if self._asked else None

    @property
    def current_question(self) -> Question | None:
        """The question being asked, or ``None`` between questions."""
        return self._asked.question if self._asked else None

    def scoreboard(self) -> Scoreboard:
        """The round's scoreboard so far."""
        return self._tally.scoreboard()

    def may_control(self, user_id: int, *, can_manage: bool) -> bool:
        """Whether ``user_id`` may stop or skip: the starter, or anyone who can manage.

        The caller checks this once, before acting: :meth:`skip` and :meth:`stop` trust it.
        """
        return can_manage or user_id == self.starter_id

    def next_due_at(self) -> float | None:
        """Clock time of the next scheduled event (hint, timeout, next question), if any."""
        if self._state is RoundState.INTERMISSION:
            return self._next_at
        if self._asked is None:
            return None
        hints = self._hint_times(self._asked)
        if self._asked.hints_shown < len(hints):
            return hints[self._asked.hints_shown]
        return self._asked.ends_at

    def due_in(self) -> float | None:
        """Seconds until :meth:`next_due_at` (never negative), or ``None`` if nothing is due."""
        due = self.next_due_at()
        return None if due is None else max(0.0, due - self._clock.now())

    # ------------------------------------------------------------------ driving

    def start(self) -> tuple[Event, ...]:
        """Ask the first question."""
        if self._state is not RoundState.NOT_STARTED:
            raise RoundStateError("The round has already started.")
        return (self._ask_next(self._clock.now()),)

    def tick(self) -> tuple[Event, ...]:
        """Events due at the current time (hints, reveal, next question, end); idempotent."""
        return tuple(self._catch_up(self._clock.now()))

    def answer(self, user_id: int, user_is_bot: bool, text: str) -> GuessResult:
        """Judge a typed message; the first correct one takes the question."""
        now = self._clock.now()
        events = self._catch_up(now)
        asked = self._asked
        if user_is_bot or asked is None or self.mode is not RoundMode.TYPED:
            return GuessResult(GuessOutcome.IGNORED, tuple(events))
        asked.attempted = True
        verdict = self._judge(text, asked.question.answers)
        if verdict.correct:
            award = self._award(user_id, typed_points(asked.hints_shown), asked)
            events.append(award)
            events.extend(self._reveal(now, RevealReason.ANSWERED, (award,)))
            events.extend(self._catch_up(now))  # the next question, if there is no pause
            return GuessResult(GuessOutcome.CORRECT, tuple(events))
        if verdict.close:
            events.append(Close(user_id, asked.number))
            return GuessResult(GuessOutcome.CLOSE, tuple(events))
        return GuessResult(GuessOutcome.WRONG, tuple(events))

    def choose(
        self, user_id: int, choice_index: int, question_number: int | None = None
    ) -> ChoiceResult:
        """Record a button click; one per player per question, points are given at the reveal."""
        if not 0 <= choice_index < CHOICE_COUNT:
            raise InvalidChoiceError(f"choice must be 0-{CHOICE_COUNT - 1}, got {choice_index}")
        now = self._clock.now()
        events = tuple(self._catch_up(now))
        if self.mode is not RoundMode.BUTTONS:
            return ChoiceResult(ChoiceOutcome.IGNORED, events)
        asked = self._asked
        if asked is None or (question_number is not None and question_number != asked.number):
            return ChoiceResult(ChoiceOutcome.TOO_LATE, events)
        asked.attempted = True
        if user_id in asked.picks:
            return ChoiceResult(ChoiceOutcome.ALREADY_ANSWERED, events)
        asked.picks[user_id] = _Pick(user_id, choice_index, now)
        return ChoiceResult(ChoiceOutcome.RECORDED, events)

    def skip(self) -> tuple[Event, ...]:
        """Reveal the current question without awards and move on; nothing once the round is over.

        Whether the caller may skip is :meth:`may_control`'s answer, checked by the caller.
        """
        if self._state is RoundState.NOT_STARTED:
            raise RoundStateError("The round has not started yet.")
        now = self._clock.now()
        events = self._catch_up(now)
        if self._state is RoundState.FINISHED:
            return tuple(events)
        if self._asked is not None:
            events.extend(self._reveal(now, RevealReason.SKIPPED, ()))
        if self._state is RoundState.INTERMISSION:
            events.append(self._ask_next(now))
        return tuple(events)

    def stop(self) -> tuple[Event, ...]:
        """End the round now, revealing any open question without awards.

        A round that already ended (it may have, while the stop waited its turn) stays as it
        ended: nothing more is due.  Whether the caller may stop is checked by the caller.
        """
        if self._state is RoundState.FINISHED:
            return ()
        now = self._clock.now()
        events = self._catch_up(now)
        if self.finished:  # the catch-up ended it
            return tuple(events)
        if self._asked is not None:
            events.append(self._close_question(RevealReason.STOPPED, ()))
        events.append(self._finish(EndReason.STOPPED))
        return tuple(events)

    # ------------------------------------------------------------------ internals

    def retract(self, awards: Sequence[Awarded], pending: Sequence[Event]) -> tuple[Event, ...]:
        """Take back awards whose save failed; ``pending`` rewritten to match.

        Every number shown comes from what was committed: the reveal no longer lists these
        winners and any scoreboard still to be posted is the tally without them.
        """
        for award in awards:
            self._tally.remove(award.user_id, award.points)
        lost = {id(award) for award in awards}
        rewritten: list[Event] = []
        for event in pending:
            if isinstance(event, Awarded) and id(event) in lost:
                continue
            if isinstance(event, Revealed):
                kept = tuple(w for w in event.winners if id(w) not in lost)
                event = replace(event, winners=kept)
            elif isinstance(event, RoundEnded):
                event = replace(event, scoreboard=self._tally.scoreboard())
            rewritten.append(event)
        return tuple(rewritten)

    def _hint_times(self, asked: _Asked) -> tuple[float, ...]:
        """Clock times of the hints of ``asked`` (typed mode only)."""
        if self.mode is not RoundMode.TYPED:
            return ()
        limit = asked.ends_at - asked.started_at
        return tuple(asked.started_at + limit * fraction for fraction in HINT_FRACTIONS)

    def _catch_up(self, now: float) -> list[Event]:
        """Emit every hint, timeout and next question due by ``now``."""
        events: list[Event] = []
        while True:
            asked = self._asked
            if asked is not None:
                events.extend(self._due_hints(asked, now))
                if now < asked.ends_at:
                    return events
                awards = self._button_awards(asked)
                events.extend(awards)
                events.extend(self._reveal(now, RevealReason.TIMEOUT, awards))
            elif self._state is RoundState.INTERMISSION and now >= self._next_at:
                events.append(self._ask_next(now))
            else:
                return events

    def _due_hints(self, asked: _Asked, now: float) -> Iterator[HintShown]:
        """Hints of ``asked`` whose time has come and that were not shown yet."""
        for at in self._hint_times(asked)[asked.hints_shown :]:
            if now < at or now >= asked.ends_at:
                return
            asked.hints_shown += 1
            yield HintShown(
                question_number=asked.number,
                level=asked.hints_shown,
                masked=mask_answer(asked.question.answer, asked.hints_shown),
                points=typed_points(asked.hints_shown),
                question=asked.question,
            )

    def _button_awards(self, asked: _Asked) -> tuple[Awarded, ...]:
        """Awards of a timed-out buttons question: every correct pick, fastest first."""
        if asked.correct_choice is None:
            return ()
        correct = sorted(
            (pick for pick in asked.picks.values() if pick.choice == asked.correct_choice),
            key=lambda pick: pick.at,
        )
        return tuple(
            self._award(pick.user_id, button_points(rank), asked)
            for rank, pick in enumerate(correct)
        )

    def _award(self, user_id: int, points: int, asked: _Asked) -> Awarded:
        """Add points to the tally and describe them as an event."""
        self._tally.add(user_id, points)
        return Awarded(
            self.guild_id, self.channel_id, user_id, points, asked.number, asked.question
        )

    def _close_question(self, reason: RevealReason, winners: tuple[Awarded, ...]) -> Revealed:
        """Close the open question and describe its reveal."""
        asked = self._asked
        if asked is None:  # pragma: no cover - guarded by callers
            raise RoundStateError("No question is open.")
        self._asked = None
        counts: tuple[int, ...] = ()
        if self.mode is RoundMode.BUTTONS:
            picked = [pick.choice for pick in asked.picks.values()]
            counts = tuple(picked.count(index) for index in range(len(asked.question.choices)))
        return Revealed(
            question=asked.question,
            number=asked.number,
            total=self.total,
            reason=reason,
            winners=winners,
            correct_choice=asked.correct_choice,
            choice_counts=counts,
        )

    def _reveal(
        self, now: float, reason: RevealReason, winners: tuple[Awarded, ...]
    ) -> list[Event]:
        """Reveal the open question, then end the round or schedule the next question."""
        silent = (
            reason is RevealReason.TIMEOUT and self._asked is not None and not self._asked.attempted
        )
        self._idle_streak = self._idle_streak + 1 if silent else 0
        events: list[Event] = [self._close_question(reason, winners)]
        if self._next_index >= self.total or self._reached_max_score():
            events.append(self._finish(EndReason.COMPLETED))
        elif self._idle_streak >= self.idle_limit:
            events.append(self._finish(EndReason.IDLE))
        else:
            self._state = RoundState.INTERMISSION
            self._next_at = now + self.pause
        return events

    def _reached_max_score(self) -> bool:
        """Whether someone has reached the round's ``max_score``."""
        lines = self._tally.scoreboard().lines
        return self.max_score is not None and bool(lines) and lines[0].points >= self.max_score

    def _ask_next(self, now: float) -> QuestionStarted:
        """Start the next question at ``now``."""
        index = self._next_index
        question = self._questions[index]
        self._next_index += 1
        self._state = RoundState.ASKING
        limit = self.time_limit + (self.spoiler_extra if question.spoiler else 0.0)
        self._asked = _Asked(
            question=question,
            number=index + 1,
            started_at=now,
            ends_at=now + limit,
            correct_choice=self._correct_choices[index],
        )
        return QuestionStarted(
            question=question,
            number=index + 1,
            total=self.total,
            ends_at=now + limit,
            time_limit=limit,
            mode=self.mode,
            points=typed_points(0) if self.mode is RoundMode.TYPED else button_points(0),
        )

    def _finish(self, reason: EndReason) -> RoundEnded:
        """Mark the round over and describe the final scoreboard."""
        self._asked = None
        self._state = RoundState.FINISHED
        self._end_reason = reason
        return RoundEnded(reason, self._tally.scoreboard())


# --------------------------------------------------------------------------- registry

RunnerT = TypeVar("RunnerT")


class RoundRegistry(Generic[RunnerT]):
    """The running rounds, at most one per channel, each kept with whatever runs it.

    The registry owns the clock and the judge every round uses; what runs a round (the cog's
    driver, or the round itself in tests) is built by the ``run`` callback of :meth:`open`
    and stays registered until :meth:`release`.
    """

    def __init__(self, *, clock: Clock, judge: JudgeFn) -> None:
        self._clock = clock
        self._judge = judge
        self._runners: dict[int, RunnerT] = {}

    def open(
        self,
        run: Callable[[Round], RunnerT],
        *,
        guild_id: int,
        channel_id: int,
        starter_id: int,
        questions: Sequence[Question],
        mode: RoundMode,
        time_limit: float = DEFAULT_TIME_LIMIT,
        pause: float = REVEAL_PAUSE,
        max_score: int | None = None,
        idle_limit: int = IDLE_QUESTION_LIMIT,
        spoiler_extra: float = 0.0,
    ) -> RunnerT:
        """Create a round in a free channel and register ``run(round)``; then start it."""
        if channel_id in self._runners:
            raise RoundAlreadyRunning(channel_id)
        runner = run(
            Round(
                guild_id=guild_id,
                channel_id=channel_id,
                starter_id=starter_id,
                questions=questions,
                mode=mode,
                clock=self._clock,
                judge=self._judge,
                time_limit=time_limit,
                pause=pause,
                max_score=max_score,
                idle_limit=idle_limit,
                spoiler_extra=spoiler_extra,
            )
        )
        self._runners[channel_id] = runner
        return runner

    def get(self, channel_id: int) -> RunnerT | None:
        """What runs the round in ``channel_id``, if one is registered."""
        return self._runners.get(channel_id)

    def release(self, channel_id: int, runner: RunnerT) -> None:
        """Free ``channel_id`` if ``runner`` still holds it (its round is over)."""
        if self._runners.get(channel_id) is runner:
            del self._runners[channel_id]

    def __contains__(self, channel_id: object) -> bool:
        """Whether a round is registered for ``channel_id``."""
        return channel_id in self._runners

    def __len__(self) -> int:
        """Number of registered rounds."""
        return len(self._runners)

    def __iter__(self) -> Iterator[RunnerT]:
        """What runs each registered round."""
        return iter(list(self._runners.values()))
