"""/film: what the bot knows about a film: details, plot, the list of films."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FilmClubBot
from bot.formatting import (
    EMBED_DESCRIPTION_LIMIT,
    EMBED_FIELD_LIMIT,
    EMBED_FIELD_NAME_LIMIT,
    EMBED_FIELD_VALUE_LIMIT,
    EMBED_TITLE_LIMIT,
    EMBED_TOTAL_LIMIT,
    MESSAGE_LIMIT,
    escape_markup,
    trim,
)
from bot.models import FilmRecord, FilmSummary
from bot.services.films import Plot
from cogs._shared import Film, Interaction, send_text, services, spoilers_allowed

__all__ = ["FilmCog", "info_embed", "list_text", "plot_text", "setup"]

_HIDDEN_INFO_KEYS = frozenset({"gross", "box office", "budget"})
"""Shown in the box-office field rather than as plain credits."""


INLINE_MAX_CHARS = 60
"""Fields shorter than this sit side by side."""


def info_embed(info: FilmRecord) -> discord.Embed:
    """An embed with a film's credits, dates, runtime, box office and reception."""
    embed = discord.Embed(
        title=trim(escape_markup(info.summary.display), EMBED_TITLE_LIMIT),
        description=trim(info.lead.split("\n\n")[0], EMBED_DESCRIPTION_LIMIT // 2),
    )
    fields: list[tuple[str, str]] = []
    for item in info.infobox:
        if item.key.casefold() in _HIDDEN_INFO_KEYS:
            continue
        fields.append((item.key, ", ".join(item.values)))
    if info.runtime_minutes and not any(name.casefold() == "runtime" for name, _ in fields):
        fields.append(("Runtime", f"{info.runtime_minutes} minutes"))
    if info.money:
        fields.append(("Box office", "; ".join(f"{m.key}: {m.text}" for m in info.money)))
    if info.reviews:
        by_aggregator: dict[str, list[str]] = {}
        for review in info.reviews:
            by_aggregator.setdefault(review.aggregator, []).append(f"{review.metric} {review.text}")
        fields.append(
            ("Reception", "\n".join(f"{name}: {', '.join(v)}" for name, v in by_aggregator.items()))
        )
    for name, value in fields[:EMBED_FIELD_LIMIT]:
        field_name = trim(name, EMBED_FIELD_NAME_LIMIT)
        field_value = trim(value, EMBED_FIELD_VALUE_LIMIT) or "-"
        if len(embed) + len(field_name) + len(field_value) > EMBED_TOTAL_LIMIT:
            break
        embed.add_field(name=field_name, value=field_value, inline=len(value) < INLINE_MAX_CHARS)
    return embed


def plot_text(plot: Plot) -> str:
    """The plot sections as plain text with their headings."""
    parts = []
    for section in plot.sections:
        heading = " > ".join(section.path)
        parts.append(f"{heading}\n{section.text}")
    return "\n\n".join(parts)


def list_text(films: tuple[FilmSummary, ...]) -> str:
    """The known films, one per line."""
    if not films:
        return "No films are loaded yet."
    lines = [f"• {escape_markup(film.display)} (`{film.slug}`)" for film in films]
    return trim(f"{len(films)} film(s):\n" + "\n".join(lines), MESSAGE_LIMIT)


class FilmCog(commands.GroupCog, group_name="film", group_description="Films the club watches"):
    """Film details, plot and the list of films."""

    @app_commands.command(name="info", description="Credits, runtime, release and reception")
    @app_commands.describe(film="Which film (default: the server's film)")
    async def info(self, interaction: Interaction, film: Film | None = None) -> None:
        """Show a film's details as an embed."""
        chosen = await services(interaction).films.resolve(film, interaction.guild_id)
        info = await services(interaction).films.info(chosen)
        await interaction.response.send_message(embed=info_embed(info))

    @app_commands.command(name="plot", description="The plot (spoilers, tagged)")
    @app_commands.describe(film="Which film (default: the server's film)")
    async def plot(self, interaction: Interaction, film: Film | None = None) -> None:
        """Post the plot, spoiler-tagged unless the channel allows spoilers."""
        chosen = await services(interaction).films.resolve(film, interaction.guild_id)
        plot = await services(interaction).films.plot(chosen)
        hidden = not await spoilers_allowed(interaction)
        header = f"**{escape_markup(chosen.display)}**: plot\n"
        # Tagged pieces escape their own bars; untagged, article text must not format at all.
        text = plot_text(plot) if hidden else escape_markup(plot_text(plot))
        await send_text(interaction, text, hidden=hidden, header=header)

    @app_commands.command(name="list", description="The films the bot knows")
    async def list(self, interaction: Interaction) -> None:
        """List every film."""
        await send_text(interaction, list_text(await services(interaction).films.films()))


async def setup(bot: FilmClubBot) -> None:
    """Load the cog."""
    await bot.add_cog(FilmCog())
