from collections.abc import Callable

import pytest

from bot.trivia.scoring import (
    BUTTON_CORRECT_POINTS,
    BUTTON_SPEED_BONUSES,
    TYPED_POINTS_BY_HINTS,
    ScoreLine,
    Tally,
    button_points,
    typed_points,
)


def test_typed_points_shrink_with_each_hint() -> None:
    assert [typed_points(n) for n in range(4)] == [3, 2, 1, 1]
    assert typed_points(0) == TYPED_POINTS_BY_HINTS[0]


def test_button_points_reward_the_fastest() -> None:
    assert [button_points(rank) for rank in range(4)] == [3, 2, 1, 1]
    assert button_points(10) == BUTTON_CORRECT_POINTS
    assert button_points(0) == BUTTON_CORRECT_POINTS + BUTTON_SPEED_BONUSES[0]


@pytest.mark.parametrize("bad", [typed_points, button_points])
def test_negative_inputs_are_rejected(bad: Callable[[int], int]) -> None:
    with pytest.raises(ValueError, match="negative"):
        bad(-1)


def test_ties_share_a_rank_competition_style() -> None:
    tally = Tally()
    for user, points in [(1, 3), (2, 2), (2, 1), (3, 3), (4, 1), (5, 2)]:
        tally.add(user, points)
    board = tally.scoreboard()
    assert board.lines == (
        ScoreLine(rank=1, user_id=2, points=3, correct=2),
        ScoreLine(rank=1, user_id=1, points=3, correct=1),
        ScoreLine(rank=1, user_id=3, points=3, correct=1),
        ScoreLine(rank=4, user_id=5, points=2, correct=1),
        ScoreLine(rank=5, user_id=4, points=1, correct=1),
    )
    assert board.winners == (2, 1, 3)


def test_ordering_within_a_tie_prefers_more_correct_answers_then_user_id() -> None:
    tally = Tally()
    for user, points in [(7, 3), (5, 1), (5, 2), (9, 3), (2, 1), (4, 1)]:
        tally.add(user, points)
    board = tally.scoreboard()
    assert [(line.rank, line.user_id) for line in board.lines] == [
        (1, 5),
        (1, 7),
        (1, 9),
        (4, 2),
        (4, 4),
    ]
    assert board.winners == (5, 7, 9)
    assert board.points_of(9) == 3
    assert board.points_of(12345) == 0
    assert board.as_dict() == {5: 3, 7: 3, 9: 3, 2: 1, 4: 1}


def test_nobody_with_zero_points_wins() -> None:
    tally = Tally()
    tally.add(1, 0)
    assert tally.scoreboard().winners == ()


def test_negative_award_is_rejected() -> None:
    with pytest.raises(ValueError, match="negative"):
        Tally().add(1, -1)


def test_single_winner_and_empty_board() -> None:
    tally = Tally()
    assert tally.scoreboard().lines == ()
    assert tally.scoreboard().winners == ()
    tally.add(1, 2)
    tally.add(2, 1)
    assert tally.scoreboard().winners == (1,)


def test_remove_takes_back_one_answer_and_drops_a_player_at_zero() -> None:
    tally = Tally()
    tally.add(1, 3)
    tally.add(1, 2)
    tally.add(2, 3)
    tally.remove(1, 2)
    assert tally.scoreboard().as_dict() == {1: 3, 2: 3}
    tally.remove(2, 3)
    assert tally.scoreboard().as_dict() == {1: 3}
    with pytest.raises(ValueError, match="no 3-point answer"):
        tally.remove(2, 3)
