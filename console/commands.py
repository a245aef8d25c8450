"""Slash-command lines parsed as Discord's client would, against the synced definitions.

`/trivia start questions: 3 mode: typed` names a command (and subcommands), then options as
`name: value`. Values are checked like the client checks them before anything is sent: types,
choices, lengths and ranges; a required option must be there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "BOOLEAN",
    "CHANNEL",
    "INTEGER",
    "NUMBER",
    "STRING",
    "USER",
    "OptionSpot",
    "ParsedCommand",
    "SlashError",
    "find_leaf",
    "locate",
    "parse_slash",
    "split_options",
]

Json = Mapping[str, Any]
SUBCOMMAND, GROUP = 1, 2
STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE, MENTIONABLE, NUMBER, ATTACHMENT = (
    3,
    4,
    5,
    6,
    7,
    8,
    9,
    10,
    11,
)
TRUE_WORDS = frozenset({"true", "yes", "on"})
FALSE_WORDS = frozenset({"false", "no", "off"})
_TYPE_NAMES = {
    STRING: "text",
    INTEGER: "a whole number",
    BOOLEAN: "True or False",
    USER: "a member",
    CHANNEL: "a channel",
    ROLE: "a role",
    MENTIONABLE: "a member or role",
    NUMBER: "a number",
    ATTACHMENT: "a file",
}

Resolver = Callable[[int, str], Any]
"""Turns a user/channel/role option's text into the entity the fake sends (or raises)."""


class SlashError(ValueError):
    """The line is not a command Discord's client would send; the message says why."""


@dataclass(frozen=True)
class ParsedCommand:
    """A command path (`"trivia start"`) and its option values, ready for the fake."""

    path: str
    options: dict[str, Any] = field(default_factory=dict)


def _children(node: Json) -> list[Json]:
    return [o for o in node.get("options", []) if o["type"] in (SUBCOMMAND, GROUP)]


def find_leaf(commands: Sequence[Json], words: Sequence[str]) -> tuple[list[str], Json | None, int]:
    """Follow `words` down the command tree: (path, deepest node reached, words used)."""
    if not words:
        return [], None, 0
    name = words[0].casefold()
    node = next((c for c in commands if c["name"] == name and c.get("type", 1) == 1), None)
    if node is None:
        return [], None, 0
    path, used = [name], 1
    while _children(node) and used < len(words):
        child = next((c for c in _children(node) if c["name"] == words[used].casefold()), None)
        if child is None:
            break
        node, used = child, used + 1
        path.append(child["name"])
    return path, node, used


def split_options(text: str, names: Sequence[str]) -> tuple[str, list[tuple[str, str]]]:
    """Split `a: x y b: z` on the known option names: (text before any option, pairs)."""
    if not names:
        return text.strip(), []
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    marker = re.compile(rf"(?:^|\s)({alternatives}):", re.IGNORECASE)
    found = list(marker.finditer(text))
    if not found:
        return text.strip(), []
    pairs = []
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        pairs.append((match.group(1).casefold(), text[match.end() : end].strip()))
    return text[: found[0].start()].strip(), pairs


def _number(definition: Json, raw: str, kind: int) -> int | float:
    try:
        value: int | float = int(raw) if kind == INTEGER else float(raw)
    except ValueError:
        raise SlashError(
            f"Option {definition['name']}: {raw!r} is not {_TYPE_NAMES[kind]}."
        ) from None
    low, high = definition.get("min_value"), definition.get("max_value")
    if (low is not None and value < low) or (high is not None and value > high):
        if low is not None and high is not None:
            bounds = f"between {low:g} and {high:g}"
        else:
            bounds = f"at least {low:g}" if low is not None else f"at most {high:g}"
        raise SlashError(f"Option {definition['name']}: value must be {bounds}.")
    return value


def _choice(definition: Json, raw: str) -> Any:
    wanted = raw.casefold()
    for choice in definition["choices"]:
        if wanted in (str(choice["name"]).casefold(), str(choice["value"]).casefold()):
            return choice["value"]
    names = ", ".join(str(c["name"]) for c in definition["choices"])
    raise SlashError(f"Option {definition['name']}: choose one of {names}.")


