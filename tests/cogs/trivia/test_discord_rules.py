"""Trivia on a loopback as strict as Discord: each test failed before its defect was fixed."""

from __future__ import annotations

import asyncio

import pytest

from bot.app import create_bot
from bot.formatting import MESSAGE_LIMIT
from cogs.trivia._driver import POST_FAILED
from cogs.trivia._views import ROUND_OVER
from loopback.clock import FakeClock
from loopback.harness import run_bot
from loopback.limits import PERM_SEND_MESSAGES
from loopback.records import NotVisibleError
from loopback.server import FakeDiscord
from tests.cogs.trivia.conftest import TriviaClub, make_questions, text_of

PLAYERS = 80
"""More players than fit in one 2,000-character reveal (about 75 do)."""


async def test_a_reveal_with_80_winners_is_capped_and_the_round_goes_on(
    trivia_club: TriviaClub, fixed_questions
) -> None:
    fixed_questions(make_questions(2))
    fake, channel = trivia_club.fake, trivia_club.guild.general
    await fake.slash("trivia start", {"questions": 2, "mode": "buttons"})
    question = await trivia_club.next_message(channel, None, "#1")
    for number in range(PLAYERS):
        await fake.click(question, question.custom_ids[0], user=fake.user(f"player{number}"))
    await trivia_club.advance(30)
    reveal = await trivia_club.next_message(channel, question, "The answer was")
    text = reveal.embeds[0]["description"]
    assert len(text) <= MESSAGE_LIMIT + 100  # the winners, then a line of picks per choice
    winners = next(line for line in text.splitlines() if line.startswith("<@"))
    shown = winners.count("<@")
    assert winners.endswith(f"and {PLAYERS - shown} more")
    await trivia_club.advance(5)
    await trivia_club.next_message(channel, reveal, "#2")


async def test_trivia_is_not_offered_in_dms_and_admin_actions_are_hidden(club) -> None:
    fake = club.fake
    member = fake.user("member")
    with pytest.raises(NotVisibleError, match="exclude DMs"):
        await fake.slash("trivia start", dm=True, user=member)
    assert "trivia" not in fake.visible_commands(dm=True)
    assert "club" not in fake.visible_commands(user=member)
    with pytest.raises(NotVisibleError):
        await fake.slash("club film", {"film": "ruby-sparks"}, user=member)
    manager = fake.add_role(club.guild, "managers", 1 << 5)
    assert "club" in fake.visible_commands(user=fake.user("boss"), roles=[manager])


async def test_start_refuses_clearly_where_the_bot_cannot_post(club) -> None:
    fake, channel = club.fake, club.guild.general
    fake.set_overwrite(channel, fake.bot_user, deny=PERM_SEND_MESSAGES)
    reply = await fake.slash("trivia start", {"questions": 1})
    assert reply.ephemeral
    assert "Send Messages" in reply.content
    cog = club.bot.get_cog("TriviaCog")
    assert cog is not None and list(cog.rounds) == []


async def test_a_failed_post_ends_the_round_with_a_message(
    trivia_club: TriviaClub, fixed_questions
) -> None:
    fixed_questions(make_questions(2))
    fake, channel = trivia_club.fake, trivia_club.guild.general
    await fake.slash("trivia start", {"questions": 2, "mode": "typed"})
    question = await trivia_club.next_message(channel, None, "#1")
    fake.set_overwrite(channel, fake.bot_user, deny=PERM_SEND_MESSAGES)
    await fake.message(channel, "urata", author=fake.user("alice"))
    reply = await fake.wait_for_channel_message(channel, lambda m: "could not post" in m.content)
    assert reply.source == "followup"  # the channel refuses the bot; the follow-up does not
    assert POST_FAILED.split("(")[0] in reply.content
    assert "Missing Permissions" in reply.content
    await eventually(lambda: not list(trivia_club.cog.rounds))
    assert fake.channel_messages(channel)[-1].id == question.id  # nothing else got through


async def test_old_buttons_are_answered_after_a_restart(club_settings, fixed_questions) -> None:
    fixed_questions(make_questions(2))
    async with FakeDiscord() as fake:
        guild = fake.add_guild()
        first = create_bot(club_settings, clock=FakeClock())
        async with run_bot(first, fake):
            await fake.slash("trivia start", {"questions": 2, "mode": "buttons"})
            question = await fake.wait_for_channel_message(
                guild.general, lambda m: "#1" in text_of(m)
            )
            crash(first)
        restarted = create_bot(club_settings, clock=FakeClock())
        async with run_bot(restarted, fake):
            clicked = await fake.click(question, question.custom_ids[0])
            assert clicked.ephemeral and clicked.content == ROUND_OVER


def crash(bot) -> None:
    """As if the process were killed: rounds vanish without ending, buttons stay enabled."""
    cog = bot.get_cog("TriviaCog")
    for driver in list(cog.rounds):
        driver._task.cancel()
        cog.rounds.release(driver.round.channel_id, driver)


async def test_a_click_is_answered_while_a_post_is_held(
    trivia_club: TriviaClub, fixed_questions
) -> None:
    fixed_questions(make_questions(2))
    fake, channel = trivia_club.fake, trivia_club.guild.general
    await fake.slash("trivia start", {"questions": 2, "mode": "buttons"})
    question = await trivia_club.next_message(channel, None, "#1")
    await fake.click(question, question.custom_ids[0], user=fake.user("alice"))
    # The question closes: the round's next request to the channel (it disables the buttons,
    # then posts the reveal) hangs, like a slow network; the buttons are still live meanwhile.
    held = fake.fault("slow", r"/channels/\d+/messages(/\d+)?$")
    await trivia_club.advance(30)
    await fake.store.wait_until(lambda: held.hits or None, fake.timeout, "the held request")
    try:
        clicked = await fake.click(question, question.custom_ids[1], user=fake.user("bob"))
        assert clicked.ephemeral and "Too late" in clicked.content
    finally:
        held.open()
    await trivia_club.next_message(channel, question, "The answer was")


async def eventually(predicate, timeout: float = 5.0) -> None:
    """Poll bot-side state (which does not notify the fake) until ``predicate`` holds."""
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.005)
