from __future__ import annotations

import pytest

from bot.formatting import MESSAGE_LIMIT, split_message
from bot.storage.database import Database
from cogs.film import plot_text
from loopback.records import LoopbackError
from tests.cogs.conftest import Club

MANAGE_GUILD = 1 << 5
SEND_MESSAGES = 1 << 11
SPOILER_QUOTE = {"text": "snap your fingers bark like a dog"}


async def test_member_without_manage_server_cannot_see_the_command(club: Club) -> None:
    channel = club.fake.add_channel(club.guild, "spoilers")
    with pytest.raises(LoopbackError, match="hidden"):
        await club.fake.slash(
            "spoilers",
            {"channel": channel.id, "allowed": True},
            user=club.fake.user("member"),
            permissions=SEND_MESSAGES,
        )
    assert await club.bot.services.database.spoiler_channels(club.guild.id) == frozenset()


async def test_manage_server_marks_a_channel_and_replies_ephemerally(club: Club) -> None:
    channel = club.fake.add_channel(club.guild, "spoilers")
    reply = await club.fake.slash(
        "spoilers",
        {"channel": channel.id, "allowed": True},
        user=club.fake.user("mod"),
        permissions=MANAGE_GUILD,
    )
    assert reply.ephemeral
    assert reply.content == f"Spoilers in <#{channel.id}> are now shown untagged."
    assert reply.allowed_mentions == {"parse": []}


async def test_setting_persists_in_the_database_and_changes_replies(club: Club) -> None:
    channel = club.fake.add_channel(club.guild, "spoilers")
    await club.fake.slash(
        "spoilers",
        {"channel": channel.id, "allowed": True},
        user=club.fake.user("mod"),
        permissions=MANAGE_GUILD,
    )
    async with await Database.open(club.settings.database_path) as other:
        assert await other.spoiler_channels(club.guild.id) == frozenset({channel.id})
    untagged = await club.fake.slash("quote", SPOILER_QUOTE, channel=channel)
    assert "snap your fingers" in untagged.content
    assert "||" not in untagged.content
    elsewhere = await club.fake.slash("quote", SPOILER_QUOTE)
    assert elsewhere.content.startswith("> ||")


async def test_allowed_false_puts_the_tags_back(club: Club) -> None:
    channel = club.fake.add_channel(club.guild, "spoilers")
    mod = club.fake.user("mod")
    for allowed in (True, False):
        reply = await club.fake.slash(
            "spoilers",
            {"channel": channel.id, "allowed": allowed},
            user=mod,
            permissions=MANAGE_GUILD,
        )
        assert reply.ephemeral
    assert reply.content.endswith("are now hidden behind spoiler tags.")
    assert await club.bot.services.database.spoiler_channels(club.guild.id) == frozenset()
    tagged = await club.fake.slash("quote", SPOILER_QUOTE, channel=channel)
    assert tagged.content.startswith("> ||")


async def test_server_owner_can_mark_a_channel(club: Club) -> None:
    channel = club.fake.add_channel(club.guild, "spoilers")
    reply = await club.fake.slash(
        "spoilers", {"channel": channel.id, "allowed": True}, user=club.fake.owner
    )
    assert reply.ephemeral
    films = club.bot.services.films
    film = await films.find("ruby-sparks")
    header = f"**{film.display}**: plot\n"
    pieces = split_message(
        plot_text(await films.plot(film)), hidden=False, limit=MESSAGE_LIMIT - len(header)
    )
    plot = await club.fake.slash("film plot", channel=channel, messages=len(pieces))
    assert plot.content == header + pieces[0]
    assert all("||" not in message.content for message in plot.all_messages)
