from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

import pytest

from bot.errors import (
    BusyError,
    InvalidChoiceError,
    InvalidRoundError,
    RoundAlreadyRunning,
    RoundStateError,
)
from bot.models import Question, QuestionKind
from bot.trivia.engine import (
    DEFAULT_TIME_LIMIT,
    HINT_FRACTIONS,
    IDLE_QUESTION_LIMIT,
    REVEAL_PAUSE,
    Round,
    RoundRegistry,
)
from bot.trivia.events import (
    Awarded,
    ChoiceOutcome,
    Close,
    EndReason,
    Event,
    GuessOutcome,
    HintShown,
    QuestionStarted,
    Revealed,
    RevealReason,
    RoundEnded,
    RoundMode,
    RoundState,
)
from bot.trivia.scoring import TYPED_POINTS_BY_HINTS, ScoreLine
from loopback.clock import FakeClock

GUILD = 10
CHANNEL = 20
STARTER = 1
ALICE, BOB, CAROL, DAVE = 101, 102, 103, 104
BOT_ID = 999
LIMIT = 30.0
PAUSE = 5.0


@dataclass(frozen=True, slots=True)
class StandInVerdict:
    correct: bool
    close: bool
    matched: str | None = None


def stand_in_judge(guess: str, accepted: Sequence[str]) -> StandInVerdict:
    """Exact (case-insensitive) match is correct; a similar string is close."""
    folded = guess.casefold().strip()
    for answer in accepted:
        if folded == answer.casefold():
            return StandInVerdict(correct=True, close=False, matched=answer)
    for answer in accepted:
        if SequenceMatcher(None, folded, answer.casefold()).ratio() >= 0.8:
            return StandInVerdict(correct=False, close=True)
    return StandInVerdict(correct=False, close=False)


def question(answer: str, *aliases: str, choices: tuple[str, ...] = ()) -> Question:
    return Question(
        text=f"Who or what is {answer}?",
        answers=(answer, *aliases),
        choices=choices,
        kind=QuestionKind.CUSTOM,
        spoiler=False,
        source="test",
        film="Test Film",
    )


TYPED_QUESTIONS = (
    question("Nick Urata"),
    question("Wes Anderson"),
    question("Tilda Swinton"),
)

BUTTON_QUESTIONS = (
    question("Nick Urata", choices=("Hans Zimmer", "Nick Urata", "Jon Brion", "Danny Elfman")),
    question("1917", choices=("1917", "Dunkirk", "Fury", "Jarhead")),
)


def make_round(
    clock: FakeClock,
    *,
    questions: Sequence[Question] = TYPED_QUESTIONS,
    mode: RoundMode = RoundMode.TYPED,
    time_limit: float = LIMIT,
    pause: float = PAUSE,
) -> Round:
    return Round(
        guild_id=GUILD,
        channel_id=CHANNEL,
        starter_id=STARTER,
        questions=questions,
        mode=mode,
        clock=clock,
        judge=stand_in_judge,
        time_limit=time_limit,
        pause=pause,
    )


def kinds(events: Sequence[Event]) -> list[type]:
    return [type(event) for event in events]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(1000.0)


# ---------------------------------------------------------------- typed rounds