def convert(definition: Json, raw: str, resolve: Resolver) -> Any:
    """One option's text as the value the client would send."""
    kind = int(definition["type"])
    if not raw:
        raise SlashError(f"Option {definition['name']} needs a value.")
    if definition.get("choices"):
        return _choice(definition, raw)
    if kind == STRING:
        low, high = definition.get("min_length") or 0, definition.get("max_length") or 6000
        if not low <= len(raw) <= high:
            raise SlashError(f"Option {definition['name']}: must be {low}-{high} characters long.")
        return raw
    if kind in (INTEGER, NUMBER):
        return _number(definition, raw, kind)
    if kind == BOOLEAN:
        if raw.casefold() in TRUE_WORDS:
            return True
        if raw.casefold() in FALSE_WORDS:
            return False
        raise SlashError(f"Option {definition['name']}: choose True or False.")
    if kind in (USER, CHANNEL, ROLE, MENTIONABLE):
        return resolve(kind, raw)
    raise SlashError(f"Option {definition['name']}: {_TYPE_NAMES[kind]} cannot be given here.")


def parse_slash(line: str, commands: Sequence[Json], resolve: Resolver) -> ParsedCommand:
    """Parse `/path name: value ...` or raise SlashError with the client's kind of message."""
    body = line.strip().removeprefix("/")
    words = body.split()
    if not words:
        raise SlashError("Type a command after /; /help lists them.")
    path, node, used = find_leaf(commands, words)
    if node is None:
        raise SlashError(f"/{words[0]} is not a command here; /help lists them.")
    subcommands = _children(node)
    if subcommands:
        names = ", ".join(c["name"] for c in subcommands)
        raise SlashError(f"/{' '.join(path)} needs one of: {names}.")
    rest = body
    for word in words[:used]:
        rest = rest.lstrip()[len(word) :]
    definitions = {str(o["name"]): o for o in node.get("options", [])}
    loose, pairs = split_options(rest, list(definitions))
    if loose:
        if not definitions:
            raise SlashError(f"/{' '.join(path)} takes no options.")
        raise SlashError(
            f"Unexpected {loose!r}: write options as name: value ({', '.join(definitions)})."
        )
    options: dict[str, Any] = {}
    for name, raw in pairs:
        if name in options:
            raise SlashError(f"Option {name} is given twice.")
        options[name] = convert(definitions[name], raw, resolve)
    for name, definition in definitions.items():
        if definition.get("required") and name not in options:
            raise SlashError(f"Option {name} is required.")
    return ParsedCommand(" ".join(path), options)


@dataclass(frozen=True)
class OptionSpot:
    """Where the cursor is in a slash line, for completion."""

    path: list[str]
    node: Json | None
    partial: str
    """The word or value being typed (what a completion replaces)."""
    option: Json | None = None
    """The option whose value is being typed, if any."""
    given: dict[str, str] = field(default_factory=dict)
    """The other options' raw values."""
    used: int = 0


def locate(line: str, commands: Sequence[Json]) -> OptionSpot:
    """Work out what the end of a partial slash line is: a command, subcommand, option or value."""
    body = line.removeprefix("/")
    words = body.split()
    trailing_space = body[-1:].isspace()
    complete_words = words if trailing_space else words[:-1]
    path, node, used = find_leaf(commands, complete_words)
    if node is None or (used < len(complete_words) and _children(node)):
        partial = "" if trailing_space or not words else words[-1]
        return OptionSpot([], None, partial) if not complete_words else OptionSpot(path, None, "")
    if _children(node):
        return OptionSpot(path, node, "" if trailing_space else words[-1], used=used)
    rest = body
    for word in words[:used]:
        rest = rest.lstrip()[len(word) :]
    definitions = {str(o["name"]): o for o in node.get("options", [])}
    _, pairs = split_options(rest, list(definitions))
    given = dict(pairs)
    if pairs and not (trailing_space and pairs[-1][1]):
        name, value = pairs[-1]
        head, _, last = value.rpartition(" ")
        unused = [n for n in definitions if n not in given]
        if head and any(n.startswith(last.casefold()) for n in unused):
            # `questions: 3 mo`: the last word starts the next option's name.
            return OptionSpot(path, node, last, given=given | {name: head.strip()}, used=used)
        given.pop(name, None)
        return OptionSpot(path, node, value, option=definitions[name], given=given, used=used)
    partial = "" if trailing_space or not rest.strip() else rest.split()[-1]
    return OptionSpot(path, node, partial, given=given, used=used)
