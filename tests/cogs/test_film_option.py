"""The film option every command shares: autocomplete, lookup and the server's chosen film."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bot.parsing.lantern_keeper import DIRECTOR, INTERVIEW, SLUG, STAR, write_film
from tests.cogs.conftest import Club

MANAGE_GUILD = 1 << 5
FILM_COMMANDS = ("film info", "film plot", "club film", "cast", "quote", "trivia start")
RUBY_SPARKS = "ruby-sparks"
LANTERN_LINE = "From my grandmother."


@pytest.fixture
def seeds_dir(seeds_dir: Path) -> Path:
    """The seeds with a second film, so that choosing one matters."""
    write_film(seeds_dir, {"100_interview.txt": INTERVIEW})
    return seeds_dir


async def choose(club: Club, film: str) -> None:
    reply = await club.fake.slash(
        "club film", {"film": film}, user=club.fake.user("mod"), permissions=MANAGE_GUILD
    )
    assert "This server's film is now" in reply.content


@pytest.mark.parametrize("path", FILM_COMMANDS)
async def test_every_film_option_autocompletes_titles(club: Club, path: str) -> None:
    perms = MANAGE_GUILD if path.startswith("club") else None  # others never see /club
    choices = await club.fake.autocomplete(path, option="film", value="the lant", permissions=perms)
    assert [(c.name, c.value) for c in choices][:1] == [("The Lantern Keeper (2015)", SLUG)]
    everything = await club.fake.autocomplete(path, option="film", value="", permissions=perms)
    assert {c.value for c in everything} == {SLUG, RUBY_SPARKS}


async def test_quote_without_a_chosen_film_searches_every_film(club: Club) -> None:
    reply = await club.fake.slash("quote", {"text": "grandmother"})
    assert LANTERN_LINE in reply.content


async def test_quote_uses_the_servers_chosen_film(club: Club) -> None:
    await choose(club, RUBY_SPARKS)
    reply = await club.fake.slash("quote", {"text": "grandmother"})
    assert reply.ephemeral
    assert reply.content == "No quote matches those words."
    # The film option still wins over the server's choice.
    named = await club.fake.slash("quote", {"text": "grandmother", "film": "lantern keeper"})
    assert LANTERN_LINE in named.content


async def test_random_quote_comes_from_the_servers_chosen_film(club: Club) -> None:
    await choose(club, SLUG)
    for _ in range(5):
        reply = await club.fake.slash("quote")
        assert DIRECTOR in reply.content or STAR in reply.content


async def test_speaker_autocomplete_follows_the_servers_chosen_film(club: Club) -> None:
    everyone = await club.fake.autocomplete("quote", option="speaker", value="")
    assert {DIRECTOR, STAR, "Valerie Faris"} <= {c.name for c in everyone}
    await choose(club, SLUG)
    chosen = await club.fake.autocomplete("quote", option="speaker", value="")
    assert {c.name for c in chosen} == {DIRECTOR, STAR}


async def test_cast_uses_the_servers_chosen_film(club: Club) -> None:
    found = await club.fake.slash("cast", {"query": "wren hadley"})
    assert f"**{STAR}** plays **Wren Hadley**" in found.content
    await choose(club, RUBY_SPARKS)
    limited = await club.fake.slash("cast", {"query": "wren hadley"})
    assert STAR not in limited.content
    named = await club.fake.slash("cast", {"query": "wren hadley", "film": SLUG})
    assert f"**{STAR}** plays **Wren Hadley**" in named.content


async def test_cast_autocomplete_follows_the_servers_chosen_film(club: Club) -> None:
    await choose(club, RUBY_SPARKS)
    names = {c.name for c in await club.fake.autocomplete("cast", option="query", value="")}
    assert "Paul Dano" in names
    assert STAR not in names


async def test_choosing_an_unknown_film_is_a_short_error_and_changes_nothing(club: Club) -> None:
    reply = await club.fake.slash(
        "club film",
        {"film": "The Godfather Part XVII"},
        user=club.fake.user("mod"),
        permissions=MANAGE_GUILD,
    )
    assert reply.ephemeral
    assert "No film matches" in reply.content
    assert await club.bot.services.database.guild_film(club.guild.id) is None
