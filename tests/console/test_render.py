"""Rendering the bot's activity: markdown, spoilers, embeds, buttons, ephemeral, edits."""

from __future__ import annotations

import io
from typing import Any

from console.output import Printer, wants_colour
from console.render import Names, has_spoiler, render_activity, render_message
from loopback.activity import Edited, Posted, Reacted, Refused
from loopback.records import EPHEMERAL, LOADING, PostedMessage, RecordedRequest

USERS = {1: "alice", 2: "FilmClub"}
CHANNELS = {10: "general", 11: "quiet"}
NAMES = Names(
    user=lambda i: USERS.get(i, f"user-{i}"),
    channel=lambda i: CHANNELS.get(i, str(i)),
    actor=lambda i: "bob",
)


def message(content: str = "", **fields: Any) -> PostedMessage:
    defaults: dict[str, Any] = {
        "id": 100,
        "channel_id": 10,
        "author_id": 2,
        "content": content,
        "source": "channel",
        "raw": {},
    }
    return PostedMessage(**(defaults | fields))


def text(lines: list[list[tuple[str, str]]]) -> str:
    return "\n".join("".join(part for _, part in line) for line in lines)


def show(msg: PostedMessage, *, reveal: bool = False, current: int = 10) -> str:
    return text(
        render_message(msg, NAMES, reveal=reveal, heading="FilmClub", current_channel=current)
    )


def test_markdown_mentions_and_escapes() -> None:
    shown = show(message(r"**Trivia** for <@1> in <#11>: *Ruby\_Sparks* `code` \*not bold\*"))
    assert shown == "FilmClub: Trivia for @alice in #quiet: Ruby_Sparks code *not bold*"


def test_spoilers_hidden_until_revealed() -> None:
    msg = message("The end: ||Calvin meets her again|| and ||more||")
    assert has_spoiler(msg)
    assert show(msg) == "FilmClub: The end: [spoiler] and [spoiler]"
    assert show(msg, reveal=True) == "FilmClub: The end: Calvin meets her again and more"
    assert not has_spoiler(message("no secrets || here"))


def test_embed_block_with_fields_and_footer() -> None:
    embed = {
        "title": "Ruby Sparks (2012)",
        "description": "A novelist.\nA second line.",
        "fields": [
            {"name": "Director", "value": "Jonathan Dayton"},
            {"name": "Ending", "value": "||she leaves||"},
        ],
        "footer": {"text": "from the seeds"},
    }
    shown = show(message(embeds=(embed,)))
    assert shown.splitlines() == [
        "FilmClub:",
        "  ╭─ Ruby Sparks (2012)",
        "  │ A novelist.",
        "  │ A second line.",
        "  │ Director: Jonathan Dayton",
        "  │ Ending: [spoiler]",
        "  ╰─ from the seeds",
    ]
    assert has_spoiler(message(embeds=(embed,)))


def test_buttons_are_numbered_and_disabled_ones_marked() -> None:
    row = {
        "type": 1,
        "components": [
            {"type": 2, "label": "A", "custom_id": "a", "style": 1},
            {"type": 2, "label": "B", "custom_id": "b", "style": 1, "disabled": True},
            {"type": 2, "label": "Docs", "url": "https://example.org", "style": 5},
        ],
    }
    lines = render_message(
        message("Pick one", components=(row,)),
        NAMES,
        reveal=False,
        heading="FilmClub",
        current_channel=10,
    )
    assert text(lines).splitlines()[1] == "  [1] A  [2] B  [Docs: https://example.org] (click N)"
    assert ("button disabled", "[2] B") in lines[1]


def test_ephemeral_other_channel_and_thinking() -> None:
    private = message("Answer recorded: A.", flags=EPHEMERAL, interaction_id=7, channel_id=11)
    assert show(private) == "[#quiet] FilmClub (only bob can see this): Answer recorded: A."
    assert show(message(flags=LOADING)) == "FilmClub is thinking…"


def render(activity: Any) -> str:
    return text(
        render_activity(
            activity,
            NAMES,
            bot_name="FilmClub",
            revealed=lambda _: False,
            current_channel=10,
            author_of=lambda _: "bob",
        )
    )


def test_edits_reactions_and_refusals() -> None:
    thinking, answer = message(flags=LOADING), message("Here it is.", edited=True)
    assert render(Posted(answer)) == "FilmClub: Here it is."
    assert render(Edited(thinking, answer)) == "FilmClub: Here it is."
    assert render(Edited(message("Old"), answer)) == "FilmClub (edited): Here it is."
    assert render(Reacted(10, 55, "🤏")) == "FilmClub reacted 🤏 to bob's message"
    refused = RecordedRequest("POST", "/channels/11/messages", {}, None, 403)
    assert render(Refused(refused)) == (
        "✗ Discord refused FilmClub's message in #quiet: 403 Missing Permissions"
    )


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_on_a_terminal_plain_otherwise(monkeypatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    line = [("bot", "FilmClub:"), ("text", " hi")]
    terminal = Terminal()
    assert wants_colour(terminal)
    Printer(terminal, colour=True).line(line)
    assert "\x1b[" in terminal.getvalue() and "FilmClub:" in terminal.getvalue()
    plain = io.StringIO()
    assert not wants_colour(plain)
    printer = Printer(plain, colour=False)
    printer.line(line)
    assert plain.getvalue() == "FilmClub: hi\n"
    assert printer.transcript == ["FilmClub: hi"]
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_colour(terminal)
