"""Hostile strings through every command and autocomplete: answered within Discord's limits,
spoiler tags balanced, nothing pinged (a sample every run, over a thousand with -m long)."""

from __future__ import annotations

import random

import pytest

from bot.formatting import AUTOCOMPLETE_CHOICE_LIMIT, AUTOCOMPLETE_NAME_LIMIT, MESSAGE_LIMIT
from tests.cogs.conftest import Club
from tests.properties import live_mentions, spoiler_tags

SHORT_STRINGS = 24
LONG_STRINGS = 1100
PIECES = (
    "||", "|", "\\", "*", "_", "~~", "`", "```", "> ", "# ", "- ", "[x](y)", "<@1>", "<@&2>",
    "@everyone", "@here", "\n", " ", "é", "🎬", "\u200b", "\x00", "ruby", "dano", "faris", "'",
    '"', "NEAR(", "OR", "-", ":", "Zoe", "%", "_%", "\u202e", "a" * 90,
)  # fmt: skip
COMMANDS = (
    ("cast", "query"),
    ("quote", "text"),
    ("quote", "speaker"),
    ("film info", "film"),
    ("film plot", "film"),
)
AUTOCOMPLETES = (("cast", "query"), ("quote", "speaker"), ("film info", "film"))


def hostile_strings(count: int, seed: int = 12) -> list[str]:
    rng = random.Random(seed)
    strings = []
    for _ in range(count):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 8)))
        strings.append(text[:100].strip() or "x")
    return strings


async def _through_everything(club: Club, strings: list[str]) -> None:
    for number, text in enumerate(strings):
        path, option = COMMANDS[number % len(COMMANDS)]
        reply = await club.fake.slash(path, {option: text}, messages=1)
        for message in reply.all_messages:
            assert len(message.content) <= MESSAGE_LIMIT
            assert spoiler_tags(message.content) % 2 == 0, message.content
            assert not [m for m in live_mentions(message.content) if m in text], message.content
            assert message.allowed_mentions == {"parse": []}
        path, option = AUTOCOMPLETES[number % len(AUTOCOMPLETES)]
        choices = await club.fake.autocomplete(path, option=option, value=text)
        assert len(choices) <= AUTOCOMPLETE_CHOICE_LIMIT
        assert all(len(choice.name) <= AUTOCOMPLETE_NAME_LIMIT for choice in choices)


async def test_hostile_strings_through_every_command(club: Club) -> None:
    await _through_everything(club, hostile_strings(SHORT_STRINGS))


@pytest.mark.long
async def test_many_hostile_strings_through_every_command(club: Club) -> None:
    await _through_everything(club, hostile_strings(LONG_STRINGS))
