"""Lists on Discord: /trivia lists, list rounds in buttons mode, uploads and deletes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bot.parsing import LISTS_FOLDER
from loopback.records import LoopbackError, PostedMessage
from tests.cogs.trivia.conftest import TriviaClub, embed_text, text_of

MANAGE_GUILD = 1 << 5
LISTS = Path(__file__).parents[2] / "bot" / "trivia" / "lists"
CINEMA = """\
AUTHOR: Projection booth
DESCRIPTION: The old cinema on Quay Street.
CONFIG:
  delay: 15
  max_score: 5
  bot_plays: true
Which year did the cinema open?: [1931]
Which year did the balcony close?: [1968]
Which year was the organ removed?: [1957]
Which year did the cinema reopen?: [1999]
"""
ANSWERS = {
    "Which year did the cinema open?": "1931",
    "Which year did the balcony close?": "1968",
    "Which year was the organ removed?": "1957",
    "Which year did the cinema reopen?": "1999",
}
UPLOAD = b"""\
AUTHOR: Ushers' guild
Who tears the tickets?: [Ida Brenner]
Who tears the tickets?: [Ida]
Who sweeps the aisles?: [Osric Vale]
Who sells the popcorn?: [Maud Keller]
Who fixes the seats?: [Felix Oduya]
Is the organ still there?: [No]
"""


@pytest.fixture
def seeds_dir(tmp_path: Path, project_seeds: Path) -> Path:
    """The project's seeds plus a folder of lists."""
    target = tmp_path / "seeds"
    shutil.copytree(project_seeds, target)
    (target / LISTS_FOLDER).mkdir()
    (target / LISTS_FOLDER / "cinema.yaml").write_text(CINEMA, encoding="utf-8")
    shutil.copy(LISTS / "numbers.yaml", target / LISTS_FOLDER / "numbers.yaml")
    return target


def _choice_of(message: PostedMessage, answer: str) -> int:
    """Index of the button whose choice is ``answer``."""
    labels = re.findall(r"^\*\*([A-D])\.\*\* (.+)$", text_of(message), flags=re.MULTILINE)
    return next(index for index, (_, text) in enumerate(labels) if text == answer)


def _question_text(message: PostedMessage) -> str:
    return text_of(message).splitlines()[1]


async def test_lists_shows_every_list_with_author_description_and_count(
    trivia_club: TriviaClub,
) -> None:
    reply = await trivia_club.fake.slash("trivia lists")
    text = embed_text(reply.embeds)
    assert "**cinema** · 4 question(s)" in text
    assert "The old cinema on Quay Street. — by Projection booth" in text
    assert "**numbers** · 7 question(s)" in text
    choices = await trivia_club.fake.autocomplete("trivia start", "list", "cin")
    assert [choice.value for choice in choices] == ["cinema"]
    assert choices[0].name.startswith("cinema · 4 q · The old cinema")


async def test_a_buttons_round_from_a_hand_written_list(trivia_club: TriviaClub) -> None:
    fake, channel = trivia_club.fake, trivia_club.guild.general
    alice, bob = fake.user("alice"), fake.user("bob")
    reply = await fake.slash(
        "trivia start", {"list": "cinema", "mode": "buttons", "questions": 4}, user=alice
    )
    opening = embed_text(reply.embeds)
    assert "Trivia: cinema" in opening
    assert "4 question(s) · buttons · 15 s each" in opening
    assert "faster is better" in opening
    assert "The first to 5 points wins" in opening
    assert "List by Projection booth" in opening

    first = await trivia_club.next_message(channel, None, "Question 1/4")
    answer = ANSWERS[_question_text(first)]
    wrong = {"1931", "1968", "1957", "1999"} - {answer}
    choices = re.findall(r"^\*\*[A-D]\.\*\* (\d+)$", text_of(first), flags=re.MULTILINE)
    assert set(choices) - {answer} <= wrong | {str(int(answer) + d) for d in (-3, -2, -1, 1, 2, 3)}
    right = _choice_of(first, answer)
    await fake.click(first, first.custom_ids[right], user=alice)
    await trivia_club.advance(1)
    await fake.click(first, first.custom_ids[right], user=bob)
    await trivia_club.advance(15)
    reveal = await trivia_club.next_message(channel, first, "The answer was")
    assert f"<@{alice.id}> +3" in text_of(reveal)
    assert f"<@{bob.id}> +2" in text_of(reveal)
    assert "From the list cinema by Projection booth." in text_of(reveal)
    assert f"**{'ABCD'[right]} 2** ✓" in text_of(reveal)  # how many picked each choice
    assert text_of(reveal).count(" 0") == 3

    await trivia_club.advance(5)
    second = await trivia_club.next_message(channel, reveal, "Question 2/4")
    right = _choice_of(second, ANSWERS[_question_text(second)])
    await fake.click(second, second.custom_ids[right], user=alice)
    await trivia_club.advance(15)
    end = await trivia_club.next_message(channel, second, "That's the round!")
    assert f"<@{alice.id}>: 6 point(s)" in text_of(end)  # max_score 5 reached: no question 3
    assert not [m for m in fake.channel_messages(channel) if "Question 3/4" in text_of(m)]


async def test_admins_upload_list_and_delete_a_servers_list(trivia_club: TriviaClub) -> None:
    fake = trivia_club.fake
    admin = fake.user("admin")
    file = fake.attach("Ushers.yaml", UPLOAD, "application/x-yaml")
    reply = await fake.slash(
        "trivia-admin upload", {"file": file}, user=admin, permissions=MANAGE_GUILD
    )
    assert reply.ephemeral
    assert "Added the list **ushers**: 5 question(s)." in reply.content
    assert "Ushers.yaml:3: duplicate question (first on line 2); answers merged" in reply.content
    listed = embed_text((await fake.slash("trivia lists")).embeds)
    assert "**ushers** · 5 question(s)" in listed

    bad = fake.attach("broken.yaml", b"Q1?: [a]\nQ2?:\n  key: value\n")
    refused = await fake.slash(
        "trivia-admin upload", {"file": bad}, user=admin, permissions=MANAGE_GUILD
    )
    assert refused.ephemeral
    assert "broken.yaml:3: answers must be a list of strings or numbers" in refused.content

    taken = fake.attach("numbers.yaml", UPLOAD)
    refused = await fake.slash(
        "trivia-admin upload", {"file": taken}, user=admin, permissions=MANAGE_GUILD
    )
    assert "name of a list everyone has" in refused.content

    offered = await fake.autocomplete(
        "trivia-admin delete", "name", "", user=admin, permissions=MANAGE_GUILD
    )
    assert [choice.value for choice in offered] == ["ushers"]  # not the owner's lists
    with pytest.raises(LoopbackError, match="hidden"):
        await fake.slash("trivia-admin delete", {"name": "ushers"}, user=fake.user("member"))
    deleted = await fake.slash(
        "trivia-admin delete", {"name": "ushers"}, user=admin, permissions=MANAGE_GUILD
    )
    assert "Deleted the list **ushers**." in deleted.content
    assert "ushers" not in embed_text((await fake.slash("trivia lists")).embeds)
