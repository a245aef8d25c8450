"""Tab completion: command, subcommand and option names, choices, and the bot's autocomplete."""

from __future__ import annotations

import re
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document

from console.commands import BOOLEAN, STRING, SlashError, convert, locate
from loopback.records import Choice

__all__ = ["Autocomplete", "SlashCompleter", "Suggestion", "suggest"]

Json = Mapping[str, Any]
_AS_PREFIX = re.compile(r"^as\s+[^\s:]+\s*:\s*", re.IGNORECASE)
"""`as bob: ` before a line: completion goes on after it."""
Autocomplete = Callable[[str, str, str, dict[str, Any]], Awaitable[list[Choice]]]
"""`(command path, focused option, typed value, other options) -> the bot's choices`."""


@dataclass(frozen=True)
class Suggestion:
    """One completion: the text that replaces the partial word, how to show it, a note."""

    text: str
    display: str
    meta: str = ""


def _starts(names: Iterable[str], partial: str) -> list[str]:
    wanted = partial.casefold()
    return [name for name in names if name.casefold().startswith(wanted)]


def _given_values(node: Json, given: Mapping[str, str]) -> dict[str, Any]:
    """The other options' values as the client would send them (skipping unparsable ones)."""

    def refuse(kind: int, raw: str) -> Any:
        raise SlashError(raw)

    definitions = {str(o["name"]): o for o in node.get("options", [])}
    values: dict[str, Any] = {}
    for name, raw in given.items():
        try:
            values[name] = convert(definitions[name], raw, refuse)
        except (SlashError, KeyError):
            continue
    return values


async def _values(
    path: str, option: Json, partial: str, node: Json, given: Mapping[str, str], ask: Autocomplete
) -> list[Suggestion]:
    if option.get("choices"):
        names = [str(c["name"]) for c in option["choices"]]
        return [Suggestion(name, name) for name in _starts(names, partial)]
    if option["type"] == BOOLEAN:
        return [Suggestion(name, name) for name in _starts(("True", "False"), partial)]
    if option.get("autocomplete") and option["type"] == STRING:
        choices = await ask(path, str(option["name"]), partial, _given_values(node, given))
        return [Suggestion(str(c.value), c.name) for c in choices]
    return []


async def suggest(
    line: str, commands: Sequence[Json], ask: Autocomplete, channels: Sequence[str] = ()
) -> tuple[str, list[Suggestion]]:
    """What Tab offers at the end of `line`: (the partial text replaced, suggestions)."""
    spoken = _AS_PREFIX.match(line)
    if spoken:
        line = line[spoken.end() :]
    if line.startswith("#") and not spoken and " " not in line:
        partial = line[1:]
        return partial, [Suggestion(name, "#" + name) for name in _starts(channels, partial)]
    if not line.startswith("/"):
        return "", []
    spot = locate(line, commands)
    if not spot.path:
        tops = {str(c["name"]): str(c.get("description", "")) for c in commands}
        return spot.partial, [
            Suggestion(name + " ", "/" + name, tops[name])
            for name in _starts(sorted(tops), spot.partial)
        ]
    node = spot.node
    if node is None:
        return spot.partial, []
    children = [o for o in node.get("options", []) if o["type"] in (1, 2)]
    if children:
        described = {str(o["name"]): str(o.get("description", "")) for o in children}
        return spot.partial, [
            Suggestion(name + " ", name, described[name])
            for name in _starts(described, spot.partial)
        ]
    path = " ".join(spot.path)
    if spot.option is not None:
        found = await _values(path, spot.option, spot.partial, node, spot.given, ask)
        return spot.partial, found
    free = [o for o in node.get("options", []) if o["name"] not in spot.given]
    notes = {
        str(o["name"]): str(o.get("description", "")) + (" (required)" if o.get("required") else "")
        for o in free
    }
    return spot.partial, [
        Suggestion(name + ": ", name + ":", notes[name]) for name in _starts(notes, spot.partial)
    ]


class SlashCompleter(Completer):
    """prompt_toolkit's side of `suggest` (asynchronous: autocomplete asks the running bot)."""

    def __init__(self, source: Callable[[str], Awaitable[tuple[str, list[Suggestion]]]]) -> None:
        self._source = source

    def get_completions(
        self, document: Document, complete_event: CompleteEvent
    ) -> Iterable[Completion]:
        """Nothing synchronously: every completion comes from `get_completions_async`."""
        return []

    async def get_completions_async(
        self, document: Document, complete_event: CompleteEvent
    ) -> AsyncGenerator[Completion, None]:
        """Suggestions for the text before the cursor."""
        partial, found = await self._source(document.text_before_cursor)
        for item in found:
            yield Completion(
                item.text,
                start_position=-len(partial),
                display=item.display,
                display_meta=item.meta,
            )
