"""Markup from seeds is shown literally: titles and plots never format or hide a message."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cogs.conftest import Club

HOSTILE_TITLE = "Pipe || Dream *Star* \\"
HOSTILE_PLOT = "The hero hides || the rest behind bars. Then **nothing** is `code`."
ARTICLE = f"""= {HOSTILE_TITLE} =

{HOSTILE_TITLE}
- Director: Orla Venn
- Released: 2020-05-01

A made-up film whose title and plot are full of markup.

==Plot==

{HOSTILE_PLOT}

==Cast==

- Ada Brisk as Nell Foss, a keeper of pipes
"""


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds" / "pipe-dream"
    folder.mkdir(parents=True)
    (folder / "001_article.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path / "seeds"


def _unescaped(text: str, mark: str) -> int:
    """How many times ``mark`` occurs without a backslash escaping its first character."""
    count, at = 0, text.find(mark)
    while at != -1:
        backslashes = len(text[:at]) - len(text[:at].rstrip("\\"))
        count += backslashes % 2 == 0
        at = text.find(mark, at + 1)
    return count


async def test_film_list_escapes_the_title(club: Club) -> None:
    reply = await club.fake.slash("film list")
    assert _unescaped(reply.content, "||") == 0
    assert _unescaped(reply.content, "*") == 0
    assert "\\\\ (2020)" in reply.content  # the title's own backslash, escaped


async def test_film_info_title_is_escaped(club: Club) -> None:
    reply = await club.fake.slash("film info")
    title = reply.embeds[0]["title"]
    assert _unescaped(title, "||") == 0
    assert _unescaped(title, "*") == 0


async def test_film_plot_in_a_spoiler_channel_cannot_hide_the_rest(club: Club) -> None:
    channel = club.fake.add_channel(club.guild, "spoilers")
    admin = club.fake.user("admin")
    await club.fake.slash(
        "spoilers", {"channel": channel.id, "allowed": True}, user=admin, permissions=1 << 5
    )
    reply = await club.fake.slash("film plot", channel=channel)
    assert "the rest behind bars" in reply.content
    assert _unescaped(reply.content, "||") == 0
    assert _unescaped(reply.content, "**") == 2  # the header opens and closes bold, nothing else
    assert _unescaped(reply.content, "`") == 0