def test_full_typed_round_with_three_players(clock: FakeClock) -> None:
    round_ = make_round(clock)
    started = round_.start()
    assert started == (
        QuestionStarted(
            question=TYPED_QUESTIONS[0],
            number=1,
            total=3,
            ends_at=1030.0,
            time_limit=LIMIT,
            mode=RoundMode.TYPED,
            points=3,
        ),
    )

    # Question 1: a near miss, a bot, then Alice before any hint.
    clock.advance(2)
    near = round_.answer(BOB, False, "Nick Urat")
    assert near.outcome is GuessOutcome.CLOSE
    assert near.events == (Close(user_id=BOB, question_number=1),)
    assert round_.answer(CAROL, False, "Hans Zimmer").outcome is GuessOutcome.WRONG
    bot = round_.answer(BOT_ID, True, "Nick Urata")
    assert bot.outcome is GuessOutcome.IGNORED
    assert bot.events == ()
    clock.advance(3)
    won = round_.answer(ALICE, False, "nick urata")
    assert won.outcome is GuessOutcome.CORRECT
    award = Awarded(GUILD, CHANNEL, ALICE, 3, 1, TYPED_QUESTIONS[0])
    assert won.events == (
        award,
        Revealed(TYPED_QUESTIONS[0], 1, 3, RevealReason.ANSWERED, (award,), None),
    )
    assert round_.state is RoundState.INTERMISSION
    assert round_.answer(CAROL, False, "Nick Urata").outcome is GuessOutcome.IGNORED

    # Next question after the pause.
    clock.advance(PAUSE)
    (second,) = round_.tick()
    assert isinstance(second, QuestionStarted)
    assert second.number == 2

    # Question 2: Carol after the first hint.
    clock.advance(LIMIT * HINT_FRACTIONS[0] + 1)
    (hint,) = round_.tick()
    assert hint == HintShown(
        question_number=2, level=1, masked="W** A*******", points=2, question=TYPED_QUESTIONS[1]
    )
    result = round_.answer(CAROL, False, "Wes Anderson")
    assert result.outcome is GuessOutcome.CORRECT
    assert result.events[0] == Awarded(GUILD, CHANNEL, CAROL, 2, 2, TYPED_QUESTIONS[1])

    # Question 3: Bob after both hints; the round completes.
    clock.advance(PAUSE)
    round_.tick()
    clock.advance(LIMIT * HINT_FRACTIONS[1] + 1)
    assert kinds(round_.tick()) == [HintShown, HintShown]
    result = round_.answer(BOB, False, "Tilda Swinton")
    assert result.outcome is GuessOutcome.CORRECT
    assert kinds(result.events) == [Awarded, Revealed, RoundEnded]
    ended = result.events[-1]
    assert isinstance(ended, RoundEnded)
    assert ended.reason is EndReason.COMPLETED
    assert ended.scoreboard.lines == (
        ScoreLine(1, ALICE, 3, 1),
        ScoreLine(2, CAROL, 2, 1),
        ScoreLine(3, BOB, 1, 1),
    )
    assert ended.scoreboard.winners == (ALICE,)
    assert round_.finished
    assert round_.end_reason is EndReason.COMPLETED
    assert round_.tick() == ()
    assert round_.answer(ALICE, False, "Tilda Swinton").outcome is GuessOutcome.IGNORED


def test_first_correct_answer_wins(clock: FakeClock) -> None:
    round_ = make_round(clock)
    round_.start()
    clock.advance(1)
    first = round_.answer(BOB, False, "Nick Urata")
    second = round_.answer(ALICE, False, "Nick Urata")
    assert first.outcome is GuessOutcome.CORRECT
    assert second.outcome is GuessOutcome.IGNORED
    assert second.events == ()
    revealed = first.events[-1]
    assert isinstance(revealed, Revealed)
    assert [award.user_id for award in revealed.winners] == [BOB]
    assert round_.scoreboard().as_dict() == {BOB: 3}


def test_aliases_are_passed_to_the_judge(clock: FakeClock) -> None:
    round_ = make_round(clock, questions=[question("Wes Anderson", "Anderson")])
    round_.start()
    assert round_.answer(ALICE, False, "anderson").outcome is GuessOutcome.CORRECT


