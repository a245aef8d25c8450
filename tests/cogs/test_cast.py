from __future__ import annotations

from bot.formatting import AUTOCOMPLETE_CHOICE_LIMIT, AUTOCOMPLETE_NAME_LIMIT, MESSAGE_LIMIT
from bot.models import CastEntry, CastMember, FilmSummary
from bot.services.cast import CastLookup
from cogs.cast import cast_text
from loopback.records import FakeChannel
from tests.cogs.conftest import Club

NO_MENTIONS = {"parse": []}
MANAGE_GUILD = 1 << 5
HARRY_DESCRIPTION = "Calvin's older brother in whom he confides about the true nature of Ruby"
RUBY_DESCRIPTION = "a young woman who is initially a dream and inspires Calvin"


async def spoiler_channel(club: Club) -> FakeChannel:
    channel = club.fake.add_channel(club.guild, "spoilers")
    done = await club.fake.slash(
        "spoilers",
        {"channel": channel.id, "allowed": True},
        user=club.fake.user("admin"),
        permissions=MANAGE_GUILD,
    )
    assert done.ephemeral
    return channel


async def test_misspelt_actor_finds_chris_messina_as_harry(club: Club) -> None:
    reply = await club.fake.slash("cast", {"query": "chris mesina"})
    assert not reply.ephemeral
    assert reply.content.startswith(
        "**Chris Messina** plays **Harry Weir-Fields** in *Ruby Sparks (2012)*\n> "
    )
    assert reply.allowed_mentions == NO_MENTIONS


async def test_character_short_name_finds_zoe_kazan(club: Club) -> None:
    reply = await club.fake.slash("cast", {"query": "ruby"})
    assert reply.content.startswith("**Zoe Kazan** plays **Ruby Tiffany Sparks**")
    assert RUBY_DESCRIPTION in reply.content
    assert "people match" not in reply.content


async def test_spoiler_description_is_tagged_in_a_normal_channel(club: Club) -> None:
    reply = await club.fake.slash("cast", {"query": "chris mesina"})
    assert f"> ||{HARRY_DESCRIPTION}||" in reply.content
    assert reply.content.count("||") == 2


async def test_plain_description_is_never_tagged(club: Club) -> None:
    reply = await club.fake.slash("cast", {"query": "dr rosenthal"})
    assert reply.content.startswith("**Elliott Gould** plays **Dr. Rosenthal**")
    assert "> Calvin's therapist who encourages Calvin" in reply.content
    assert "||" not in reply.content


async def test_spoiler_description_is_untagged_in_a_spoiler_channel(club: Club) -> None:
    channel = await spoiler_channel(club)
    reply = await club.fake.slash("cast", {"query": "chris mesina"}, channel=channel)
    assert f"> {HARRY_DESCRIPTION}" in reply.content
    assert "||" not in reply.content


async def test_shared_surname_lists_every_match(club: Club) -> None:
    reply = await club.fake.slash("cast", {"query": "weir fields"})
    assert reply.content.startswith("3 people match:")
    for actor in ("Paul Dano", "Chris Messina", "Toni Trucks"):
        assert f"**{actor}**" in reply.content
    assert len(reply.content) <= MESSAGE_LIMIT


async def test_film_option_limits_the_search(club: Club) -> None:
    reply = await club.fake.slash("cast", {"query": "calvin", "film": "ruby-sparks"})
    assert reply.content.startswith("**Paul Dano** plays **Calvin Weir-Fields**")


async def test_nobody_matching_gets_a_short_ephemeral_error(club: Club) -> None:
    reply = await club.fake.slash("cast", {"query": "Humphrey Bogart"})
    assert reply.ephemeral
    assert reply.content == "Nobody in the cast matches that name."


async def test_unknown_film_option_gets_a_short_ephemeral_error(club: Club) -> None:
    reply = await club.fake.slash("cast", {"query": "ruby", "film": "Casablanca"})
    assert reply.ephemeral
    assert "No film matches" in reply.content


async def test_autocomplete_offers_actors_and_characters(club: Club) -> None:
    choices = await club.fake.autocomplete("cast", option="query", value="chr")
    names = [choice.name for choice in choices]
    assert "Chris Messina" in names
    assert all(choice.name == choice.value for choice in choices)
    by_character = await club.fake.autocomplete("cast", option="query", value="rosen")
    assert [c.name for c in by_character][:1] == ["Dr. Rosenthal"]


async def test_autocomplete_stays_within_discord_limits(club: Club) -> None:
    for value in ("", "a", "chr", "zzzz", "x" * 100):
        choices = await club.fake.autocomplete("cast", option="query", value=value)
        assert len(choices) <= AUTOCOMPLETE_CHOICE_LIMIT
        for choice in choices:
            assert 1 <= len(choice.name) <= AUTOCOMPLETE_NAME_LIMIT
            assert len(str(choice.value)) <= AUTOCOMPLETE_NAME_LIMIT


async def test_empty_autocomplete_lists_the_cast_in_credit_order(club: Club) -> None:
    choices = await club.fake.autocomplete("cast", option="query", value="")
    names = [choice.name for choice in choices]
    assert names[:4] == ["Paul Dano", "Calvin Weir-Fields", "Zoe Kazan", "Ruby Tiffany Sparks"]
    assert len(names) == AUTOCOMPLETE_CHOICE_LIMIT


async def test_autocomplete_respects_the_film_option(club: Club) -> None:
    choices = await club.fake.autocomplete(
        "cast", option="query", value="mess", options={"film": "ruby-sparks"}
    )
    assert "Chris Messina" in [c.name for c in choices]


def test_many_long_spoiler_descriptions_never_leave_a_tag_open() -> None:
    film = FilmSummary(slug="ruby-sparks", title="Ruby Sparks", year=2012)
    description = "He reveals how the film ends. " * 30
    entries = tuple(
        CastEntry(film, CastMember(f"Actor {i}", f"Character {i}", description, i, spoiler=True))
        for i in range(10)
    )
    text = cast_text(CastLookup(entries=entries, matched="x"), spoilers_shown=False)
    assert len(text) <= MESSAGE_LIMIT
    lines = text.split("\n")
    assert lines[0] == "10 people match:"
    shown = [line for line in lines if line.startswith("> ")]
    assert len(shown) >= 2
    for line in shown:
        assert line.startswith("> ||") and line.endswith("||")
        assert line.count("||") == 2
    assert not text.endswith("…")


def test_a_cast_note_is_shown_beside_the_entry() -> None:
    film = FilmSummary(slug="osaki-lanterns", title="Lanterns of Osaki", year=2018)
    member = CastMember("Mio Asakura", "Hana", None, 0, note="Japanese")
    text = cast_text(
        CastLookup(entries=(CastEntry(film, member),), matched="x"), spoilers_shown=False
    )
    assert text == "**Mio Asakura** plays **Hana** in *Lanterns of Osaki (2018)* (Japanese)"
