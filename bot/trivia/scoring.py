"""Points for trivia answers and the ranked scoreboard of a round."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

__all__ = [
    "BUTTON_CORRECT_POINTS",
    "BUTTON_SPEED_BONUSES",
    "TYPED_POINTS_BY_HINTS",
    "ScoreLine",
    "Scoreboard",
    "Tally",
    "button_points",
    "typed_points",
]

TYPED_POINTS_BY_HINTS: Final = (3, 2, 1)
"""Typed mode: points for a correct answer after 0, 1 or 2 hints have been shown."""

BUTTON_CORRECT_POINTS: Final = 1
"""Buttons mode: points every correct player gets."""

BUTTON_SPEED_BONUSES: Final = (2, 1)
"""Buttons mode: extra points for the first, second, ... correct player (by click time)."""


def typed_points(hints_shown: int) -> int:
    """Points a correct typed answer earns after ``hints_shown`` hints."""
    if hints_shown < 0:
        raise ValueError(f"hints_shown must not be negative, got {hints_shown}")
    return TYPED_POINTS_BY_HINTS[min(hints_shown, len(TYPED_POINTS_BY_HINTS) - 1)]


def button_points(correct_rank: int) -> int:
    """Points for the ``correct_rank``-th (0-based) correct button answer of a question."""
    if correct_rank < 0:
        raise ValueError(f"correct_rank must not be negative, got {correct_rank}")
    bonus = BUTTON_SPEED_BONUSES[correct_rank] if correct_rank < len(BUTTON_SPEED_BONUSES) else 0
    return BUTTON_CORRECT_POINTS + bonus


@dataclass(frozen=True, slots=True)
class ScoreLine:
    """One player's line on a scoreboard; tied players share a rank (1, 1, 3)."""

    rank: int
    user_id: int
    points: int
    correct: int


@dataclass(frozen=True, slots=True)
class Scoreboard:
    """The players of a round, best first, ranked by points."""

    lines: tuple[ScoreLine, ...]

    @property
    def winners(self) -> tuple[int, ...]:
        """User ids sharing first place with at least one point; empty if nobody scored."""
        return tuple(line.user_id for line in self.lines if line.rank == 1 and line.points > 0)

    def points_of(self, user_id: int) -> int:
        """Points ``user_id`` scored (0 if they are not on the board)."""
        return next((line.points for line in self.lines if line.user_id == user_id), 0)

    def as_dict(self) -> dict[int, int]:
        """Map of user id to points, in board order."""
        return {line.user_id: line.points for line in self.lines}


class Tally:
    """Running points and correct-answer counts of one round."""

    def __init__(self) -> None:
        self._points: dict[int, int] = {}
        self._correct: dict[int, int] = {}

    def add(self, user_id: int, points: int) -> None:
        """Record one correct answer by ``user_id`` worth ``points``."""
        if points < 0:
            raise ValueError(f"points must not be negative, got {points}")
        self._points[user_id] = self._points.get(user_id, 0) + points
        self._correct[user_id] = self._correct.get(user_id, 0) + 1

    def remove(self, user_id: int, points: int) -> None:
        """Take back one correct answer worth ``points`` (its save failed)."""
        left = self._correct.get(user_id, 0) - 1
        if left < 0 or self._points[user_id] < points:
            raise ValueError(f"user {user_id} has no {points}-point answer to take back")
        if left == 0:
            del self._points[user_id], self._correct[user_id]
            return
        self._points[user_id] -= points
        self._correct[user_id] = left

    def scoreboard(self) -> Scoreboard:
        """The ranked board: points descending, then correct answers, then user id."""
        order = sorted(
            self._points, key=lambda user: (-self._points[user], -self._correct[user], user)
        )
        lines: list[ScoreLine] = []
        for position, user_id in enumerate(order, start=1):
            points = self._points[user_id]
            tied = lines and lines[-1].points == points
            rank = lines[-1].rank if tied else position
            lines.append(ScoreLine(rank, user_id, points, self._correct[user_id]))
        return Scoreboard(tuple(lines))