def test_hints_appear_at_their_fractions_with_shrinking_points(clock: FakeClock) -> None:
    round_ = make_round(clock)
    round_.start()
    first_hint_at = LIMIT * HINT_FRACTIONS[0]
    second_hint_at = LIMIT * HINT_FRACTIONS[1]

    clock.advance(first_hint_at - 0.01)
    assert round_.tick() == ()
    assert round_.next_due_at() == pytest.approx(1000.0 + first_hint_at)
    clock.advance(0.01)
    first = TYPED_QUESTIONS[0]
    assert round_.tick() == (HintShown(1, 1, "N*** U****", TYPED_POINTS_BY_HINTS[1], first),)
    assert round_.tick() == ()  # idempotent at the same time

    clock.advance(second_hint_at - first_hint_at)
    assert round_.tick() == (HintShown(1, 2, "N**k U**t*", TYPED_POINTS_BY_HINTS[2], first),)
    assert round_.tick() == ()
    assert round_.next_due_at() == pytest.approx(1000.0 + LIMIT)

    clock.advance(1)
    result = round_.answer(ALICE, False, "Nick Urata")
    assert result.events[0] == Awarded(GUILD, CHANNEL, ALICE, TYPED_POINTS_BY_HINTS[2], 1, first)


def test_an_answer_catches_up_on_a_late_tick(clock: FakeClock) -> None:
    round_ = make_round(clock)
    round_.start()
    clock.advance(LIMIT * HINT_FRACTIONS[0] + 1)  # the timer loop has not ticked yet
    result = round_.answer(ALICE, False, "Nick Urata")
    assert kinds(result.events) == [HintShown, Awarded, Revealed]
    assert result.events[1] == Awarded(GUILD, CHANNEL, ALICE, 2, 1, TYPED_QUESTIONS[0])


def test_reveal_on_timeout_then_next_question_after_the_pause(clock: FakeClock) -> None:
    round_ = make_round(clock)
    round_.start()
    clock.advance(5)
    round_.answer(BOB, False, "no idea")
    clock.advance(LIMIT - 5 - 0.5)
    assert kinds(round_.tick()) == [HintShown, HintShown]
    clock.advance(0.5)
    assert round_.tick() == (Revealed(TYPED_QUESTIONS[0], 1, 3, RevealReason.TIMEOUT, (), None),)
    assert round_.tick() == ()
    assert round_.state is RoundState.INTERMISSION
    assert round_.next_due_at() == 1000.0 + LIMIT + PAUSE
    assert round_.answer(ALICE, False, "Nick Urata").outcome is GuessOutcome.IGNORED
    clock.advance(PAUSE)
    (started,) = round_.tick()
    assert isinstance(started, QuestionStarted)
    assert started.number == 2
    assert started.ends_at == 1000.0 + LIMIT + PAUSE + LIMIT


def test_a_very_late_tick_skips_stale_hints_and_reveals(clock: FakeClock) -> None:
    round_ = make_round(clock)
    round_.start()
    clock.advance(LIMIT + 1)
    events = round_.tick()
    assert kinds(events) == [Revealed]


def test_an_answer_at_the_deadline_is_too_late(clock: FakeClock) -> None:
    round_ = make_round(clock)
    round_.start()
    clock.advance(LIMIT)
    result = round_.answer(ALICE, False, "Nick Urata")
    assert result.outcome is GuessOutcome.IGNORED
    assert kinds(result.events) == [Revealed]
    assert round_.scoreboard().lines == ()


def test_no_pause_posts_the_reveal_then_the_next_question(clock: FakeClock) -> None:
    round_ = make_round(clock, pause=0)
    round_.start()
    clock.advance(LIMIT)
    assert kinds(round_.tick()) == [Revealed, QuestionStarted]
    result = round_.answer(ALICE, False, "Wes Anderson")
    assert kinds(result.events) == [Awarded, Revealed, QuestionStarted]


def test_answers_before_start_are_ignored_and_start_only_once(clock: FakeClock) -> None:
    round_ = make_round(clock)
    assert round_.state is RoundState.NOT_STARTED
    assert round_.tick() == ()
    assert round_.next_due_at() is None
    assert round_.answer(ALICE, False, "Nick Urata").outcome is GuessOutcome.IGNORED
    round_.start()
    with pytest.raises(RoundStateError):
        round_.start()


# ---------------------------------------------------------------- buttons rounds


