"""/club: the server's settings, shown only to members who can manage the server."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FilmClubBot
from cogs._shared import Film, Interaction, services

__all__ = ["ClubCog", "setup"]


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class ClubCog(
    commands.GroupCog, group_name="club", group_description="Server settings (Manage Server)"
):
    """Admin actions as their own group, so Discord hides them from other members.

    discord.py ignores `default_permissions` and `guild_only` on subcommands, so these live
    on the group; the checks repeat them for servers that override the command's permissions.
    """

    @app_commands.command(name="film", description="Set this server's film for commands")
    @app_commands.describe(film="The film commands use when none is given")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def film(self, interaction: Interaction, film: Film) -> None:
        """Make a film the server's default."""
        await services(interaction).films.choose_for_guild(interaction.guild_id or 0, film)
        await interaction.response.send_message(
            f"This server's film is now **{discord.utils.escape_markdown(film.display)}**."
        )

    @app_commands.command(name="new-season", description="Start a new trivia season")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def new_season(self, interaction: Interaction) -> None:
        """Begin a new trivia season; the all-time board keeps every point."""
        season = await services(interaction).trivia.new_season(interaction.guild_id or 0)
        await interaction.response.send_message(f"Season {season} has begun. Good luck!")


async def setup(bot: FilmClubBot) -> None:
    """Load the cog."""
    await bot.add_cog(ClubCog())
