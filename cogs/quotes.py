"""/quote: what the directors and cast said, with where they said it."""

from __future__ import annotations

from discord import app_commands
from discord.ext import commands

from bot.app import FilmClubBot
from bot.formatting import AUTOCOMPLETE_CHOICE_LIMIT, MESSAGE_LIMIT, escape_markup, spoiler, trim
from bot.models import StoredQuote
from bot.services.quotes import QuoteResult
from cogs._shared import (
    Film,
    Interaction,
    choices,
    film_scope,
    send_text,
    services,
    spoilers_allowed,
)

__all__ = ["QuoteCog", "quote_text", "setup"]

BEST_QUOTE_CHARS = 1200
OTHER_QUOTE_CHARS = 160
QUESTION_CHARS = 200
MAX_TEXT_OPTION = 300


def _attribution(stored: StoredQuote) -> str:
    speakers = " and ".join(stored.quote.speakers)
    source = stored.source
    date = f", {source.published.isoformat()}" if source.published else ""
    return f"— **{escape_markup(speakers)}**, *{escape_markup(source.label)}*{date}"


def _body(text: str, *, limit: int, hidden: bool) -> str:
    short = trim(text, limit)
    return spoiler(short) if hidden else escape_markup(short)


def quote_text(result: QuoteResult, *, spoilers_shown: bool) -> str:
    """The best quote in full with its source and question, then runners-up in brief."""
    best, *others = result.quotes
    hide_best = best.quote.spoiler and not spoilers_shown
    lines = [f"> {_body(best.quote.text, limit=BEST_QUOTE_CHARS, hidden=hide_best)}"]
    lines.append(_attribution(best))
    if best.quote.question:
        question = _body(best.quote.question, limit=QUESTION_CHARS, hidden=hide_best)
        lines.append(f"Asked: {question}")
    extra = []
    for other in others:
        hidden = other.quote.spoiler and not spoilers_shown
        text = _body(other.quote.text, limit=OTHER_QUOTE_CHARS, hidden=hidden)
        extra.append(f"• {text} {_attribution(other)}")
    # Runners-up are dropped whole rather than cut, so no spoiler tag is ever split.
    while extra and len("\n".join([*lines, "", "Also close:", *extra])) > MESSAGE_LIMIT:
        extra.pop()
    if extra:
        lines += ["", "Also close:", *extra]
    return trim("\n".join(lines), MESSAGE_LIMIT)


class QuoteCog(commands.Cog):
    """Quote lookup."""

    @app_commands.command(name="quote", description="Find what the filmmakers and cast said")
    @app_commands.describe(
        text="Words you remember (typos and any order are fine)",
        speaker="Who said it",
        film="Which film (default: the server's film, else every film)",
    )
    async def quote(
        self,
        interaction: Interaction,
        text: app_commands.Range[str, 1, MAX_TEXT_OPTION] | None = None,
        speaker: app_commands.Range[str, 1, 100] | None = None,
        film: Film | None = None,
    ) -> None:
        """Search quotes by words and/or speaker, or pick one at random."""
        chosen = await services(interaction).films.scope(film, interaction.guild_id)
        result = await services(interaction).quotes.find(text, speaker, chosen)
        reply = quote_text(result, spoilers_shown=await spoilers_allowed(interaction))
        await send_text(interaction, reply)

    @quote.autocomplete("text")
    async def text_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """Quotes matching what has been typed so far; choosing one shows exactly that quote."""
        film = await film_scope(interaction)
        found = await services(interaction).quotes.suggest_quotes(
            current, film, AUTOCOMPLETE_CHOICE_LIMIT
        )
        return choices([(suggestion.label, suggestion.value) for suggestion in found])

    @quote.autocomplete("speaker")
    async def speaker_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """People quoted, in the chosen film if any."""
        film = await film_scope(interaction)
        names = await services(interaction).quotes.suggest_speakers(
            current, film, AUTOCOMPLETE_CHOICE_LIMIT
        )
        return choices(names)


async def setup(bot: FilmClubBot) -> None:
    """Load the cog."""
    await bot.add_cog(QuoteCog())