def test_buttons_round_rewards_every_correct_player_fastest_most(clock: FakeClock) -> None:
    round_ = make_round(clock, questions=BUTTON_QUESTIONS, mode=RoundMode.BUTTONS)
    (started,) = round_.start()
    assert isinstance(started, QuestionStarted)
    assert started.points == 3

    clock.advance(2)
    assert round_.choose(ALICE, 1).outcome is ChoiceOutcome.RECORDED
    clock.advance(3)
    assert round_.choose(BOB, 1, question_number=1).outcome is ChoiceOutcome.RECORDED
    clock.advance(1)
    assert round_.choose(CAROL, 0).outcome is ChoiceOutcome.RECORDED
    again = round_.choose(ALICE, 2)
    assert again.outcome is ChoiceOutcome.ALREADY_ANSWERED
    clock.advance(4)
    assert round_.choose(DAVE, 1).outcome is ChoiceOutcome.RECORDED

    # No hints in buttons mode, and typed messages are just chat.
    assert round_.tick() == ()
    assert round_.answer(CAROL, False, "Nick Urata").outcome is GuessOutcome.IGNORED

    clock.advance(LIMIT)
    events = round_.tick()
    asked = BUTTON_QUESTIONS[0]
    awards = (
        Awarded(GUILD, CHANNEL, ALICE, 3, 1, asked),
        Awarded(GUILD, CHANNEL, BOB, 2, 1, asked),
        Awarded(GUILD, CHANNEL, DAVE, 1, 1, asked),
    )
    assert events == (
        *awards,
        Revealed(
            asked, 1, 2, RevealReason.TIMEOUT, awards, correct_choice=1, choice_counts=(1, 3, 0, 0)
        ),
    )
    late = round_.choose(CAROL, 1)
    assert late.outcome is ChoiceOutcome.TOO_LATE

    clock.advance(PAUSE)
    round_.tick()
    stale = round_.choose(CAROL, 0, question_number=1)
    assert stale.outcome is ChoiceOutcome.TOO_LATE
    assert round_.choose(CAROL, 0, question_number=2).outcome is ChoiceOutcome.RECORDED
    assert round_.choose(ALICE, 3).outcome is ChoiceOutcome.RECORDED
    clock.advance(LIMIT)
    events = round_.tick()
    assert kinds(events) == [Awarded, Revealed, RoundEnded]
    ended = events[-1]
    assert isinstance(ended, RoundEnded)
    assert ended.scoreboard.lines == (
        ScoreLine(1, ALICE, 3, 1),
        ScoreLine(1, CAROL, 3, 1),
        ScoreLine(3, BOB, 2, 1),
        ScoreLine(4, DAVE, 1, 1),
    )
    assert ended.scoreboard.winners == (ALICE, CAROL)


def test_buttons_choice_index_must_be_valid(clock: FakeClock) -> None:
    round_ = make_round(clock, questions=BUTTON_QUESTIONS, mode=RoundMode.BUTTONS)
    round_.start()
    with pytest.raises(InvalidChoiceError):
        round_.choose(ALICE, 4)
    with pytest.raises(InvalidChoiceError):
        round_.choose(ALICE, -1)


def test_clicks_are_ignored_in_typed_mode(clock: FakeClock) -> None:
    round_ = make_round(clock)
    round_.start()
    assert round_.choose(ALICE, 0).outcome is ChoiceOutcome.IGNORED


@pytest.mark.parametrize(
    "choices",
    [
        (),
        ("Nick Urata", "Jon Brion", "Danny Elfman"),
        ("Hans Zimmer", "Jon Brion", "Danny Elfman", "Carter Burwell"),
        ("Nick Urata", "nick urata", "Danny Elfman", "Carter Burwell"),
    ],
)
def test_buttons_questions_need_four_choices_with_one_correct(
    clock: FakeClock, choices: tuple[str, ...]
) -> None:
    with pytest.raises(InvalidRoundError):
        make_round(
            clock, questions=[question("Nick Urata", choices=choices)], mode=RoundMode.BUTTONS
        )


