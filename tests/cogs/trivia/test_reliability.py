"""Rounds never leave a channel stuck, and every number shown is one that was saved."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import Callable
from typing import Any

import discord
import pytest
from aiohttp import web

from bot.storage.database import Database
from bot.trivia.engine import REVEAL_PAUSE, Round
from bot.trivia.events import RoundMode
from cogs.trivia._driver import RoundDriver
from loopback.records import LoopbackError
from tests.cogs.trivia.conftest import TriviaClub, embed_text, make_questions, text_of


async def _refuse_the_start_reply(body: Any) -> None:
    """Answer the interaction callback as Discord does a late one: 404 Unknown interaction."""
    raise web.HTTPNotFound(
        text=json.dumps({"code": 10062, "message": "Unknown interaction"}),
        content_type="application/json",
    )


async def _eventually(check: Callable[[], bool], timeout: float = 5.0) -> None:
    async with asyncio.timeout(timeout):
        while not check():
            await asyncio.sleep(0.01)


async def test_a_failed_start_reply_leaves_the_channel_free(
    trivia_club: TriviaClub, fixed_questions
) -> None:
    fixed_questions(make_questions(1))
    fake, channel = trivia_club.fake, trivia_club.guild.general
    fake.delay("POST", "/interactions/{interaction_id}/{token}/callback", _refuse_the_start_reply)
    with pytest.raises(LoopbackError):
        await fake.slash("trivia start", {"questions": 1, "mode": "typed"}, timeout=0.5)
    fake.store.delays.clear()
    await _eventually(lambda: trivia_club.cog.rounds.get(channel.id) is None)
    again = await fake.slash("trivia start", {"questions": 1, "mode": "typed"})
    assert "1 question(s)" in embed_text(again.embeds)
    await trivia_club.next_message(channel, None, "#1")


async def test_stop_clears_a_channel_whose_round_never_ran(
    trivia_club: TriviaClub, fixed_questions
) -> None:
    fixed_questions(make_questions(1))
    fake, channel, cog = trivia_club.fake, trivia_club.guild.general, trivia_club.cog
    where = trivia_club.bot.get_channel(channel.id)
    assert isinstance(where, discord.TextChannel)
    starter = fake.user("starter")

    def never_started(round_: Round) -> RoundDriver:
        trivia = trivia_club.bot.services.trivia
        return RoundDriver(round_, where, trivia, spoilers_shown=False, on_finished=cog._finished)

    cog.rounds.open(  # a round registered whose task never ran, as a failed start left it
        never_started,
        guild_id=trivia_club.guild.id,
        channel_id=channel.id,
        starter_id=starter.id,
        questions=make_questions(1),
        mode=RoundMode.TYPED,
    )
    stopped = await fake.slash("trivia stop", user=starter)
    assert stopped.content == "Stopping the round."
    await _eventually(lambda: cog.rounds.get(channel.id) is None)
    again = await fake.slash("trivia start", {"questions": 1, "mode": "typed"})
    assert "1 question(s)" in embed_text(again.embeds)


async def test_points_whose_save_failed_are_never_shown(
    trivia_club: TriviaClub, fixed_questions, monkeypatch: pytest.MonkeyPatch
) -> None:
    fixed_questions(make_questions(3))
    fake, channel = trivia_club.fake, trivia_club.guild.general
    alice = fake.user("alice")
    real = Database.record_awards
    saves = 0

    async def flaky(self: Database, *args: Any, **kwargs: Any) -> None:
        nonlocal saves
        saves += 1
        if saves == 2:
            raise sqlite3.OperationalError("disk I/O error")
        await real(self, *args, **kwargs)

    monkeypatch.setattr(Database, "record_awards", flaky)
    await fake.slash("trivia start", {"questions": 3, "mode": "typed"}, user=alice)
    previous = None
    for answer in ("nick urata", "chris messina", "calvin weir-fields"):
        previous = await trivia_club.next_message(channel, previous, "#")
        await fake.message(channel, answer, author=alice)
        previous = await trivia_club.next_message(channel, previous, "The answer was")
        await trivia_club.advance(REVEAL_PAUSE)
    texts = [text_of(m) for m in fake.channel_messages(channel)]
    reveals = [text for text in texts if "The answer was" in text]
    assert [f"<@{alice.id}> +" in text for text in reveals] == [True, False, True]
    end = await trivia_club.next_message(channel, previous, "That's the round!")
    assert f"<@{alice.id}>" in text_of(end) and "6 point" in text_of(end)
    board = await fake.slash("trivia leaderboard")
    assert f"**1.** <@{alice.id}> · 6 point(s) · 2 correct" in embed_text(board.embeds)


async def test_one_questions_awards_are_saved_in_one_transaction(
    trivia_club: TriviaClub, fixed_questions, monkeypatch: pytest.MonkeyPatch
) -> None:
    fixed_questions(make_questions(1))
    fake, channel = trivia_club.fake, trivia_club.guild.general
    real = Database.record_awards
    batches: list[int] = []

    async def counting(self: Database, guild: int, chan: int, awards: Any, *rest: Any) -> None:
        awards = list(awards)
        batches.append(len(awards))
        await real(self, guild, chan, awards, *rest)

    monkeypatch.setattr(Database, "record_awards", counting)
    await fake.slash("trivia start", {"questions": 1, "mode": "buttons"})
    question = await trivia_club.next_message(channel, None, "#1")
    for name in ("bob", "carol", "dave"):
        await fake.click(question, question.custom_ids[0], user=fake.user(name))
    await trivia_club.advance(30)
    await trivia_club.next_message(channel, question, "The answer was")
    assert batches == [3]


async def test_a_reveal_that_cannot_be_posted_ends_the_round_without_stalling(
    trivia_club: TriviaClub, fixed_questions
) -> None:
    fixed_questions(make_questions(2))
    fake, channel, cog = trivia_club.fake, trivia_club.guild.general, trivia_club.cog
    alice = fake.user("alice")
    failing = asyncio.Event()
    failing.set()

    async def fail_reveals(body: Any) -> None:
        if failing.is_set() and "The answer was" in json.dumps(body or {}):
            raise web.HTTPInternalServerError(
                text=json.dumps({"code": 0, "message": "500: Internal Server Error"}),
                content_type="application/json",
            )

    fake.delay("POST", "/channels/{channel_id}/messages", fail_reveals)
    await fake.slash("trivia start", {"questions": 2, "mode": "typed"}, user=alice)
    first = await trivia_club.next_message(channel, None, "#1")
    driver = cog.rounds.get(channel.id)
    assert driver is not None
    driver.post_timeout = 0.5  # instead of discord.py retrying the 500s for ~25 s
    await fake.message(channel, "nick urata", author=alice)
    end = await trivia_club.next_message(channel, first, "could not post")
    assert f"<@{alice.id}>" in text_of(end) and "3 point" in text_of(end)
    await _eventually(lambda: cog.rounds.get(channel.id) is None)
