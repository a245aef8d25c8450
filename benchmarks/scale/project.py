"""The bot's own quote search and autocomplete, as the benchmark calls them.

Kept apart so the rest of the benchmark does not depend on how the services are arranged.
"""

from __future__ import annotations

from bot.app import Services
from bot.formatting import AUTOCOMPLETE_CHOICE_LIMIT

__all__ = ["has_autocomplete", "search_texts", "suggest_texts"]

TOP = 5


async def search_texts(services: Services, text: str, limit: int = TOP) -> list[str]:
    """The texts of the best quotes for ``text``, best first (as /quote ranks them)."""
    hits = await services.quotes.search(text, None, limit)
    return [hit.quote.quote.text for hit in hits]


def has_autocomplete(services: Services) -> bool:
    """Whether the bot suggests quotes while the user types."""
    return hasattr(services.quotes, "suggest_quotes")


async def suggest_texts(services: Services, text: str) -> list[str]:
    """What /quote text: autocomplete offers for ``text``."""
    suggestions = await services.quotes.suggest_quotes(text, None, AUTOCOMPLETE_CHOICE_LIMIT)
    return [suggestion.label for suggestion in suggestions]
