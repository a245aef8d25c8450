"""Property test: every search accepts any string (an answer, or the documented error)."""

from __future__ import annotations

import contextlib

from hypothesis import strategies as st

from bot.errors import FilmClubError
from bot.services.cast import CastService
from bot.services.films import FilmService
from bot.services.knowledge import KnowledgeService
from bot.services.quotes import QuoteService
from bot.storage.database import Database
from tests.properties import hostile_text, short_and_long

queries = st.one_of(
    hostile_text,
    st.sampled_from(['"', "*", "NEAR(", "a OR b", "^", "-", "NOT", ":", "{x}", "'", "\x00"]),
    st.text(min_size=200, max_size=400),
)


async def _searches(database: Database, knowledge: KnowledgeService, query: str) -> None:
    films = FilmService(database, knowledge)
    calls = (
        lambda: films.find(query),
        lambda: films.suggest(query, 25),
        lambda: CastService(database, knowledge).lookup(query, None),
        lambda: CastService(database, knowledge).suggest(query, None, 25),
        lambda: QuoteService(database, knowledge).find(query, None, None),
        lambda: QuoteService(database, knowledge).find(None, query, None),
        lambda: QuoteService(database, knowledge).suggest_speakers(query, None, 25),
    )
    for call in calls:
        with contextlib.suppress(FilmClubError):
            await call()


test_search_accepts_any_string, test_search_accepts_any_string_long = short_and_long(queries)(
    _searches
)
