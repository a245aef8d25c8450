from __future__ import annotations

from bot.formatting import MESSAGE_LIMIT, split_message
from cogs.film import plot_text
from tests.cogs.conftest import Club

NO_MENTIONS = {"parse": []}


async def test_film_info_embed_has_credits_runtime_release_and_reception(club: Club) -> None:
    reply = await club.fake.slash("film info", {"film": "ruby-sparks"})
    (embed,) = reply.embeds
    assert embed["title"] == "Ruby Sparks (2012)"
    fields = {field["name"]: field["value"] for field in embed["fields"]}
    assert fields["Director"] == "Jonathan Dayton, Valerie Faris"
    assert fields["Writer"] == "Zoe Kazan"
    assert fields["Runtime"] == "104 minutes"
    assert fields["Released"] == "2012-07-25"
    assert fields["Distributor"] == "Fox Searchlight Pictures"
    assert fields["Music"] == "Nick Urata"
    assert "Gross: $9.4 million" in fields["Box office"]
    assert "Rotten Tomatoes: approval 79" in fields["Reception"]
    assert not reply.ephemeral
    assert reply.allowed_mentions == NO_MENTIONS


async def test_film_info_without_film_uses_the_only_film(club: Club) -> None:
    reply = await club.fake.slash("film info")
    assert reply.embeds[0]["title"] == "Ruby Sparks (2012)"


async def test_film_info_forgives_a_misspelt_title(club: Club) -> None:
    reply = await club.fake.slash("film info", {"film": "rubby sparks"})
    assert reply.embeds[0]["title"] == "Ruby Sparks (2012)"


async def test_unknown_film_gets_a_short_ephemeral_error(club: Club) -> None:
    reply = await club.fake.slash("film info", {"film": "The Godfather Part XVII"})
    assert reply.ephemeral
    assert "No film matches" in reply.content


async def expected_plot_messages(club: Club, header: str, *, hidden: bool) -> int:
    films = club.bot.services.films
    plot = await films.plot(await films.find("ruby-sparks"))
    return len(split_message(plot_text(plot), hidden=hidden, limit=MESSAGE_LIMIT - len(header)))


async def test_film_plot_is_spoiler_tagged_in_every_message(club: Club) -> None:
    count = await expected_plot_messages(club, "**Ruby Sparks (2012)**: plot\n", hidden=True)
    assert count >= 2
    reply = await club.fake.slash("film plot", {"film": "ruby-sparks"}, messages=count)
    messages = reply.all_messages
    assert len(messages) == count
    for message in messages:
        assert len(message.content) <= MESSAGE_LIMIT
        body = message.content.split("\n", 1)[-1] if message is messages[0] else message.content
        assert body.startswith("||") and body.endswith("||")
        assert body.count("||") == 2


async def test_film_plot_is_untagged_in_a_spoiler_channel(club: Club) -> None:
    channel = club.fake.add_channel(club.guild, "spoilers")
    admin = club.fake.user("admin")
    done = await club.fake.slash(
        "spoilers",
        {"channel": channel.id, "allowed": True},
        guild=club.guild,
        user=admin,
        permissions=1 << 5,
    )
    assert done.ephemeral
    count = await expected_plot_messages(club, "**Ruby Sparks (2012)**: plot\n", hidden=False)
    reply = await club.fake.slash("film plot", guild=club.guild, channel=channel, messages=count)
    assert "||" not in "".join(m.content for m in reply.all_messages)
    assert "Calvin" in reply.content


async def test_film_list_and_autocomplete(club: Club) -> None:
    reply = await club.fake.slash("film list")
    assert "Ruby Sparks (2012) (`ruby-sparks`)" in reply.content
    choices = await club.fake.autocomplete("film info", option="film", value="rub")
    assert [(c.name, c.value) for c in choices] == [("Ruby Sparks (2012)", "ruby-sparks")]
