"""/cast: who plays whom, from either side, misspellings forgiven."""

from __future__ import annotations

from discord import app_commands
from discord.ext import commands

from bot.app import FilmClubBot
from bot.formatting import AUTOCOMPLETE_CHOICE_LIMIT, MESSAGE_LIMIT, escape_markup, spoiler, trim
from bot.services.cast import CastLookup
from cogs._shared import (
    Film,
    Interaction,
    choices,
    film_scope,
    send_text,
    services,
    spoilers_allowed,
)

__all__ = ["CastCog", "cast_text", "setup"]

MAX_ENTRIES_SHOWN = 8
DESCRIPTION_CHARS = 400


def cast_text(lookup: CastLookup, *, spoilers_shown: bool) -> str:
    """One line per matching cast entry, descriptions spoiler-tagged where they reveal plot."""
    lines = []
    for entry in lookup.entries[:MAX_ENTRIES_SHOWN]:
        member = entry.member
        line = (
            f"**{escape_markup(member.actor)}** plays **{escape_markup(member.character)}**"
            f" in *{escape_markup(entry.film.display)}*"
        )
        if member.note:
            line += f" ({escape_markup(member.note)})"
        if member.description:
            description = trim(member.description, DESCRIPTION_CHARS)
            hide = member.spoiler and not spoilers_shown
            line += "\n> " + (spoiler(description) if hide else escape_markup(description))
        lines.append(line)
    if len(lookup.entries) > 1:
        lines.insert(0, f"{len(lookup.entries)} people match:")
    # Entries are dropped whole rather than cut, so no spoiler tag is ever split.
    while len(lines) > 2 and len("\n".join(lines)) > MESSAGE_LIMIT:
        lines.pop()
    return trim("\n".join(lines), MESSAGE_LIMIT)


class CastCog(commands.Cog):
    """Cast lookup."""

    async def _query_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        film = await film_scope(interaction)
        names = await services(interaction).cast.suggest(current, film, AUTOCOMPLETE_CHOICE_LIMIT)
        return choices(names)

    @app_commands.command(name="cast", description="Who plays whom: an actor or a character")
    @app_commands.describe(
        query="An actor or a character (typos are fine)",
        film="Which film (default: the server's film, else every film)",
    )
    async def cast(
        self,
        interaction: Interaction,
        query: app_commands.Range[str, 1, 100],
        film: Film | None = None,
    ) -> None:
        """Find an actor's character or a character's actor."""
        chosen = await services(interaction).films.scope(film, interaction.guild_id)
        lookup = await services(interaction).cast.lookup(query, chosen)
        text = cast_text(lookup, spoilers_shown=await spoilers_allowed(interaction))
        await send_text(interaction, text)

    @cast.autocomplete("query")
    async def cast_query_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """Actor and character names."""
        return await self._query_autocomplete(interaction, current)


async def setup(bot: FilmClubBot) -> None:
    """Load the cog."""
    await bot.add_cog(CastCog())
