"""A club whose bot reads message content and runs trivia on a fake clock."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

import pytest

from bot.app import FilmClubBot, create_bot
from bot.config import Settings
from bot.models import Question, QuestionKind
from cogs.trivia import TriviaCog
from loopback.clock import FakeClock
from loopback.harness import run_bot
from loopback.limits import INTENT_MESSAGE_CONTENT
from loopback.records import FakeChannel, FakeGuild, PostedMessage
from loopback.server import FakeDiscord

MANAGE_MESSAGES = 1 << 13


@dataclass
class TriviaClub:
    fake: FakeDiscord
    bot: FilmClubBot
    guild: FakeGuild
    clock: FakeClock
    settings: Settings

    @property
    def cog(self) -> TriviaCog:
        # Extensions are re-imported per bot, so compare by name rather than by class.
        cog = self.bot.get_cog("TriviaCog")
        assert cog is not None
        return cast(TriviaCog, cog)

    async def advance(self, seconds: float) -> None:
        """Move the fake clock and let every round react to it."""
        self.clock.advance(seconds)
        self.cog.wake_all()

    async def next_message(
        self,
        channel: FakeChannel,
        after: PostedMessage | None,
        contains: str | Callable[[str], bool],
    ) -> PostedMessage:
        test = contains if callable(contains) else (lambda text: contains in text)
        return await self.fake.wait_for_channel_message(
            channel, lambda m: test(text_of(m)), after=after
        )


def embed_text(embeds: Sequence[Mapping[str, Any]]) -> str:
    """Every visible text of a message's embeds, one part a line: title, description, fields."""
    parts: list[str] = []
    for embed in embeds:
        parts += [str(embed.get("title", "")), str(embed.get("description", ""))]
        for field in embed.get("fields", []):
            parts += [str(field["name"]), str(field["value"])]
        parts.append(str(embed.get("footer", {}).get("text", "")))
    return "\n".join(part for part in parts if part)


def text_of(message: PostedMessage) -> str:
    """A message's content and its embeds' text, as a player reads it."""
    return "\n".join(part for part in (message.content, embed_text(message.embeds)) if part)


def make_questions(count: int, *, film: str = "ruby-sparks") -> tuple[Question, ...]:
    """Known questions, so a test can type right, wrong and nearly-right answers."""
    base = (
        Question(
            text="Who composed the score?",
            answers=("Nick Urata", "Urata"),
            choices=("Nick Urata", "Pamela Martin", "Ron Yerxa", "Albert Berger"),
            kind=QuestionKind.CREDIT,
            spoiler=False,
            source="test",
            film=film,
        ),
        Question(
            text="Who plays the brother?",
            answers=("Chris Messina", "Messina"),
            choices=("Steve Coogan", "Chris Messina", "Paul Dano", "Elliott Gould"),
            kind=QuestionKind.ACTOR,
            spoiler=False,
            source="test",
            film=film,
        ),
        Question(
            text="Who walks the dog at the end?",
            answers=("Calvin Weir-Fields", "Calvin"),
            choices=("Harry Weir-Fields", "Mort", "Calvin Weir-Fields", "Langdon Tharp"),
            kind=QuestionKind.CHARACTER,
            spoiler=True,
            source="test",
            film=film,
        ),
    )
    return tuple(
        replace(base[i % len(base)], text=f"{base[i % len(base)].text} #{i + 1}")
        for i in range(count)
    )


@pytest.fixture
def fixed_questions(monkeypatch: pytest.MonkeyPatch) -> Callable[[Sequence[Question]], None]:
    """Make rounds ask exactly the given questions, in order."""

    def use(questions: Sequence[Question]) -> None:
        from bot.services.trivia import TriviaService

        async def pick(
            self: TriviaService, film: object, count: int, **_: object
        ) -> tuple[Question, ...]:
            return tuple(questions)[:count]

        monkeypatch.setattr(TriviaService, "pick", pick)

    return use


@pytest.fixture
async def trivia_club(club_settings: Settings) -> AsyncIterator[TriviaClub]:
    settings = replace(club_settings, message_content=True)
    clock = FakeClock()
    async with FakeDiscord(privileged_intents=INTENT_MESSAGE_CONTENT) as fake:
        guild = fake.add_guild(name="Film Club")
        bot = create_bot(settings, clock=clock)
        async with run_bot(bot, fake):
            yield TriviaClub(fake=fake, bot=bot, guild=guild, clock=clock, settings=settings)