# ---------------------------------------------------------------- idle stop


def run_silent_questions(round_: Round, clock: FakeClock, count: int) -> list[Event]:
    events: list[Event] = []
    for _ in range(count):
        clock.advance(LIMIT)
        events.extend(round_.tick())
        clock.advance(PAUSE)
        events.extend(round_.tick())
    return events


def test_typed_round_stops_after_idle_questions(clock: FakeClock) -> None:
    questions = [question(f"Answer {n}") for n in range(IDLE_QUESTION_LIMIT + 3)]
    round_ = make_round(clock, questions=questions)
    round_.start()
    events = run_silent_questions(round_, clock, IDLE_QUESTION_LIMIT)
    assert [type(e) for e in events if not isinstance(e, HintShown)] == [
        *([Revealed, QuestionStarted] * (IDLE_QUESTION_LIMIT - 1)),
        Revealed,
        RoundEnded,
    ]
    ended = events[-1]
    assert isinstance(ended, RoundEnded)
    assert ended.reason is EndReason.IDLE
    assert round_.finished


def test_bot_messages_do_not_count_as_activity(clock: FakeClock) -> None:
    questions = [question(f"Answer {n}") for n in range(IDLE_QUESTION_LIMIT + 2)]
    round_ = make_round(clock, questions=questions)
    round_.start()
    run_silent_questions(round_, clock, IDLE_QUESTION_LIMIT - 1)
    round_.answer(BOT_ID, True, "beep")
    run_silent_questions(round_, clock, 1)
    assert round_.end_reason is EndReason.IDLE


def test_any_human_attempt_resets_the_idle_count(clock: FakeClock) -> None:
    questions = [question(f"Answer {n}") for n in range(2 * IDLE_QUESTION_LIMIT + 2)]
    round_ = make_round(clock, questions=questions)
    round_.start()
    run_silent_questions(round_, clock, IDLE_QUESTION_LIMIT - 1)
    round_.answer(ALICE, False, "no idea")
    run_silent_questions(round_, clock, IDLE_QUESTION_LIMIT)  # this one, then N-1 silent
    assert not round_.finished
    run_silent_questions(round_, clock, 1)
    assert round_.end_reason is EndReason.IDLE


def test_buttons_round_stops_after_questions_without_clicks(clock: FakeClock) -> None:
    questions = [BUTTON_QUESTIONS[n % 2] for n in range(IDLE_QUESTION_LIMIT + 2)]
    round_ = make_round(clock, questions=questions, mode=RoundMode.BUTTONS)
    round_.start()
    round_.choose(ALICE, 0)  # a wrong click is still activity
    run_silent_questions(round_, clock, IDLE_QUESTION_LIMIT)
    assert not round_.finished
    run_silent_questions(round_, clock, 1)
    assert round_.end_reason is EndReason.IDLE


# ---------------------------------------------------------------- stop / skip


def test_starter_can_skip_without_award(clock: FakeClock) -> None:
    round_ = make_round(clock)
    round_.start()
    clock.advance(3)
    events = round_.skip()
    assert kinds(events) == [Revealed, QuestionStarted]
    revealed = events[0]
    assert isinstance(revealed, Revealed)
    assert revealed.reason is RevealReason.SKIPPED
    assert revealed.winners == ()
    assert round_.current_number == 2
    assert round_.scoreboard().lines == ()


def test_skip_during_the_pause_starts_the_next_question(clock: FakeClock) -> None:
    round_ = make_round(clock)
    round_.start()
    round_.answer(ALICE, False, "Nick Urata")
    assert kinds(round_.skip()) == [QuestionStarted]


def test_skipping_the_last_question_ends_the_round(clock: FakeClock) -> None:
    round_ = make_round(clock, questions=TYPED_QUESTIONS[:1])
    round_.start()
    events = round_.skip()
    assert kinds(events) == [Revealed, RoundEnded]


