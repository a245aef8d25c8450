"""Helpers every cog uses: the bot's services, the film option, spoiler-aware replies."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeAlias

import discord
from discord import app_commands

from bot.errors import FilmClubError
from bot.formatting import (
    AUTOCOMPLETE_CHOICE_LIMIT,
    AUTOCOMPLETE_NAME_LIMIT,
    MESSAGE_LIMIT,
    split_message,
    trim,
)
from bot.models import FilmSummary

if TYPE_CHECKING:
    from bot.app import FilmClubBot, Services

__all__ = [
    "Film",
    "FilmTransformer",
    "Interaction",
    "choices",
    "film_scope",
    "send_text",
    "services",
    "spoilers_allowed",
    "untrusted",
]

Interaction: TypeAlias = "discord.Interaction[FilmClubBot]"
MAX_ECHO_CHARS = 80
"""User input echoed back in a reply is cut to this length."""


def services(interaction: Interaction) -> Services:
    """The bot's services."""
    return interaction.client.services


def untrusted(text: str) -> str:
    """User text made inert for echoing: no markdown, no mentions, bounded length."""
    escaped = discord.utils.escape_mentions(discord.utils.escape_markdown(text))
    return trim(escaped.replace("\n", " "), MAX_ECHO_CHARS)


def choices(names: list[str] | list[tuple[str, str]]) -> list[app_commands.Choice[str]]:
    """Autocomplete choices within Discord's limits (25 choices, 100 characters each)."""
    result = []
    for item in names[:AUTOCOMPLETE_CHOICE_LIMIT]:
        name, value = item if isinstance(item, tuple) else (item, item)
        result.append(
            app_commands.Choice(
                name=trim(name, AUTOCOMPLETE_NAME_LIMIT), value=value[:AUTOCOMPLETE_NAME_LIMIT]
            )
        )
    return result


class FilmTransformer(app_commands.Transformer["FilmClubBot"]):
    """Every ``film`` option: titles autocompleted, what was typed turned into the film.

    Users may ignore the suggestions, so ``transform`` looks the text up again: a slug or a
    (misspelt) title, else `UnknownFilmError` (discord.py hands it to the tree's error handler
    inside a `TransformerError`).
    """

    async def transform(self, interaction: Interaction, value: Any, /) -> FilmSummary:
        """The film named by a slug or (misspelt) title."""
        return await services(interaction).films.find(str(value))

    async def autocomplete(  # type: ignore[override]  # choices are str, not int | float | str
        self, interaction: Interaction, value: int | float | str, /
    ) -> list[app_commands.Choice[str]]:
        """Film titles matching what the user typed; the value is the film's slug."""
        films = await services(interaction).films.suggest(str(value), AUTOCOMPLETE_CHOICE_LIMIT)
        return choices([(film.display, film.slug) for film in films])


Film: TypeAlias = app_commands.Transform[FilmSummary, FilmTransformer]
"""The type of every command's ``film`` parameter."""


async def film_scope(interaction: Interaction) -> FilmSummary | None:
    """In an autocomplete, the film the command will search (None: every film, or unknown)."""
    films = services(interaction).films
    text = getattr(interaction.namespace, "film", None)
    if not isinstance(text, str) or not text.strip():
        return await films.scope(None, interaction.guild_id)
    try:
        return await films.find(text)
    except FilmClubError:
        return None


async def spoilers_allowed(interaction: Interaction) -> bool:
    """True in a channel the server marked for untagged spoilers."""
    channel_id = interaction.channel_id or 0
    return await services(interaction).spoilers.allowed(interaction.guild_id, channel_id)


async def send_text(
    interaction: Interaction, text: str, *, hidden: bool = False, header: str = ""
) -> None:
    """Send text as one or more messages within Discord's limit, spoiler-tagged if ``hidden``.

    ``header`` goes (untagged) before the first message.
    """
    limit = MESSAGE_LIMIT - len(header)
    pieces = split_message(text, hidden=hidden, limit=limit) or ("Nothing to show.",)
    for number, piece in enumerate(pieces):
        content = header + piece if number == 0 else piece
        if interaction.response.is_done():
            await interaction.followup.send(content)
        else:
            await interaction.response.send_message(content)
