"""`/help`: the bot's slash commands with their options, and the console's own words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from console.render import Line, meta
from console.world import CHANNELS

__all__ = ["CONSOLE_WORDS", "help_lines", "usages"]

Json = Mapping[str, Any]
SUBCOMMAND, GROUP = 1, 2
CONSOLE_WORDS = (
    ("as NAME: LINE", "say LINE (a message, /command or click N) as another member"),
    ("#CHANNEL", f"go to a channel: {', '.join('#' + c for c in CHANNELS)}"),
    ("click N", "press button N of the latest message with buttons"),
    ("reveal", "show the spoilers of the latest reply that hid some"),
    ("wait [SECONDS]", "let trivia time pass: to the bot's next event, or SECONDS of it"),
    ("complete LINE", "show what Tab offers at the end of a /command line"),
    ("/quit, Ctrl-D", "leave"),
)


def usages(command: Json, path: str) -> list[tuple[str, str]]:
    """`(/path <required> [optional], description)` for each leaf command under `command`."""
    children = [o for o in command.get("options", []) if o["type"] in (SUBCOMMAND, GROUP)]
    if not children:
        words = [
            f"<{o['name']}>" if o.get("required") else f"[{o['name']}]"
            for o in command.get("options", [])
        ]
        return [(" ".join([f"/{path}", *words]), str(command.get("description", "")))]
    found: list[tuple[str, str]] = []
    for child in children:
        found += usages(child, f"{path} {child['name']}")
    return found


def _table(rows: Sequence[tuple[str, str]]) -> list[Line]:
    width = max((len(left) for left, _ in rows), default=0)
    return [[("bold", f"  {left.ljust(width)}"), ("meta", f"  {right}")] for left, right in rows]


def help_lines(commands: Sequence[Json]) -> list[Line]:
    """The help text for the synced `commands`."""
    rows: list[tuple[str, str]] = []
    for command in sorted(commands, key=lambda c: str(c["name"])):
        if command.get("type", 1) == 1:
            rows += usages(command, str(command["name"]))
    return [
        meta("Slash commands (Tab completes names, options and values):"),
        *_table(rows),
        meta("Console:"),
        *_table(CONSOLE_WORDS),
        meta("Anything else is a chat message in the current channel."),
    ]
