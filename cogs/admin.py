"""/reseed and /sync: owner-only maintenance."""

from __future__ import annotations

from discord import app_commands
from discord.ext import commands

from bot.app import FilmClubBot
from bot.formatting import MESSAGE_LIMIT, trim
from bot.reports import reseed_reply
from cogs._shared import Interaction, services

__all__ = ["AdminCog", "is_bot_admin", "setup"]

MAX_WARNINGS_SHOWN = 5


async def _bot_admin_check(interaction: Interaction) -> bool:
    return await interaction.client.is_bot_admin(interaction.user)


is_bot_admin = app_commands.check(_bot_admin_check)
"""Only the application's owners and FILMCLUB_ADMINS may run the command."""


class AdminCog(commands.Cog):
    """Maintenance commands for the bot's owners."""

    @app_commands.command(name="reseed", description="Reload seeds/ (bot owners only)")
    @app_commands.describe(
        dry_run="Only report what would change",
        allow_empty="Let a seeds folder without films remove every film",
    )
    @app_commands.default_permissions(administrator=True)
    @is_bot_admin
    async def reseed(
        self, interaction: Interaction, dry_run: bool = False, allow_empty: bool = False
    ) -> None:
        """Parse every seed and swap the knowledge base atomically; report the changes."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        knowledge = services(interaction).knowledge
        report = await knowledge.reseed(dry_run=dry_run, allow_empty=allow_empty)
        text = reseed_reply(report, MAX_WARNINGS_SHOWN)
        await interaction.followup.send(
            f"```\n{trim(text, MESSAGE_LIMIT - 8)}\n```", ephemeral=True
        )

    @app_commands.command(name="sync", description="Register slash commands globally (owners)")
    @app_commands.default_permissions(administrator=True)
    @is_bot_admin
    async def sync(self, interaction: Interaction) -> None:
        """Sync the command tree globally; Discord may take a while to show changes."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        synced = await interaction.client.tree.sync()
        await interaction.followup.send(f"Synced {len(synced)} commands globally.", ephemeral=True)


async def setup(bot: FilmClubBot) -> None:
    """Load the cog."""
    await bot.add_cog(AdminCog())
