"""Trivia rounds in channels: the cog, its round driver, buttons and message rendering."""

from __future__ import annotations

from bot.app import FilmClubBot
from cogs.trivia._cog import TriviaCog

__all__ = ["TriviaCog", "setup"]


async def setup(bot: FilmClubBot) -> None:
    """Load the cog."""
    await bot.add_cog(TriviaCog(bot))
