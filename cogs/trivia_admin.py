"""/trivia-admin: a server's own trivia lists, uploaded as attachments (Manage Server)."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FilmClubBot
from bot.formatting import MESSAGE_LIMIT, trim
from bot.services.trivia_lists import MAX_UPLOAD_BYTES, UploadReport
from cogs._shared import Interaction, services
from cogs.trivia._lists import server_list_autocomplete

__all__ = ["MAX_WARNINGS_SHOWN", "TriviaAdminCog", "setup", "upload_reply"]

MAX_WARNINGS_SHOWN = 10
"""Warnings listed in an upload's reply; the rest are counted."""

_NO_MENTIONS = discord.AllowedMentions.none()


def upload_reply(report: UploadReport) -> str:
    """What an upload stored, and the problems Red tolerates that it found."""
    trivia = report.trivia
    verb = "Replaced" if report.replaced else "Added"
    lines = [
        f"{verb} the list **{discord.utils.escape_markdown(trivia.name)}**:"
        f" {len(trivia.questions)} question(s). Play it with `/trivia start list:{trivia.name}`."
    ]
    if trivia.warnings:
        lines.append(f"{len(trivia.warnings)} thing(s) to look at (the list loaded anyway):")
        lines += [f"- `{warning}`" for warning in trivia.warnings[:MAX_WARNINGS_SHOWN]]
        if len(trivia.warnings) > MAX_WARNINGS_SHOWN:
            lines.append(f"… and {len(trivia.warnings) - MAX_WARNINGS_SHOWN} more.")
    return trim("\n".join(lines), MESSAGE_LIMIT)


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class TriviaAdminCog(
    commands.GroupCog,
    group_name="trivia-admin",
    group_description="Manage this server's trivia lists",
):
    """Upload and delete a server's lists; everyone plays them with /trivia start list:."""

    def __init__(self, bot: FilmClubBot) -> None:
        self.bot = bot
        super().__init__()

    @app_commands.command(name="upload", description="Add a trivia list (Red's YAML format)")
    @app_commands.describe(
        file="A .yaml list: 'question: [answers]' lines, optional AUTHOR/DESCRIPTION/CONFIG",
        name="What players call it (default: the file name)",
    )
    @app_commands.checks.has_permissions(manage_guild=True)
    async def upload(
        self, interaction: Interaction, file: discord.Attachment, name: str | None = None
    ) -> None:
        """Check the list with the seed rules and store it for this server."""
        if file.size > MAX_UPLOAD_BYTES:
            await interaction.response.send_message(
                f"That file is {file.size:,} bytes; a list may be at most {MAX_UPLOAD_BYTES:,}.",
                ephemeral=True,
            )
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        data = await file.read()
        report = await services(interaction).trivia_lists.upload(
            interaction.guild_id or 0, file.filename, data, interaction.user.id, name
        )
        await interaction.followup.send(
            upload_reply(report), ephemeral=True, allowed_mentions=_NO_MENTIONS
        )

    @app_commands.command(name="delete", description="Delete one of this server's lists")
    @app_commands.describe(name="The list to delete")
    @app_commands.autocomplete(name=server_list_autocomplete)
    @app_commands.checks.has_permissions(manage_guild=True)
    async def delete(self, interaction: Interaction, name: str) -> None:
        """Delete an uploaded list (the owner's lists stay)."""
        deleted = await services(interaction).trivia_lists.delete(interaction.guild_id or 0, name)
        await interaction.response.send_message(
            f"Deleted the list **{discord.utils.escape_markdown(deleted)}**.",
            ephemeral=True,
            allowed_mentions=_NO_MENTIONS,
        )


async def setup(bot: FilmClubBot) -> None:
    """Load the cog."""
    await bot.add_cog(TriviaAdminCog(bot))