def test_skip_in_buttons_mode_discards_clicks(clock: FakeClock) -> None:
    round_ = make_round(clock, questions=BUTTON_QUESTIONS, mode=RoundMode.BUTTONS)
    round_.start()
    round_.choose(ALICE, 1)
    events = round_.skip()
    assert kinds(events) == [Revealed, QuestionStarted]
    assert round_.scoreboard().lines == ()


def test_manager_can_stop(clock: FakeClock) -> None:
    round_ = make_round(clock)
    round_.start()
    round_.answer(ALICE, False, "Nick Urata")
    clock.advance(PAUSE)
    round_.tick()
    events = round_.stop()
    assert kinds(events) == [Revealed, RoundEnded]
    revealed, ended = events
    assert isinstance(revealed, Revealed)
    assert revealed.reason is RevealReason.STOPPED
    assert isinstance(ended, RoundEnded)
    assert ended.reason is EndReason.STOPPED
    assert ended.scoreboard.as_dict() == {ALICE: 3}
    assert round_.stop() == ()  # a stop that waited its turn finds nothing left to do
    assert round_.skip() == ()
    assert round_.end_reason is EndReason.STOPPED


def test_starter_can_stop_during_the_pause(clock: FakeClock) -> None:
    round_ = make_round(clock)
    round_.start()
    round_.answer(ALICE, False, "Nick Urata")
    assert kinds(round_.stop()) == [RoundEnded]


def test_stop_before_start_ends_the_round(clock: FakeClock) -> None:
    round_ = make_round(clock)
    assert kinds(round_.stop()) == [RoundEnded]
    assert round_.finished


def test_skip_before_start_is_refused(clock: FakeClock) -> None:
    round_ = make_round(clock)
    with pytest.raises(RoundStateError):
        round_.skip()


def test_a_stop_after_the_round_completed_leaves_it_as_it_ended(clock: FakeClock) -> None:
    round_ = make_round(clock, questions=TYPED_QUESTIONS[:1])
    round_.start()
    round_.answer(ALICE, False, "Nick Urata")
    assert round_.stop() == ()
    assert round_.end_reason is EndReason.COMPLETED
    assert round_.scoreboard().as_dict() == {ALICE: 3}


def test_due_in_counts_down_on_the_round_clock(clock: FakeClock) -> None:
    round_ = make_round(clock)
    assert round_.due_in() is None
    round_.start()
    clock.advance(1)
    assert round_.due_in() == pytest.approx(LIMIT * HINT_FRACTIONS[0] - 1)
    clock.advance(LIMIT)
    assert round_.due_in() == 0.0


@pytest.mark.parametrize("action", ["skip", "stop"])
def test_control_after_the_last_timeout_just_reports_the_end(clock: FakeClock, action: str) -> None:
    round_ = make_round(clock, questions=TYPED_QUESTIONS[:1])
    round_.start()
    clock.advance(LIMIT)  # the timer loop has not noticed yet
    events = getattr(round_, action)()
    assert kinds(events) == [Revealed, RoundEnded]
    assert round_.end_reason is EndReason.COMPLETED


def test_current_question_follows_the_round(clock: FakeClock) -> None:
    round_ = make_round(clock)
    assert round_.current_question is None
    round_.start()
    assert round_.current_question == TYPED_QUESTIONS[0]
    assert round_.total == len(TYPED_QUESTIONS)
    round_.answer(ALICE, False, "Nick Urata")
    assert round_.current_question is None
    assert round_.current_number is None


def test_may_control() -> None:
    round_ = make_round(FakeClock())
    assert round_.may_control(STARTER, can_manage=False)
    assert round_.may_control(ALICE, can_manage=True)
    assert not round_.may_control(ALICE, can_manage=False)


# ---------------------------------------------------------------- settings


@pytest.mark.parametrize("time_limit", [9.9, 120.1, 0, -5])
def test_time_limit_bounds(clock: FakeClock, time_limit: float) -> None:
    with pytest.raises(InvalidRoundError):
        make_round(clock, time_limit=time_limit)


