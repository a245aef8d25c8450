from __future__ import annotations

import pytest

from bot.formatting import AUTOCOMPLETE_CHOICE_LIMIT, AUTOCOMPLETE_NAME_LIMIT, MESSAGE_LIMIT
from loopback.records import FakeChannel, Reply
from tests.cogs.conftest import Club

NO_MENTIONS = {"parse": []}
MANAGE_GUILD = 1 << 5
SPOILER_LINE = "You're going to snap your fingers."
APOLOGY = "Sorry, something went wrong"


async def spoiler_channel(club: Club) -> FakeChannel:
    channel = club.fake.add_channel(club.guild, "spoilers")
    await club.fake.slash(
        "spoilers",
        {"channel": channel.id, "allowed": True},
        user=club.fake.user("admin"),
        permissions=MANAGE_GUILD,
    )
    return channel


def best_quote(reply: Reply) -> str:
    """The first line of the reply: the best quote."""
    first = reply.content.split("\n", 1)[0]
    assert first.startswith("> ")
    return first


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tattoo better love it forever", "it is like a tattoo"),
        ("plese dont let this go to waste men everywhere", "let this go to waste"),
        ("lyrics in frnech", "all the lyrics in French"),
        ("compos edit sui", "moved the composer into the edit suite"),
        ("rock botom", "Hit that rock bottom"),
        ("looking for a paycheck", "not looking for a paycheck"),
    ],
)
async def test_half_remembered_words_find_the_quote(club: Club, text: str, expected: str) -> None:
    reply = await club.fake.slash("quote", {"text": text})
    assert not reply.ephemeral
    assert expected in best_quote(reply)
    assert reply.allowed_mentions == NO_MENTIONS
    assert len(reply.content) <= MESSAGE_LIMIT


async def test_quote_shows_speaker_source_date_and_question(club: Club) -> None:
    reply = await club.fake.slash("quote", {"text": "tattoo better love it"})
    lines = reply.content.split("\n")
    assert "it is like a tattoo, you better love it" in lines[0]
    title = 'Two Filmmakers Discuss Their New Movie, and the Meaning of "Independent"'
    assert lines[1] == f"— **Jonathan Dayton**, *{title}*, 2012-09-06"
    assert lines[2].startswith("Asked: But this happens as well in human relationships.")


async def test_quote_source_without_date_shows_the_publication(club: Club) -> None:
    reply = await club.fake.slash("quote", {"text": "not looking for a paycheck"})
    lines = reply.content.split("\n")
    assert lines[1] == "— **Valerie Faris**, *The Film Stage*"
    assert lines[2].startswith("Asked: What about some of your other casting choices?")


async def test_runners_up_are_listed_briefly(club: Club) -> None:
    reply = await club.fake.slash("quote", {"text": "relationship fantasy real person"})
    assert "\nAlso close:\n• " in reply.content
    assert len(reply.content) <= MESSAGE_LIMIT


async def test_speaker_gives_that_speakers_quotes(club: Club) -> None:
    for _ in range(3):
        reply = await club.fake.slash("quote", {"speaker": "faris"})
        assert not reply.ephemeral
        attribution = reply.content.split("\n")[1]
        assert attribution.startswith("— **") and "Valerie Faris" in attribution


async def test_speaker_and_text_together(club: Club) -> None:
    reply = await club.fake.slash("quote", {"text": "love chris", "speaker": "valerie"})
    assert best_quote(reply) == "> I love Chris."
    assert "— **Valerie Faris**" in reply.content


async def test_unknown_speaker_gets_a_short_ephemeral_error(club: Club) -> None:
    reply = await club.fake.slash("quote", {"speaker": "Orson Welles"})
    assert reply.ephemeral
    assert reply.content == "Nobody quoted matches that speaker."


async def test_no_options_gives_a_random_quote(club: Club) -> None:
    reply = await club.fake.slash("quote")
    assert not reply.ephemeral
    assert reply.content.startswith("> ")
    assert "\n— **" in reply.content


async def test_spoiler_quote_is_tagged_in_a_normal_channel(club: Club) -> None:
    reply = await club.fake.slash("quote", {"text": "snap your fingers bark like a dog"})
    first = best_quote(reply)
    assert first.startswith("> ||") and first.endswith("||")
    assert SPOILER_LINE in first
    assert reply.content.split("\n")[2].startswith("Asked: ||")


