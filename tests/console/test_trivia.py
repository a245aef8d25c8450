"""Trivia in the console: typed answers from two members, buttons clicked by two members."""

from __future__ import annotations

import asyncio
import re

from bot.models import Question
from bot.trivia.judge import judge
from cogs.trivia._driver import CLOSE_REACTION
from tests.console.conftest import Driven


def current(driven: Driven) -> Question:
    rounds = list(driven.session.timer.rounds())
    assert len(rounds) == 1
    question = rounds[0].current_question
    assert question is not None
    return question


def near_miss(question: Question) -> str:
    """A guess the judge calls close but not correct (found, not assumed)."""
    answer = question.answer
    candidates = []
    for step in (1, -1):
        shifted = re.sub(r"\d+", lambda m, s=step: str(int(m.group()) + s), answer, count=1)
        candidates.append(shifted)
    for cut in range(1, len(answer) - 1):
        candidates.append(answer[:cut] + answer[cut + 1 :])
        candidates.append(answer[:cut] + answer[cut + 1 :] + answer[-1] * 2)
    candidates += [answer[: len(answer) // 2 + 1], answer[:-2], answer + "xx"]
    for guess in candidates:
        verdict = judge(guess, question.answers)
        if verdict.close and not verdict.correct:
            return guess
    raise AssertionError(f"no near miss found for {question.answers}")


def wrong(question: Question) -> str:
    guess = "definitely not this one"
    assert not judge(guess, question.answers).correct
    return guess


async def test_typed_round_with_two_members(driven: Driven) -> None:
    out = await driven.run("/trivia start questions: 3 mode: typed seconds: 30")
    assert "3 question(s) · typed · 30 s each" in out
    assert "Question 1/3" in out

    first = current(driven)
    out = await driven.run(
        f"as alice: {wrong(first)}",
        f"as bob: {near_miss(first)}",
        f"as alice: {first.answer}",
    )
    assert f"FilmClub reacted {CLOSE_REACTION} to bob's message" in out
    assert re.search(r"The answer was .+?@alice \+\d", out, flags=re.DOTALL), out
    assert out.count(CLOSE_REACTION) == 1

    out = await driven.run("wait")
    assert "⏱ 5 s later" in out
    assert "Question 2/3" in out
    second = current(driven)
    assert second != first
    out = await driven.run("wait")
    assert "Hint:" in out  # a third of the time limit later

    out = await driven.run(f"as bob: {second.answer}", "wait")
    assert re.search(r"The answer was .+?@bob \+\d", out, flags=re.DOTALL), out
    assert "Question 3/3" in out
    third = current(driven)
    out = await driven.run(f"as alice: {third.answer}")
    assert "That's the round!" in out
    board = out.split("That's the round!", 1)[1]
    assert board.index("@alice") < board.index("@bob")
    assert "2 correct" in board and "1 correct" in board
    assert not list(driven.session.timer.rounds())
    assert driven.session.failures == 0


async def test_buttons_round_with_two_members_clicking(driven: Driven) -> None:
    out = await driven.run("/trivia start questions: 1 mode: buttons")
    assert "[1] A  [2] B  [3] C  [4] D  (click N)" in out
    question = current(driven)
    right = question.choices.index(question.answer) + 1
    other = 1 if right != 1 else 2

    out = await driven.run(f"as alice: click {right}", f"as bob: click {other}", "click 9")
    assert "FilmClub (only alice can see this): Answer recorded:" in out
    assert "FilmClub (only bob can see this): Answer recorded:" in out
    assert "✗ Choose a button from 1 to 4." in out
    out = await driven.run("as alice: click 1")
    assert "FilmClub (only alice can see this): You already answered this question." in out

    out = await driven.run("wait")
    assert "⏱ 30 s later" in out
    pattern = rf"The answer was {'ABCD'[right - 1]}\. .+?@alice \+\d"
    assert re.search(pattern, out, flags=re.DOTALL), out
    reveal = out.split("The answer was", 1)[1].split("╰─", 1)[0]
    assert "@bob" not in reveal.split("Picks:", 1)[0]  # bob picked wrong: no points
    assert "That's the round!" in out
    assert driven.session.failures == 1  # click 9


async def test_unanswered_round_plays_out_at_the_end_of_a_script(driven: Driven) -> None:
    await driven.run("/trivia start questions: 1 mode: typed seconds: 30")
    await driven.session.finish_rounds()
    out = driven.transcript.split("Question 1/1", 1)[1]
    assert out.count("Hint:") == 2
    assert "Nobody got it. The answer was" in out
    assert "That's the round!" in out
    assert driven.session.timer.clock.now() == 30


async def test_wait_for_seconds_steps_through_due_events(driven: Driven) -> None:
    out = await driven.run("wait")
    assert "no trivia round is running; nothing to wait for." in out
    await driven.run("/trivia start questions: 1 mode: typed seconds: 30")
    out = await driven.run("wait 12")
    assert out.count("Hint:") == 1
    assert "⏱ 10 s later" in out and "⏱ 2 s later" in out
    assert driven.session.timer.clock.now() == 12


async def test_an_unanswered_interaction_fails_like_discord_says(
    driven: Driven, monkeypatch
) -> None:
    monkeypatch.setattr("console.session.REPLY_TIMEOUT", 0.2)
    release = asyncio.Event()

    async def hold(body: object) -> None:
        await release.wait()

    fake = driven.session.world.fake
    fake.delay("POST", "/interactions/{interaction_id}/{token}/callback", hold)
    assert await driven.session.run_line("/film list")
    assert "✗ The application did not respond" in driven.transcript
    assert driven.session.failures == 1
    release.set()
    await driven.session.settle()
    late = driven.transcript.split("did not respond", 1)[1]
    assert "Ruby Sparks" in late  # the late answer still shows once it comes
