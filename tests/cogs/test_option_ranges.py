"""Option values outside a command's declared ranges get a clear answer, not an error id."""

from __future__ import annotations

import logging

import pytest

from bot.options import OptionLimit, option_problem
from tests.cogs.conftest import Club


@pytest.mark.parametrize(
    ("path", "options", "expected"),
    [
        ("trivia start", {"questions": 500}, "`questions` must be between 1 and 50 (got 500)."),
        ("trivia start", {"questions": -3}, "`questions` must be between 1 and 50 (got -3)."),
        ("trivia start", {"seconds": 5}, "`seconds` must be between 10 and 120 (got 5)."),
        ("cast", {"query": "x" * 5000}, "`query` can be at most 100 characters (got 5000)."),
        ("cast", {"query": ""}, "`query` needs at least 1 character(s)."),
    ],
)
async def test_out_of_range_options_are_answered_clearly(
    club: Club,
    caplog: pytest.LogCaptureFixture,
    path: str,
    options: dict[str, object],
    expected: str,
) -> None:
    reply = await club.fake.slash(path, options)
    assert reply.ephemeral
    assert reply.content == expected
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert club.bot.get_cog("TriviaCog").rounds.get(club.guild.general.id) is None  # type: ignore[union-attr]


def test_option_problem_accepts_values_within_limits() -> None:
    limits = {"n": OptionLimit("n", 1, 5), "mode": OptionLimit("mode", choices=("a", "b"))}
    assert option_problem(limits, {"n": 5, "mode": "a", "other": 99}) is None
    assert option_problem(limits, {"mode": "c"}) == "`mode` must be one of `a`, `b`."
    assert option_problem(limits, {"n": True}) is None
