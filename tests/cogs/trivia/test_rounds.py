from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

import pytest

from bot.app import create_bot
from bot.storage.database import Database
from bot.trivia.engine import REVEAL_PAUSE
from cogs.trivia._driver import CLOSE_REACTION
from loopback.clock import FakeClock
from loopback.harness import run_bot
from loopback.limits import INTENT_MESSAGE_CONTENT
from loopback.records import LoopbackError, NotVisibleError
from loopback.server import FakeDiscord
from tests.cogs.trivia.conftest import (
    MANAGE_MESSAGES,
    TriviaClub,
    embed_text,
    make_questions,
    text_of,
)


def is_reaction(path: str) -> bool:
    return "/reactions/" in path


async def test_typed_round_three_players_near_miss_and_a_bot(
    trivia_club: TriviaClub, fixed_questions
) -> None:
    fixed_questions(make_questions(2))
    fake, channel = trivia_club.fake, trivia_club.guild.general
    alice, bob, carol = fake.user("alice"), fake.user("bob"), fake.user("carol")
    robot = fake.user("robot", bot=True)

    reply = await fake.slash(
        "trivia start", {"questions": 2, "mode": "typed", "seconds": 10}, user=alice
    )
    assert "2 question(s) · typed · 10 s each" in embed_text(reply.embeds)
    question = await trivia_club.next_message(channel, None, "Who composed the score? #1")

    await fake.message(channel, "nick urata", author=robot)
    await fake.message(channel, "Nick Urrrata", author=bob)
    await fake.wait_for_request(lambda r: is_reaction(r.path))
    await fake.message(channel, "pamela martin", author=carol)
    await fake.message(channel, "i think it's nick urata", author=alice)
    reveal = await trivia_club.next_message(channel, question, "The answer was")
    assert f"<@{alice.id}> +3" in text_of(reveal)
    assert str(robot.id) not in text_of(reveal)
    reactions = [r for r in fake.requests if is_reaction(r.path)]
    assert len(reactions) == 1
    assert reactions[0].path.endswith("/@me")
    assert reactions[0].path.endswith(f"/reactions/{CLOSE_REACTION}/@me")

    await trivia_club.advance(REVEAL_PAUSE)
    second = await trivia_club.next_message(channel, reveal, "Who plays the brother? #2")
    await trivia_club.advance(10 / 3 + 0.01)
    hint = await trivia_club.next_message(channel, second, "Hint:")
    assert "`C**** M******`" in text_of(hint)
    assert "now 2 point(s)" in text_of(hint)
    await fake.message(channel, "messina", author=bob)
    reveal2 = await trivia_club.next_message(channel, hint, "The answer was")
    assert f"<@{bob.id}> +2" in text_of(reveal2)
    await trivia_club.advance(REVEAL_PAUSE)
    end = await trivia_club.next_message(channel, reveal2, "That's the round!")
    assert f"<@{alice.id}>: 3 point(s)" in text_of(end)
    assert f"<@{bob.id}>: 2 point(s)" in text_of(end)

    board = await fake.slash("trivia leaderboard")
    standings = embed_text(board.embeds)
    assert "Season 1 and all time" in standings  # the same standings are shown once
    assert f"**1.** <@{alice.id}> · 3 point(s) · 1 correct · 1 game(s) · 3.0 a game" in standings
    assert f"**2.** <@{bob.id}> · 2 point(s) · 1 correct · 1 game(s) · 2.0 a game" in standings
    for message in fake.channel_messages(channel):
        assert message.allowed_mentions == {"parse": []}


async def test_buttons_round_double_click_and_faster_scores_more(
    trivia_club: TriviaClub, fixed_questions
) -> None:
    fixed_questions(make_questions(1))
    fake, channel = trivia_club.fake, trivia_club.guild.general
    alice, bob, carol = fake.user("alice"), fake.user("bob"), fake.user("carol")
    await fake.slash("trivia start", {"questions": 1, "mode": "buttons"}, user=alice)
    question = await trivia_club.next_message(channel, None, "Who composed the score? #1")
    token = trivia_club.cog.rounds.get(channel.id).token
    assert question.custom_ids == tuple(f"trivia:{token}:1:{i}" for i in range(4))
    assert "**A.** Nick Urata" in text_of(question)

    first = await fake.click(question, question.custom_ids[0], user=bob)
    assert first.ephemeral and "Answer recorded: A" in first.content
    again = await fake.click(question, question.custom_ids[1], user=bob)
    assert again.ephemeral and "already answered" in again.content
    await trivia_club.advance(1)
    await fake.click(question, question.custom_ids[0], user=carol)
    await fake.click(question, question.custom_ids[2], user=alice)

    await trivia_club.advance(30)
    reveal = await trivia_club.next_message(channel, question, "The answer was")
    assert "A. Nick Urata" in text_of(reveal)
    assert text_of(reveal).index(f"<@{bob.id}> +3") < text_of(reveal).index(f"<@{carol.id}> +2")
    assert str(alice.id) not in text_of(reveal)
    closed = fake.store.get_message(question.id)
    assert all(b["disabled"] for row in closed.components for b in row["components"])
    with pytest.raises(LoopbackError, match="disabled"):
        await fake.click(question, question.custom_ids[0], user=alice)