@pytest.mark.parametrize("time_limit", [10, 120, DEFAULT_TIME_LIMIT])
def test_time_limit_accepted(clock: FakeClock, time_limit: float) -> None:
    assert make_round(clock, time_limit=time_limit).time_limit == time_limit


def test_round_needs_questions_and_a_sane_pause(clock: FakeClock) -> None:
    with pytest.raises(InvalidRoundError):
        make_round(clock, questions=[])
    with pytest.raises(InvalidRoundError):
        make_round(clock, questions=[TYPED_QUESTIONS[0]] * 51)
    with pytest.raises(InvalidRoundError):
        make_round(clock, pause=-1)
    assert REVEAL_PAUSE >= 0


def test_spoiler_flag_is_carried_along(clock: FakeClock) -> None:
    spoiler = Question(
        text="Who dies?",
        answers=("Everyone",),
        choices=(),
        kind=QuestionKind.CUSTOM,
        spoiler=True,
        source="test",
        film="Test Film",
    )
    round_ = make_round(clock, questions=[spoiler])
    (started,) = round_.start()
    assert isinstance(started, QuestionStarted)
    assert started.question.spoiler
    clock.advance(LIMIT)
    (revealed, _) = round_.tick()
    assert isinstance(revealed, Revealed)
    assert revealed.question.spoiler


# ---------------------------------------------------------------- registry


def make_registry(clock: FakeClock) -> RoundRegistry[Round]:
    return RoundRegistry(clock=clock, judge=stand_in_judge)


def open_round(
    registry: RoundRegistry[Round], channel_id: int, count: int = 1, **settings: float
) -> Round:
    """A round registered as its own runner (the cog registers a driver instead)."""
    return registry.open(
        lambda round_: round_,
        guild_id=GUILD,
        channel_id=channel_id,
        starter_id=STARTER,
        questions=TYPED_QUESTIONS[:count],
        mode=RoundMode.TYPED,
        **settings,
    )


def test_registry_runs_two_channels_independently(clock: FakeClock) -> None:
    registry = make_registry(clock)
    first = open_round(registry, 1, time_limit=LIMIT)
    second = open_round(registry, 2, 2, time_limit=LIMIT * 2)
    first.start()
    second.start()
    assert len(registry) == 2
    assert 1 in registry
    assert 2 in registry

    result = first.answer(BOB, False, "Nick Urata")
    assert kinds(result.events) == [Awarded, Revealed, RoundEnded]
    assert result.events[0] == Awarded(GUILD, 1, BOB, 3, 1, TYPED_QUESTIONS[0])
    assert second.current_number == 1
    assert second.scoreboard().lines == ()
    clock.advance(LIMIT)
    assert kinds(second.tick()) == [HintShown]


def test_registry_refuses_a_second_round_in_a_channel(clock: FakeClock) -> None:
    registry = make_registry(clock)
    running = open_round(registry, CHANNEL, 3)
    running.start()
    with pytest.raises(RoundAlreadyRunning) as error:
        open_round(registry, CHANNEL)
    assert isinstance(error.value, BusyError)
    assert error.value.channel_id == CHANNEL
    assert "/trivia stop" in str(error.value)
    assert registry.get(CHANNEL) is running

    running.stop()
    assert registry.get(CHANNEL) is running  # held until its runner releases it
    registry.release(CHANNEL, running)
    assert CHANNEL not in registry
    replacement = open_round(registry, CHANNEL)
    assert registry.get(CHANNEL) is replacement


def test_registry_release_only_frees_the_runner_s_own_channel(clock: FakeClock) -> None:
    registry = make_registry(clock)
    rounds = [open_round(registry, channel) for channel in (1, 2, 3)]
    registry.release(2, rounds[0])  # not the runner of channel 2
    assert len(registry) == 3
    registry.release(2, rounds[1])
    registry.release(2, rounds[1])
    assert list(registry) == [rounds[0], rounds[2]]
    assert registry.get(2) is None