async def test_spoiler_quote_is_untagged_in_a_spoiler_channel(club: Club) -> None:
    channel = await spoiler_channel(club)
    reply = await club.fake.slash(
        "quote", {"text": "snap your fingers bark like a dog"}, channel=channel
    )
    assert SPOILER_LINE in best_quote(reply)
    assert "||" not in reply.content


async def test_quote_before_the_spoiler_marker_is_never_tagged(club: Club) -> None:
    reply = await club.fake.slash("quote", {"text": "pop song baseball bat"})
    assert "with a baseball bat" in best_quote(reply)
    assert "||" not in best_quote(reply)


async def test_nothing_close_gets_a_short_ephemeral_error(club: Club) -> None:
    reply = await club.fake.slash("quote", {"text": "xylophone zebra quantum"})
    assert reply.ephemeral
    assert reply.content == "No quote matches those words."


HOSTILE = [
    '"',
    "*",
    "AND",
    "NEAR(",
    ":",
    "@everyone",
    "<@123>",
    "<@&456> @here",
    "🎬🍿 ruby 🎬",
    "'; DROP TABLE quotes; --",
    'text:"love" OR ^chris* -dog NEAR(a b, 3)',
    "||spoiler|| **bold** `code`",
    "\\" * 30,
    "ĳ ﬁ Zoë Ⅻ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    ("xq7$ %^&* (zz) [q] {w} " * 20)[:300],
    "word " * 60,
]


@pytest.mark.parametrize("text", HOSTILE)
async def test_hostile_text_just_works_and_never_pings(club: Club, text: str) -> None:
    reply = await club.fake.slash("quote", {"text": text})
    assert APOLOGY not in reply.content
    if reply.ephemeral:
        assert reply.content == "No quote matches those words."
    else:
        assert reply.content.startswith("> ")
    assert reply.allowed_mentions == NO_MENTIONS
    assert len(reply.content) <= MESSAGE_LIMIT
    assert "@everyone" not in reply.content and "<@123>" not in reply.content


@pytest.mark.parametrize("text", ["@everyone", "<@123>", "NEAR(", '"'])
async def test_hostile_speaker_gets_a_short_error(club: Club, text: str) -> None:
    reply = await club.fake.slash("quote", {"speaker": text})
    assert reply.ephemeral
    assert reply.content == "Nobody quoted matches that speaker."
    assert reply.allowed_mentions == NO_MENTIONS


async def test_quote_database_survives_sql_injection(club: Club) -> None:
    await club.fake.slash("quote", {"text": "'; DROP TABLE quotes; --"})
    reply = await club.fake.slash("quote", {"text": "tattoo better love it forever"})
    assert "it is like a tattoo" in best_quote(reply)


async def test_speaker_autocomplete(club: Club) -> None:
    choices = await club.fake.autocomplete("quote", option="speaker", value="fa")
    assert [c.name for c in choices][:1] == ["Valerie Faris"]
    everyone = await club.fake.autocomplete("quote", option="speaker", value="")
    assert [c.name for c in everyone] == ["Jonathan Dayton", "Valerie Faris"]
    in_film = await club.fake.autocomplete(
        "quote", option="speaker", value="jon", options={"film": "ruby-sparks"}
    )
    assert [c.value for c in in_film] == ["Jonathan Dayton"]


async def test_speaker_autocomplete_stays_within_limits(club: Club) -> None:
    for value in ("", "x" * 100, "<@123>", "🎬"):
        choices = await club.fake.autocomplete("quote", option="speaker", value=value)
        assert len(choices) <= AUTOCOMPLETE_CHOICE_LIMIT
        assert all(len(c.name) <= AUTOCOMPLETE_NAME_LIMIT for c in choices)


async def test_text_autocomplete_suggests_quotes_and_the_choice_shows_that_one(club: Club) -> None:
    choices = await club.fake.autocomplete("quote", option="text", value="tattoo better lo")
    assert choices
    assert len(choices) <= AUTOCOMPLETE_CHOICE_LIMIT
    assert all(len(c.name) <= AUTOCOMPLETE_NAME_LIMIT for c in choices)
    reply = await club.fake.slash("quote", {"text": choices[0].value})
    assert "it is like a tattoo" in best_quote(reply)
    assert "Also close:" not in reply.content


async def test_text_autocomplete_stays_within_limits(club: Club) -> None:
    for value in ("", "th", "x" * 300, "<@123>", "🎬", '"love" OR "hate"'):
        choices = await club.fake.autocomplete("quote", option="text", value=value)
        assert len(choices) <= AUTOCOMPLETE_CHOICE_LIMIT
        assert all(len(c.name) <= AUTOCOMPLETE_NAME_LIMIT for c in choices)
