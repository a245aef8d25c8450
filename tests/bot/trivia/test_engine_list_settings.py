"""Round settings: max_score ends the round, the idle stop, extra time for spoiler questions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.errors import InvalidRoundError
from bot.trivia.engine import Round
from bot.trivia.events import EndReason, QuestionStarted, RoundEnded, RoundMode
from loopback.clock import FakeClock
from tests.bot.trivia.test_engine import (
    ALICE,
    CHANNEL,
    GUILD,
    LIMIT,
    PAUSE,
    STARTER,
    question,
    stand_in_judge,
)

QUESTIONS = tuple(question(f"Answer {index}") for index in range(6))


def _round(clock: FakeClock, **settings: int | None) -> Round:
    return Round(
        guild_id=GUILD,
        channel_id=CHANNEL,
        starter_id=STARTER,
        questions=QUESTIONS,
        mode=RoundMode.TYPED,
        clock=clock,
        judge=stand_in_judge,
        time_limit=LIMIT,
        pause=PAUSE,
        **settings,  # type: ignore[arg-type]
    )


def test_the_round_ends_when_someone_reaches_max_score() -> None:
    clock = FakeClock(1000.0)
    round_ = _round(clock, max_score=5)
    round_.start()
    first = round_.answer(ALICE, False, "Answer 0")
    assert not any(isinstance(event, RoundEnded) for event in first.events)
    clock.advance(PAUSE)
    round_.tick()
    second = round_.answer(ALICE, False, "Answer 1")
    (ended,) = [event for event in second.events if isinstance(event, RoundEnded)]
    assert ended.reason is EndReason.COMPLETED
    assert ended.scoreboard.points_of(ALICE) >= 5
    assert round_.finished


def test_the_idle_limit_comes_from_the_round() -> None:
    clock = FakeClock(1000.0)
    round_ = _round(clock, idle_limit=1)
    round_.start()
    clock.advance(LIMIT)
    events = round_.tick()
    (ended,) = [event for event in events if isinstance(event, RoundEnded)]
    assert ended.reason is EndReason.IDLE


@pytest.mark.parametrize("settings", [{"max_score": 0}, {"idle_limit": 0}])
def test_bad_settings_are_refused(settings: dict[str, int]) -> None:
    with pytest.raises(InvalidRoundError):
        _round(FakeClock(0.0), **settings)


def test_spoiler_questions_get_extra_time_to_click_them_open() -> None:
    clock = FakeClock(1000.0)
    hidden = replace(question("The twist"), spoiler=True)
    round_ = Round(
        guild_id=GUILD,
        channel_id=CHANNEL,
        starter_id=STARTER,
        questions=(hidden, question("Plain")),
        mode=RoundMode.TYPED,
        clock=clock,
        judge=stand_in_judge,
        time_limit=LIMIT,
        pause=PAUSE,
        spoiler_extra=5.0,
    )
    (started,) = [e for e in round_.start() if isinstance(e, QuestionStarted)]
    assert started.time_limit == LIMIT + 5.0
    clock.advance(LIMIT + 5.0)
    round_.tick()
    clock.advance(PAUSE)
    (plain,) = [e for e in round_.tick() if isinstance(e, QuestionStarted)]
    assert plain.time_limit == LIMIT
