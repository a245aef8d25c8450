from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.errors import AmbiguousFilmError, NotFoundError, UnknownFilmError
from bot.models import FilmRecord, FilmSummary, KnowledgeBase, Section
from bot.services.films import FilmService
from bot.services.knowledge import KnowledgeService
from bot.storage.database import Database

RUBY_SPARKS = FilmSummary(slug="ruby-sparks", title="Ruby Sparks", year=2012)
GUILD = 1_000_000_000_000_000_001


def film_record(slug: str, title: str, **changes: object) -> FilmRecord:
    return FilmRecord(slug=slug, title=title, lead=f"{title} is a film.", **changes)


@pytest.fixture
def films(database: Database, knowledge: KnowledgeService) -> FilmService:
    return FilmService(database, knowledge)


async def films_over(database: Database, *records: FilmRecord) -> FilmService:
    """A film service over hand-made films instead of the seeds."""
    await database.replace_knowledge_base(KnowledgeBase(films=records), {})
    return FilmService(database, KnowledgeService(database, Path("unused")))


async def test_films_lists_the_seeded_film(films: FilmService) -> None:
    assert await films.films() == (RUBY_SPARKS,)


@pytest.mark.parametrize(
    "text", ["ruby-sparks", "Ruby Sparks", "ruby sparks", "rubby sparks", " Ruby Sparks (2012)"]
)
async def test_find_by_slug_title_or_misspelt_title(films: FilmService, text: str) -> None:
    assert await films.find(text) == RUBY_SPARKS


@pytest.mark.parametrize("text", ["The Godfather", "", "zzz", "'; DROP TABLE films; --"])
async def test_find_unknown_film_raises(films: FilmService, text: str) -> None:
    with pytest.raises(
        UnknownFilmError, match=r"No film matches that\. Try /film list\. \(1 known\)"
    ):
        await films.find(text)


async def test_resolve_defaults_to_the_only_film(films: FilmService) -> None:
    assert await films.resolve(None, None) == RUBY_SPARKS
    assert await films.resolve(None, GUILD) == RUBY_SPARKS


async def test_resolve_uses_the_guild_film_among_several(database: Database) -> None:
    films = await films_over(
        database, film_record("paper-moon", "Paper Moon"), film_record("ruby-sparks", "Ruby Sparks")
    )
    with pytest.raises(AmbiguousFilmError):
        await films.resolve(None, GUILD)
    paper_moon, ruby_sparks = await films.films()
    await films.choose_for_guild(GUILD, paper_moon)
    assert await database.guild_film(GUILD) == "paper-moon"
    assert await films.resolve(None, GUILD) == paper_moon
    assert await films.resolve(ruby_sparks, GUILD) == ruby_sparks
    with pytest.raises(AmbiguousFilmError):
        await films.resolve(None, GUILD + 1)


async def test_scope_is_the_film_given_else_the_guild_film_else_every_film(
    database: Database,
) -> None:
    films = await films_over(
        database, film_record("paper-moon", "Paper Moon"), film_record("ruby-sparks", "Ruby Sparks")
    )
    paper_moon, ruby_sparks = await films.films()
    assert await films.scope(None, GUILD) is None
    assert await films.scope(None, None) is None
    await films.choose_for_guild(GUILD, paper_moon)
    assert await films.scope(None, GUILD) == paper_moon
    assert await films.scope(ruby_sparks, GUILD) == ruby_sparks
    assert await films.scope(None, GUILD + 1) is None


async def test_resolve_without_films_raises(database: Database) -> None:
    films = FilmService(database, KnowledgeService(database, Path("unused")))
    with pytest.raises(NotFoundError, match="knows no films yet"):
        await films.resolve(None, None)


async def test_suggest(films: FilmService) -> None:
    assert await films.suggest("", 25) == [RUBY_SPARKS]
    assert await films.suggest("rub", 25) == [RUBY_SPARKS]
    assert await films.suggest("rubyy sparks", 25) == [RUBY_SPARKS]
    assert await films.suggest("zzz", 25) == []
    assert await films.suggest("rub", 0) == []


async def test_info_has_credits_runtime_release_money_and_reviews(films: FilmService) -> None:
    info = await films.info(RUBY_SPARKS)
    assert info.summary == RUBY_SPARKS
    assert info.credit("director") == ("Jonathan Dayton", "Valerie Faris")
    assert info.runtime_minutes == 104
    assert info.release_date == dt.date(2012, 7, 25)
    assert [m.key for m in info.money] == ["Gross"]
    assert any(r.aggregator == "Rotten Tomatoes" for r in info.reviews)
    assert info.lead.startswith("Ruby Sparks is a 2012 American")


async def test_info_of_a_film_no_longer_loaded_raises(films: FilmService) -> None:
    gone = FilmSummary(slug="gone", title="Gone", year=None)
    with pytest.raises(UnknownFilmError, match="no longer loaded"):
        await films.info(gone)


async def test_plot_has_only_spoiler_sections(films: FilmService) -> None:
    plot = await films.plot(RUBY_SPARKS)
    assert plot.film == RUBY_SPARKS
    assert [s.path for s in plot.sections] == [("Plot",)]
    assert all(section.spoiler for section in plot.sections)
    assert "Calvin" in plot.sections[0].text


async def test_plot_of_a_film_without_one_raises(database: Database) -> None:
    cast_only = Section(path=("Cast",), text="Someone as someone", position=0, spoiler=False)
    films = await films_over(database, film_record("quiet", "Quiet", sections=(cast_only,)))
    with pytest.raises(NotFoundError, match="No plot is known for Quiet"):
        await films.plot(await films.find("quiet"))


async def test_films_are_reloaded_after_a_reseed(
    films: FilmService, knowledge: KnowledgeService, seeds_dir: Path
) -> None:
    assert await films.films() == (RUBY_SPARKS,)
    seeds_dir.chmod(0o755)
    (seeds_dir / "ruby-sparks").rename(seeds_dir / "ruby-sparks-copy")
    assert (await knowledge.reseed()).applied
    assert [f.slug for f in await films.films()] == ["ruby-sparks-copy"]
    assert (await films.find("ruby-sparks")).slug == "ruby-sparks-copy"  # by its title


async def test_find_accepts_the_start_of_a_title(films: FilmService) -> None:
    film = await films.find("ruby")
    assert film.slug == "ruby-sparks"
