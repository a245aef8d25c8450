"""Every fault the loopback can inject, during a typed round and a buttons round.

Each round must go on (or end cleanly), and nobody is awarded twice.
"""

from __future__ import annotations

import asyncio

import pytest

from bot.storage.database import Database
from bot.trivia.engine import REVEAL_PAUSE
from loopback.faults import Fault
from loopback.records import PostedMessage
from tests.cogs.trivia.conftest import TriviaClub, make_questions, text_of

FAULTS = ("429", "500", "slow", "resume", "op7", "reconnect", "twice")
MODES = ("typed", "buttons")
POSTS = r"/channels/\d+/messages$"


async def inject(club: TriviaClub, fault: str, mode: str) -> Fault | None:
    """Plan or cause one fault, right before alice answers question 1."""
    fake = club.fake
    if fault == "429":
        return fake.fault("429", POSTS, method="POST", seconds=0.01)
    if fault == "500":
        return fake.fault("500", POSTS, method="POST")
    if fault == "slow":
        return fake.fault("slow", POSTS, method="POST", seconds=0.2)
    if fault in ("resume", "op7", "reconnect"):
        # Wait for the bot's own "resumed" / "ready", so no event is left half-dispatched.
        event = "ready" if fault == "reconnect" else "resumed"
        back = asyncio.create_task(club.bot.wait_for(event, timeout=fake.timeout))
        if fault == "op7":
            await fake.ask_reconnect()
        else:
            await fake.drop_gateway(resume=fault == "resume")
        await back
        gateway = fake.gateway
        assert (gateway.identifies, gateway.resumes) == ((2, 0) if event == "ready" else (1, 1))
    elif fault == "twice":
        fake.deliver_twice("MESSAGE_CREATE" if mode == "typed" else "INTERACTION_CREATE")
    return None


async def answer_right(club: TriviaClub, mode: str, question: PostedMessage) -> None:
    fake, alice = club.fake, club.fake.user("alice")
    if mode == "typed":
        await fake.message(question_channel(club), "nick urata", author=alice)
    else:
        await fake.click(question, question.custom_ids[0], user=alice)
        await club.advance(30)


def question_channel(club: TriviaClub):
    return club.guild.general


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("fault", FAULTS)
async def test_a_round_survives_the_fault_and_awards_once(
    trivia_club: TriviaClub, fixed_questions, fault: str, mode: str
) -> None:
    fixed_questions(make_questions(2))
    fake, channel = trivia_club.fake, trivia_club.guild.general
    alice, starter = fake.user("alice"), fake.user("starter")
    await fake.slash("trivia start", {"questions": 2, "mode": mode}, user=starter)
    question = await trivia_club.next_message(channel, None, "#1")
    planned = await inject(trivia_club, fault, mode)
    await answer_right(trivia_club, mode, question)
    reveal = await trivia_club.next_message(channel, question, "The answer was")
    assert planned is None or planned.hits == 1  # the reveal's post met the fault
    assert sum(fake.gateway.duplicates.values()) == 0  # a planned double delivery happened
    assert text_of(reveal).count(f"<@{alice.id}> +") == 1
    await trivia_club.advance(REVEAL_PAUSE)
    second = await trivia_club.next_message(channel, reveal, "#2")
    await fake.slash("trivia stop", user=starter)
    ended = await trivia_club.next_message(channel, second, "The round was stopped.")
    assert text_of(ended).count(f"<@{alice.id}>") == 1
    async with await Database.open(trivia_club.settings.database_path) as database:
        board = await database.leaderboard(trivia_club.guild.id, None, 10)
    assert [(e.user_id, e.correct) for e in board] == [(alice.id, 1)]
    assert list(trivia_club.cog.rounds) == []
