"""Turn a command path and option values into interaction `data`, using the synced definitions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from loopback.records import LoopbackError

__all__ = ["BuiltCommand", "build_command_data", "find_command"]

Json = dict[str, Any]
SUBCOMMAND, GROUP = 1, 2
SNOWFLAKE_TYPES = frozenset({6, 7, 8, 9, 11})


@dataclass
class BuiltCommand:
    """Interaction `data` plus the snowflake options that need `resolved` entries."""

    data: Json
    references: list[tuple[int, int]] = field(default_factory=list)


def find_command(
    commands: Sequence[Mapping[str, Any]], path: str
) -> tuple[Mapping[str, Any], Mapping[str, Any]]:
    """Return `(top-level definition, leaf definition)` for a path like `"film info"`."""
    names = path.split()
    if not names:
        raise LoopbackError("empty command path")
    top = next((c for c in commands if c["name"] == names[0] and c.get("type", 1) == 1), None)
    if top is None:
        known = sorted(str(c["name"]) for c in commands)
        raise LoopbackError(f"no synced slash command {names[0]!r}; synced: {known}")
    node: Mapping[str, Any] = top
    for name in names[1:]:
        children = [o for o in node.get("options", []) if o["type"] in (SUBCOMMAND, GROUP)]
        match = next((o for o in children if o["name"] == name), None)
        if match is None:
            known = [str(o["name"]) for o in children]
            raise LoopbackError(f"{path!r}: no subcommand {name!r} (have {known})")
        node = match
    if any(o["type"] in (SUBCOMMAND, GROUP) for o in node.get("options", [])):
        raise LoopbackError(f"{path!r} is a group; name one of its subcommands")
    return top, node


def _coerce(definition: Mapping[str, Any], value: Any, *, focused: bool) -> Any:
    """Convert a Python value to the JSON value Discord would send for this option type."""
    kind = int(definition["type"])
    if focused:
        return value if isinstance(value, str) else str(value)
    if kind in SNOWFLAKE_TYPES:
        return str(getattr(value, "id", value))
    converters: dict[int, Any] = {3: str, 4: int, 5: bool, 10: float}
    converted = converters.get(kind, lambda v: v)(value)
    choices = definition.get("choices")
    if choices and converted not in [c["value"] for c in choices]:
        allowed = [c["value"] for c in choices]
        raise LoopbackError(f"option {definition['name']!r}: {value!r} is not one of {allowed}")
    return converted


def build_command_data(
    top: Mapping[str, Any],
    leaf: Mapping[str, Any],
    path: str,
    values: Mapping[str, Any],
    *,
    focused: str | None = None,
) -> BuiltCommand:
    """Build APPLICATION_COMMAND (or autocomplete) interaction data for the leaf command."""
    definitions = {str(o["name"]): o for o in leaf.get("options", [])}
    unknown = sorted(set(values) - set(definitions))
    if unknown:
        raise LoopbackError(f"{path!r}: unknown options {unknown}; known: {sorted(definitions)}")
    if focused is not None and focused not in definitions:
        raise LoopbackError(f"{path!r}: cannot focus unknown option {focused!r}")
    built = BuiltCommand(data={})
    options: list[Json] = []
    for name, definition in definitions.items():
        if name not in values:
            if definition.get("required") and focused is None:
                raise LoopbackError(f"{path!r}: required option {name!r} is missing")
            continue
        is_focused = name == focused
        option: Json = {
            "name": name,
            "type": definition["type"],
            "value": _coerce(definition, values[name], focused=is_focused),
        }
        if is_focused:
            option["focused"] = True
        elif definition["type"] in SNOWFLAKE_TYPES:
            built.references.append((int(definition["type"]), int(option["value"])))
        options.append(option)
    for depth, name in enumerate(reversed(path.split()[1:])):
        options = [{"name": name, "type": SUBCOMMAND if depth == 0 else GROUP, "options": options}]
    built.data = {"id": str(top["id"]), "name": top["name"], "type": 1, "options": options}
    if top.get("guild_id"):
        built.data["guild_id"] = str(top["guild_id"])
    return built