async def test_typed_mode_without_the_intent_falls_back_to_buttons(club) -> None:
    reply = await club.fake.slash("trivia start", {"questions": 1, "mode": "typed"})
    assert "· buttons ·" in embed_text(reply.embeds)
    assert "Message Content intent" in embed_text(reply.embeds)
    await club.fake.slash("trivia stop")


async def test_stop_and_skip_need_the_starter_or_manage_messages(
    trivia_club: TriviaClub, fixed_questions
) -> None:
    fixed_questions(make_questions(3))
    fake, channel = trivia_club.fake, trivia_club.guild.general
    starter, other, moderator = fake.user("starter"), fake.user("other"), fake.user("mod")
    await fake.slash("trivia start", {"questions": 3, "mode": "typed"}, user=starter)
    first = await trivia_club.next_message(channel, None, "#1")

    refused = await fake.slash("trivia skip", user=other)
    assert refused.ephemeral and "Only whoever started" in refused.content
    refused = await fake.slash("trivia stop", user=other)
    assert refused.ephemeral

    await fake.slash("trivia skip", user=starter)
    skipped = await trivia_club.next_message(channel, first, "Skipped. The answer was")
    assert "Nick Urata" in text_of(skipped)
    await trivia_club.advance(REVEAL_PAUSE)
    second = await trivia_club.next_message(channel, skipped, "#2")

    await fake.slash("trivia stop", user=moderator, permissions=MANAGE_MESSAGES)
    ended = await trivia_club.next_message(channel, second, "The round was stopped.")
    assert "No points this time." in text_of(ended)
    missing = await fake.slash("trivia stop", user=starter)
    assert "No trivia round is running" in missing.content


async def test_two_channels_at_once(trivia_club: TriviaClub, fixed_questions) -> None:
    fixed_questions(make_questions(1))
    fake, guild = trivia_club.fake, trivia_club.guild
    one, two = guild.general, fake.add_channel(guild, "second")
    alice, bob = fake.user("alice"), fake.user("bob")
    await fake.slash("trivia start", {"questions": 1, "mode": "typed"}, channel=one, user=alice)
    await fake.slash("trivia start", {"questions": 1, "mode": "typed"}, channel=two, user=bob)
    busy = await fake.slash("trivia start", {"questions": 1}, channel=one, user=bob)
    assert busy.ephemeral and "already running" in busy.content
    q1 = await trivia_club.next_message(one, None, "#1")
    q2 = await trivia_club.next_message(two, None, "#1")
    await fake.message(two, "urata", author=bob)
    reveal2 = await trivia_club.next_message(two, q2, "The answer was")
    assert f"<@{bob.id}> +3" in text_of(reveal2)
    assert not [m for m in fake.channel_messages(one) if "The answer was" in text_of(m)]
    await fake.message(one, "nick urata", author=alice)
    reveal1 = await trivia_club.next_message(one, q1, "The answer was")
    assert f"<@{alice.id}> +3" in text_of(reveal1)


async def test_spoiler_questions_are_tagged_outside_spoiler_channels(
    trivia_club: TriviaClub, fixed_questions
) -> None:
    spoiler_question = make_questions(3)[2:]
    fixed_questions(spoiler_question)
    fake, channel = trivia_club.fake, trivia_club.guild.general
    await fake.slash("trivia start", {"questions": 1, "mode": "typed", "spoilers": True})
    question = await trivia_club.next_message(channel, None, "spoiler")
    assert "||Who walks the dog at the end? #3||" in text_of(question)
    assert "35 s" in text_of(question)  # 30 s plus the time to click the hidden text open
    driver = trivia_club.cog.rounds.get(channel.id)
    assert driver is not None
    assert driver.round.due_in() == pytest.approx(35 / 3)  # first hint, a third of 35 s
    await trivia_club.advance(36)
    reveal = await trivia_club.next_message(channel, question, "The answer was")
    assert "||Calvin Weir-Fields||" in text_of(reveal)


async def test_generated_questions_play_end_to_end(trivia_club: TriviaClub) -> None:
    fake, channel = trivia_club.fake, trivia_club.guild.general
    alice = fake.user("alice")
    await fake.slash("trivia start", {"questions": 1, "mode": "typed"}, user=alice)
    question = await trivia_club.next_message(channel, None, "Question 1/1")
    driver = trivia_club.cog.rounds.get(channel.id)
    assert driver is not None
    current = driver.round.current_question
    assert current is not None and not current.spoiler
    await fake.message(channel, current.answer, author=alice)
    reveal = await trivia_club.next_message(channel, question, "The answer was")
    assert f"<@{alice.id}> +3" in text_of(reveal)


