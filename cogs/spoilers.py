"""/spoilers: mark the channels where spoilers are shown untagged."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FilmClubBot
from cogs._shared import Interaction, services

__all__ = ["SpoilerCog", "setup"]


class SpoilerCog(commands.Cog):
    """Per-channel spoiler settings."""

    @app_commands.command(name="spoilers", description="Show spoilers untagged in a channel")
    @app_commands.describe(channel="The channel", allowed="True: spoilers untagged there")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    async def spoilers(
        self, interaction: Interaction, channel: discord.TextChannel, allowed: bool
    ) -> None:
        """Allow or forbid untagged spoilers in ``channel``."""
        guild_id = interaction.guild_id or 0
        await services(interaction).spoilers.set_allowed(guild_id, channel.id, allowed)
        state = "shown untagged" if allowed else "hidden behind spoiler tags"
        await interaction.response.send_message(
            f"Spoilers in {channel.mention} are now {state}.", ephemeral=True
        )


async def setup(bot: FilmClubBot) -> None:
    """Load the cog."""
    await bot.add_cog(SpoilerCog())
