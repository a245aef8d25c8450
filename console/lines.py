"""What a console line asks for: a slash command, a chat message, a click, a channel switch."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "COMMENT",
    "Chat",
    "Click",
    "Complete",
    "Help",
    "LineError",
    "Quit",
    "Reveal",
    "Slash",
    "Step",
    "Switch",
    "Wait",
    "parse_line",
]

COMMENT = "#!"
"""Script lines starting with this are comments (a lone `#name` switches channels)."""
_AS = re.compile(r"^as\s+([^\s:]+)\s*:\s*(.*)$", re.IGNORECASE | re.DOTALL)
_CLICK = re.compile(r"^click\s+(\S+)$", re.IGNORECASE)
_WAIT = re.compile(r"^wait(?:\s+(\S+))?$", re.IGNORECASE)
_SWITCH = re.compile(r"^#([\w-]+)$")


class LineError(ValueError):
    """The line cannot be understood; the message says how to write it."""


@dataclass(frozen=True)
class Slash:
    """A slash command line, parsed later against the synced commands."""

    text: str


@dataclass(frozen=True)
class Chat:
    """A message in the current channel."""

    text: str


@dataclass(frozen=True)
class Click:
    """Press button `number` (from 1) of the latest message with buttons."""

    number: int


@dataclass(frozen=True)
class Reveal:
    """Show the spoilers of the latest message that hid some."""


@dataclass(frozen=True)
class Wait:
    """Let round time pass: until the bot's next message, or `seconds` of it."""

    seconds: float | None = None


@dataclass(frozen=True)
class Complete:
    """Show what Tab would offer at the end of a slash line."""

    text: str


@dataclass(frozen=True)
class Switch:
    """Go to another channel."""

    channel: str


@dataclass(frozen=True)
class Help:
    """List the commands and the console's own words."""


@dataclass(frozen=True)
class Quit:
    """Leave the console."""


Action = Slash | Chat | Click | Reveal | Wait | Complete | Switch | Help | Quit


@dataclass(frozen=True)
class Step:
    """One line: what to do, and as whom (None: you)."""

    action: Action
    member: str | None = None


def _action(text: str) -> Action:
    lowered = text.casefold()
    if lowered in ("/help", "help"):
        return Help()
    if lowered in ("/quit", "/exit", "quit", "exit"):
        return Quit()
    if text.startswith("/"):
        return Slash(text)
    if lowered == "reveal":
        return Reveal()
    if match := _CLICK.match(text):
        try:
            return Click(int(match.group(1)))
        except ValueError:
            raise LineError(f"click takes a button number, not {match.group(1)!r}") from None
    if match := _WAIT.match(text):
        if match.group(1) is None:
            return Wait()
        try:
            return Wait(float(match.group(1)))
        except ValueError:
            raise LineError(f"wait takes seconds, not {match.group(1)!r}") from None
    if lowered.startswith("complete "):
        return Complete(text[len("complete ") :].lstrip())
    if match := _SWITCH.match(text):
        return Switch(match.group(1))
    return Chat(text)


def parse_line(line: str) -> Step | None:
    """The step a line asks for; None for blank lines and `#!` comments."""
    text = line.strip()
    if not text or text.startswith(COMMENT):
        return None
    if match := _AS.match(text):
        member, rest = match.group(1), match.group(2).strip()
        if not rest:
            raise LineError(f"as {member}: what should {member} say?")
        action = _action(rest)
        if isinstance(action, Switch | Help | Quit | Wait | Complete | Reveal):
            raise LineError("as NAME: takes a message, a /command or click N")
        return Step(action, member)
    return Step(_action(text))