async def test_points_survive_a_restart(club_settings, fixed_questions) -> None:
    fixed_questions(make_questions(2))
    settings = replace(club_settings, message_content=True)
    async with FakeDiscord(privileged_intents=INTENT_MESSAGE_CONTENT) as fake:
        guild = fake.add_guild(name="Film Club")
        alice = fake.user("alice")
        clock = FakeClock()
        bot = create_bot(settings, clock=clock)
        async with run_bot(bot, fake):
            await fake.slash("trivia start", {"questions": 2, "mode": "typed"}, user=alice)
            question = await fake.wait_for_channel_message(
                guild.general, lambda m: "#1" in text_of(m)
            )
            await fake.message(guild.general, "urata", author=alice)
            await fake.wait_for_channel_message(
                guild.general, lambda m: "The answer was" in text_of(m), after=question
            )
        # The bot is gone mid-round (question 2 never asked); the announced point is saved.
        async with await Database.open(settings.database_path) as database:
            board = await database.leaderboard(guild.id, None, 10)
        assert [(e.user_id, e.points) for e in board] == [(alice.id, 3)]

        restarted = create_bot(settings, clock=FakeClock())
        async with run_bot(restarted, fake):
            reply = await fake.slash("trivia leaderboard", guild=guild)
            standings = embed_text(reply.embeds)
            # The round never finished, so it counts no game: no average yet.
            assert f"**1.** <@{alice.id}> · 3 point(s) · 1 correct · 0 game(s) · – a game" in (
                standings
            )


async def test_reset_starts_a_new_season_and_keeps_history(
    trivia_club: TriviaClub, fixed_questions
) -> None:
    fixed_questions(make_questions(1))
    fake, channel = trivia_club.fake, trivia_club.guild.general
    alice = fake.user("alice")
    await fake.slash("trivia start", {"questions": 1, "mode": "typed"}, user=alice)
    question = await trivia_club.next_message(channel, None, "#1")
    await fake.message(channel, "urata", author=alice)
    await trivia_club.next_message(channel, question, "The answer was")
    with pytest.raises(NotVisibleError):  # Discord does not show /club to her
        await fake.slash("club new-season", user=alice)
    reset = await fake.slash("club new-season", user=alice, permissions=1 << 5)
    assert "Season 2" in reset.content
    board = await fake.slash("trivia leaderboard")
    season, all_time = embed_text(board.embeds).split("All time")
    assert "Season 2" in season and "No points yet." in season
    assert f"<@{alice.id}> · 3 point(s)" in all_time


async def test_stop_while_the_last_reveal_is_being_posted_ends_cleanly(
    trivia_club: TriviaClub, fixed_questions
) -> None:
    fixed_questions(make_questions(1))
    fake, channel, bot = trivia_club.fake, trivia_club.guild.general, trivia_club.bot
    alice = fake.user("alice")
    await fake.slash("trivia start", {"questions": 1, "mode": "typed"}, user=alice)
    question = await trivia_club.next_message(channel, None, "#1")

    reveal_arrived, reveal_may_go = asyncio.Event(), asyncio.Event()

    async def hold_the_reveal(body: Any) -> None:
        embeds = (body or {}).get("embeds") or [{}]
        if "The answer was" in str(embeds[0].get("description", "")):
            reveal_arrived.set()
            await reveal_may_go.wait()

    fake.delay("POST", "/channels/{channel_id}/messages", hold_the_reveal)
    stop_completed = asyncio.ensure_future(
        bot.wait_for(
            "app_command_completion",
            check=lambda _, command: command.qualified_name == "trivia stop",
            timeout=fake.timeout,
        )
    )
    await fake.message(channel, "nick urata", author=alice)  # the last answer: the round ends
    await asyncio.wait_for(reveal_arrived.wait(), fake.timeout)

    reply = await fake.slash("trivia stop", user=alice)  # waits behind the reveal being posted
    assert reply.content == "Stopping the round."
    reveal_may_go.set()
    reveal = await trivia_club.next_message(channel, question, "The answer was")
    assert f"<@{alice.id}> +3" in text_of(reveal)
    end = await trivia_club.next_message(channel, reveal, "That's the round!")
    assert f"<@{alice.id}>: 3 point(s)" in text_of(end)
    await stop_completed  # the stop finished without raising (no error reply)

    texts = [text_of(m) for m in fake.channel_messages(channel, include_interactions=True)]
    assert not [text for text in texts if "error id" in text]
    assert texts.count("Stopping the round.") == 1
    assert not [text for text in texts if "The round was stopped." in text]
    assert trivia_club.cog.rounds.get(channel.id) is None
