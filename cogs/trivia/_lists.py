"""Autocomplete of trivia list names for /trivia start list: and /trivia-admin delete."""

from __future__ import annotations

from collections.abc import Sequence

from discord import app_commands

from bot.formatting import AUTOCOMPLETE_CHOICE_LIMIT, AUTOCOMPLETE_NAME_LIMIT, trim
from bot.models import TriviaList
from bot.text import fold
from cogs._shared import Interaction, services

__all__ = ["list_autocomplete", "server_list_autocomplete"]


async def list_autocomplete(
    interaction: Interaction, current: str
) -> list[app_commands.Choice[str]]:
    """Lists the server can play whose name or description holds what was typed, names first."""
    available = await services(interaction).trivia_lists.lists(interaction.guild_id or 0)
    return _choices(available, current)


async def server_list_autocomplete(
    interaction: Interaction, current: str
) -> list[app_commands.Choice[str]]:
    """The server's own uploads matching what was typed (what it may delete)."""
    own = await services(interaction).trivia_lists.server_lists(interaction.guild_id or 0)
    return _choices(own, current)


def _choices(available: Sequence[TriviaList], current: str) -> list[app_commands.Choice[str]]:
    """Lists whose name or description holds ``current``, names first, at most 25."""
    typed = fold(current)
    ranked = sorted(
        (
            trivia
            for trivia in available
            if typed in fold(trivia.name) or typed in fold(trivia.description or "")
        ),
        key=lambda trivia: (not fold(trivia.name).startswith(typed), trivia.name),
    )
    return [
        app_commands.Choice(
            name=trim(
                f"{trivia.name} · {len(trivia.questions)} q"
                + (f" · {trivia.description}" if trivia.description else ""),
                AUTOCOMPLETE_NAME_LIMIT,
            ),
            value=trivia.name,
        )
        for trivia in ranked[:AUTOCOMPLETE_CHOICE_LIMIT]
    ]
