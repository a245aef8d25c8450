from __future__ import annotations

import stat
from pathlib import Path

import pytest

from bot.errors import NotFoundError
from bot.models import FilmSummary
from bot.services.cast import CastService, name_variants
from bot.services.knowledge import KnowledgeService
from bot.storage.database import Database

RUBY_SPARKS = FilmSummary(slug="ruby-sparks", title="Ruby Sparks", year=2012)
OTHER_FILM = FilmSummary(slug="paper-moon", title="Paper Moon", year=1973)


@pytest.fixture
def cast(database: Database, knowledge: KnowledgeService) -> CastService:
    return CastService(database, knowledge)


@pytest.mark.parametrize(
    ("name", "variants"),
    [
        ("Paul Dano", ("Paul Dano", "Paul", "Dano")),
        ("Dr. Rosenthal", ("Dr. Rosenthal", "Rosenthal")),
        ("Michael Berry Jr.", ("Michael Berry Jr.", "Michael Berry", "Michael", "Berry")),
        (
            "Deborah Ann Woll",
            ("Deborah Ann Woll", "Deborah Woll", "Deborah", "Woll"),
        ),
        ("Mort", ("Mort",)),
        ("Al Yu", ("Al Yu",)),
        # These two were wrong before bot.names: surname "Gogh", and "Ann PhD" offered.
        (
            "Vincent van Gogh Jr.",
            ("Vincent van Gogh Jr.", "Vincent van Gogh", "Vincent", "van Gogh"),
        ),
        ("Prof. Ann Lee, PhD", ("Prof. Ann Lee, PhD", "Ann Lee", "Ann", "Lee")),
    ],
)
def test_name_variants(name: str, variants: tuple[str, ...]) -> None:
    assert name_variants(name) == variants


@pytest.mark.parametrize(
    ("query", "actor", "character"),
    [
        ("Chris Messina", "Chris Messina", "Harry Weir-Fields"),
        ("chris mesina", "Chris Messina", "Harry Weir-Fields"),
        ("harry", "Chris Messina", "Harry Weir-Fields"),
        ("ruby", "Zoe Kazan", "Ruby Tiffany Sparks"),
        ("dr rosenthal", "Elliott Gould", "Dr. Rosenthal"),
        ("Zoë", "Zoe Kazan", "Ruby Tiffany Sparks"),
    ],
)
async def test_lookup_from_either_side(
    cast: CastService, query: str, actor: str, character: str
) -> None:
    lookup = await cast.lookup(query, None)
    (entry,) = lookup.entries
    assert (entry.member.actor, entry.member.character) == (actor, character)
    assert entry.film == RUBY_SPARKS


async def test_lookup_reports_the_alias_that_matched(cast: CastService) -> None:
    assert (await cast.lookup("rosenthal", None)).matched == "Rosenthal"


async def test_ambiguous_query_returns_every_tied_entry(cast: CastService) -> None:
    lookup = await cast.lookup("Weir-Fields", None)
    assert [e.member.actor for e in lookup.entries] == ["Paul Dano", "Chris Messina", "Toni Trucks"]


async def test_lookup_in_a_film(cast: CastService) -> None:
    lookup = await cast.lookup("calvin", RUBY_SPARKS)
    assert lookup.entries[0].member.actor == "Paul Dano"
    with pytest.raises(NotFoundError, match="Nobody in the cast in Paper Moon"):
        await cast.lookup("calvin", OTHER_FILM)


@pytest.mark.parametrize("query", ["Humphrey Bogart", "zzzz", "", "!!!", "a" * 10_000])
async def test_lookup_of_nobody_raises(cast: CastService, query: str) -> None:
    with pytest.raises(NotFoundError, match=r"^Nobody in the cast matches that name\.$"):
        await cast.lookup(query, None)


async def test_suggest_without_text_lists_the_cast_in_credit_order(cast: CastService) -> None:
    names = await cast.suggest("", None, 5)
    assert names == [
        "Paul Dano",
        "Calvin Weir-Fields",
        "Zoe Kazan",
        "Ruby Tiffany Sparks",
        "Antonio Banderas",
    ]
    assert await cast.suggest(" ", OTHER_FILM, 5) == []


async def test_suggest_offers_actors_and_characters(cast: CastService) -> None:
    assert "Chris Messina" in await cast.suggest("chr", None, 25)
    assert (await cast.suggest("rosen", None, 25))[:1] == ["Dr. Rosenthal"]
    assert (await cast.suggest("gertr", None, 25))[:1] == ["Gertrude"]
    assert await cast.suggest("chr", OTHER_FILM, 25) == []


async def test_suggest_respects_the_limit(cast: CastService) -> None:
    assert len(await cast.suggest("a", None, 3)) <= 3
    assert await cast.suggest("paul", None, 0) == []


async def test_index_is_rebuilt_after_a_reseed(
    cast: CastService, knowledge: KnowledgeService, seeds_dir: Path
) -> None:
    assert (await cast.lookup("mabel", None)).entries[0].member.actor == "Alia Shawkat"
    article = seeds_dir / "ruby-sparks" / "002_4ca3bbe3d74d6462.txt"
    article.chmod(article.stat().st_mode | stat.S_IWUSR)
    text = article.read_text(encoding="utf-8").replace(
        "Alia Shawkat as Mabel", "Alia Shawkat as Maple"
    )
    article.write_text(text, encoding="utf-8")
    assert (await knowledge.reseed()).applied
    assert (await cast.lookup("maple", None)).entries[0].member.actor == "Alia Shawkat"
    with pytest.raises(NotFoundError):
        await cast.lookup("mabel", None)


async def test_the_name_index_is_built_off_the_event_loop(database, knowledge, monkeypatch):
    import threading

    import bot.services.cast as module

    threads = []
    real = module.FuzzyIndex

    def recording(pairs):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(pairs)

    monkeypatch.setattr(module, "FuzzyIndex", recording)
    service = module.CastService(database, knowledge)
    await service.lookup("dano", None)
    assert threads == [False]
