"""Where a server shows spoilers untagged."""

from __future__ import annotations

from bot.storage.userdata import UserData

__all__ = ["SpoilerPolicy"]


class SpoilerPolicy:
    """Decides whether spoiler content must be tagged in a channel."""

    def __init__(self, database: UserData) -> None:
        self._database = database

    async def allowed(self, guild_id: int | None, channel_id: int) -> bool:
        """True when the channel is marked for spoilers (never in direct messages)."""
        if guild_id is None:
            return False
        return channel_id in await self._database.spoiler_channels(guild_id)

    async def set_allowed(self, guild_id: int, channel_id: int, allowed: bool) -> None:
        """Mark or unmark a channel for untagged spoilers."""
        await self._database.set_spoiler_channel(guild_id, channel_id, allowed)
