"""Random quotes are substantial, and a speaker's own quotes come before joint ones."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bot.models import DocumentKind, FilmRecord, KnowledgeBase, Quote, SourceDocument
from bot.services.knowledge import KnowledgeService
from bot.services.quotes import QuoteService, is_substantial
from bot.storage.database import Database

TALK = "001_talk.txt"
NELL, OSKAR = "Nell Harrow", "Oskar Lind"


def _quote(position: int, text: str, *speakers: str) -> Quote:
    return Quote(speakers, text, TALK, position, position + 1, None, spoiler=False)


FILM = FilmRecord(
    slug="harbour",
    title="Harbour",
    quotes=(
        _quote(0, "It was brutal.", NELL),
        _quote(1, "No, it was.", NELL),
        _quote(2, "We built the lighthouse set twice because the first one floated away.", NELL),
        _quote(
            3, "Shooting the storm at night meant rehearsing every move in daylight first.", NELL
        ),
        _quote(4, "We argued about the ending for a month and both of us were wrong.", NELL, OSKAR),
        _quote(5, "Exactly.", OSKAR),
        _quote(6, "Oskar kept the gulls fed between takes so they would stay in frame.", OSKAR),
    ),
    sources=(SourceDocument(TALK, DocumentKind.INTERVIEW, publication="Quay Weekly"),),
)


@pytest.fixture
async def quotes(database: Database) -> QuoteService:
    await database.replace_knowledge_base(KnowledgeBase(films=(FILM,)), {})
    return QuoteService(database, KnowledgeService(database, Path("unused")), random.Random(1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was brutal.", False),
        ("No, it was.", False),
        ("Yes, yes, yes, it was, it was, it was.", False),
        ("We built the lighthouse set twice because the first one floated away.", True),
    ],
)
def test_substantial(text: str, expected: bool) -> None:
    assert is_substantial(text) is expected


async def test_random_quotes_are_substantial(quotes: QuoteService) -> None:
    seen = {(await quotes.find(None, None, None)).quotes[0].quote.text for _ in range(30)}
    assert seen == {FILM.quotes[i].text for i in (2, 3, 6)}  # said alone and substantial


async def test_a_speakers_own_quotes_come_before_joint_ones(quotes: QuoteService) -> None:
    seen = {(await quotes.find(None, "Oskar", None)).quotes[0].quote.text for _ in range(20)}
    assert seen == {FILM.quotes[6].text}
    nell = {(await quotes.find(None, "nell", None)).quotes[0].quote.speakers for _ in range(20)}
    assert nell == {(NELL,)}


async def test_joint_and_short_quotes_are_still_found_when_nothing_else_is(
    database: Database,
) -> None:
    only = FilmRecord(
        slug="harbour",
        title="Harbour",
        quotes=(_quote(0, "It was brutal.", NELL), _quote(1, "Exactly.", NELL, OSKAR)),
        sources=FILM.sources,
    )
    await database.replace_knowledge_base(KnowledgeBase(films=(only,)), {})
    service = QuoteService(database, KnowledgeService(database, Path("unused")), random.Random(2))
    oskar = await service.find(None, "oskar", None)
    assert oskar.quotes[0].quote.text == "Exactly."
    assert (await service.find(None, "nell", None)).quotes[0].quote.text == "It was brutal."
