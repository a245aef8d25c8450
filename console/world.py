"""The console's server: one guild, its channels, and members created on first use."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import discord

from loopback.records import FakeChannel, FakeGuild, FakeUser
from loopback.server import FakeDiscord

__all__ = [
    "CHANNELS",
    "GENERAL",
    "GUILD_NAME",
    "QUIET",
    "SPOILERS",
    "YOU",
    "InvalidNameError",
    "World",
    "build_world",
]

GUILD_NAME = "Film Club"
GENERAL = "general"
SPOILERS = "spoilers"
"""Marked spoiler-allowed at start: the bot shows spoilers untagged there."""
QUIET = "quiet"
"""The bot lacks Send Messages here (interaction replies still work, as on Discord)."""
CHANNELS = (GENERAL, SPOILERS, QUIET)
YOU = "you"
"""The console's own member: owner of the server and of the bot's application."""

MEMBER_ID_BASE = 1_300_000_000_000_000_000
"""Members get ids from their names, so their scores carry over between console sessions."""
MEMBER_NAME = re.compile(r"^[a-z0-9_.]{2,32}$")
"""Discord's username rule: 2-32 lowercase letters, digits, underscores and dots."""


class InvalidNameError(ValueError):
    """A member name Discord would not accept."""


@dataclass
class World:
    """The fake Discord, the club's guild and its channels by name."""

    fake: FakeDiscord
    guild: FakeGuild
    channels: dict[str, FakeChannel]
    you: FakeUser

    def member(self, name: str) -> FakeUser:
        """The member called `name` (case-insensitive), created on first use."""
        wanted = name.strip().casefold()
        if wanted == YOU:
            return self.you
        if not MEMBER_NAME.fullmatch(wanted):
            raise InvalidNameError(
                f"{name!r} is not a Discord username (2-32 letters, digits, _ or .)"
            )
        users = self.fake.store.users
        for user in users.values():
            if user.name == wanted and not user.bot:
                return user
        user_id = MEMBER_ID_BASE + zlib.crc32(wanted.encode())
        if user_id in users:
            return self.fake.user(wanted)
        user = FakeUser(id=user_id, name=wanted)
        users[user_id] = user
        return user

    def channel(self, name: str) -> FakeChannel | None:
        """The channel called `name` (with or without `#`), if there is one."""
        return self.channels.get(name.strip().lstrip("#").casefold())

    def channel_name(self, channel_id: int) -> str:
        """`name` of a channel id, or the id itself."""
        for name, channel in self.channels.items():
            if channel.id == channel_id:
                return name
        return str(channel_id)

    def user_name(self, user_id: int) -> str:
        """A user's name, or `user-<id>` for ids this session has not seen."""
        user = self.fake.store.users.get(user_id)
        return user.name if user is not None else f"user-{user_id}"


def build_world(fake: FakeDiscord) -> World:
    """Create the guild (owned by `you`) and channels; call before the bot connects."""
    guild = fake.add_guild(GUILD_NAME, channels=CHANNELS)
    channels = {channel.name: channel for channel in guild.channels}
    fake.set_permissions(
        channels[QUIET], fake.bot_user, deny=discord.Permissions(send_messages=True)
    )
    return World(fake=fake, guild=guild, channels=channels, you=fake.owner)
