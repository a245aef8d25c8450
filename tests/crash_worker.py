"""A process for the crash tests to SIGKILL: it reseeds, or plays rounds, until it is killed.

    python -m tests.crash_worker reseed DB SEEDS_A SEEDS_B
    python -m tests.crash_worker rounds DB SEEDS TAG

It prints ``ready`` once it is working, and in ``rounds`` mode one line per announced award
(``announced <question> <user> <points>``), flushed as soon as the loopback Discord has
received the message announcing it.
"""

from __future__ import annotations

import asyncio
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import cast

from benchmarks.load import is_question, message_text
from bot.app import create_bot
from bot.config import Settings
from bot.models import Question
from bot.services.knowledge import KnowledgeService
from bot.services.trivia import TriviaService
from bot.storage.database import Database
from bot.trivia.engine import REVEAL_PAUSE
from cogs.trivia import TriviaCog
from loopback.clock import FakeClock
from loopback.harness import run_bot
from loopback.limits import INTENT_MESSAGE_CONTENT
from loopback.server import FakeDiscord
from tests.cogs.trivia.conftest import make_questions

QUESTIONS_PER_ROUND = 5
PLAYERS = 3
_AWARD = re.compile(r"<@(\d+)> \+(\d+)")


def say(line: str) -> None:
    print(line, flush=True)


async def reseed_forever(db: Path, first: Path, second: Path) -> None:
    """Replace the knowledge base with ``first``, then ``second``, and again, until killed."""
    async with await Database.open(db) as database:
        services = (KnowledgeService(database, first), KnowledgeService(database, second))
        say("ready")
        while True:
            for knowledge in services:
                report = await knowledge.reseed(allow_empty=True)
                if report.error is not None:
                    raise SystemExit(f"reseed failed: {report.error}")


async def play_forever(db: Path, seeds: Path, tag: str) -> None:
    """Typed rounds in which every player answers every question, until killed."""
    round_number = 0

    async def pick(
        self: TriviaService, film: object, count: int, **_: object
    ) -> tuple[Question, ...]:
        return tuple(
            replace(q, text=f"{q.text} {tag}r{round_number}") for q in make_questions(count)
        )

    TriviaService.pick = pick  # type: ignore[method-assign]
    settings = Settings(
        discord_token="loopback", database_path=db, seeds_dir=seeds, message_content=True
    )
    clock = FakeClock()
    async with FakeDiscord(privileged_intents=INTENT_MESSAGE_CONTENT) as fake:
        guild = fake.add_guild(name="Crash Club")
        channel = guild.general
        players = [fake.user(f"player{n}") for n in range(PLAYERS)]
        bot = create_bot(settings, clock=clock)
        async with run_bot(bot, fake):
            # Extensions are imported afresh per bot: look the cog up by name, not by class.
            cog = cast(TriviaCog, bot.get_cog("TriviaCog"))
            say("ready")
            last = None
            while True:
                round_number += 1
                await fake.slash(
                    "trivia start", {"questions": QUESTIONS_PER_ROUND, "mode": "typed"}
                )
                for _ in range(QUESTIONS_PER_ROUND):
                    asked = await fake.wait_for_channel_message(channel, is_question, after=last)
                    driver = cog.rounds.get(channel.id)
                    current = driver.round.current_question if driver else None
                    if current is None:
                        raise SystemExit("no question is open")
                    for player in players:
                        await fake.message(channel, current.answer, author=player)
                    reveal = await fake.wait_for_channel_message(
                        channel, lambda m: "The answer was" in message_text(m), after=asked
                    )
                    for user, points in _AWARD.findall(message_text(reveal)):
                        say(f"announced {current.text!r} {user} {points}")
                    last = reveal
                    clock.advance(REVEAL_PAUSE)
                    cog.wake_all()
                last = await fake.wait_for_channel_message(
                    channel, lambda m: "That's the round!" in message_text(m), after=last
                )


def main(argv: list[str]) -> None:
    """Run the mode named on the command line."""
    mode, db, *seeds = argv
    if mode == "reseed":
        asyncio.run(reseed_forever(Path(db), Path(seeds[0]), Path(seeds[1])))
    else:
        asyncio.run(play_forever(Path(db), Path(seeds[0]), seeds[1]))


if __name__ == "__main__":
    main(sys.argv[1:])
