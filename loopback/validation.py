"""Checks of request bodies against Discord's limits, reported in Discord's nested error format."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from loopback import limits

__all__ = [
    "FormErrors",
    "check_autocomplete",
    "check_commands",
    "check_message",
    "is_empty_message",
]

Json = dict[str, Any]
Path = tuple[str | int, ...]
SUBCOMMAND, GROUP = 1, 2
CHOICE_TYPES = frozenset({3, 4, 10})
ACTION_ROW, BUTTON = 1, 2
LINK_STYLE, PREMIUM_STYLE = 5, 6
EMBED_TEXT_KEYS = ("title", "description")


class FormErrors:
    """Errors keyed by JSON path, rendered as Discord's `{"a": {"0": {"_errors": [...]}}}`."""

    def __init__(self) -> None:
        self._errors: Json = {}

    def add(self, path: Path, code: str, message: str) -> None:
        """Record one error at `path` (keys and list indexes)."""
        node = self._errors
        for key in path:
            node = node.setdefault(str(key), {})
        node.setdefault("_errors", []).append({"code": code, "message": message})

    def too_long(self, path: Path, value: str | None, limit: int) -> None:
        """Record BASE_TYPE_MAX_LENGTH when `value` is longer than `limit`."""
        if value is not None and len(value) > limit:
            self.add(path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")

    def length_between(self, path: Path, value: str | None, low: int, high: int) -> None:
        """Record BASE_TYPE_BAD_LENGTH unless `low <= len(value) <= high`."""
        if value is None or not low <= len(value) <= high:
            self.add(path, "BASE_TYPE_BAD_LENGTH", f"Must be between {low} and {high} in length.")

    def too_many(self, path: Path, items: Sequence[Any] | None, limit: int) -> None:
        """Record BASE_TYPE_MAX_LENGTH when a list has more than `limit` items."""
        if items is not None and len(items) > limit:
            self.add(path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")

    def __bool__(self) -> bool:
        return bool(self._errors)

    def as_dict(self) -> Json:
        """The `errors` object of Discord's 50035 body."""
        return self._errors


def _embed_text(embed: Mapping[str, Any]) -> int:
    """Characters of one embed that count towards the 6,000 total."""
    total = sum(len(str(embed.get(key) or "")) for key in EMBED_TEXT_KEYS)
    total += len(str((embed.get("footer") or {}).get("text") or ""))
    total += len(str((embed.get("author") or {}).get("name") or ""))
    for field in embed.get("fields") or []:
        total += len(str(field.get("name") or "")) + len(str(field.get("value") or ""))
    return total


def _check_embeds(errors: FormErrors, embeds: Sequence[Mapping[str, Any]]) -> None:
    errors.too_many(("embeds",), embeds, limits.EMBEDS_MAX)
    for i, embed in enumerate(embeds):
        at: Path = ("embeds", i)
        errors.too_long((*at, "title"), embed.get("title"), limits.EMBED_TITLE_MAX)
        errors.too_long(
            (*at, "description"), embed.get("description"), limits.EMBED_DESCRIPTION_MAX
        )
        footer, author = embed.get("footer") or {}, embed.get("author") or {}
        errors.too_long((*at, "footer", "text"), footer.get("text"), limits.EMBED_FOOTER_TEXT_MAX)
        errors.too_long((*at, "author", "name"), author.get("name"), limits.EMBED_AUTHOR_NAME_MAX)
        fields = embed.get("fields") or []
        errors.too_many((*at, "fields"), fields, limits.EMBED_FIELDS_MAX)
        for j, field in enumerate(fields):
            name, value = field.get("name"), field.get("value")
            errors.length_between((*at, "fields", j, "name"), name, 1, limits.EMBED_FIELD_NAME_MAX)
            errors.length_between(
                (*at, "fields", j, "value"), value, 1, limits.EMBED_FIELD_VALUE_MAX
            )
    if sum(_embed_text(e) for e in embeds) > limits.EMBED_TOTAL_MAX:
        errors.add(
            ("embeds",),
            "MAX_EMBED_SIZE_EXCEEDED",
            f"Embed size exceeds maximum size of {limits.EMBED_TOTAL_MAX}",
        )


def _check_components(errors: FormErrors, rows: Sequence[Mapping[str, Any]]) -> None:
    errors.too_many(("components",), rows, limits.ACTION_ROWS_MAX)
    seen: set[str] = set()
    for i, row in enumerate(rows):
        at: Path = ("components", i)
        if row.get("type") != ACTION_ROW:
            errors.add((*at, "type"), "UNION_TYPE_CHOICES", "Top-level components must be rows.")
            continue
        children = row.get("components") or []
        buttons = [c for c in children if c.get("type") == BUTTON]
        if not children:
            errors.add((*at, "components"), "BASE_TYPE_MIN_LENGTH", "Must be 1 or more in length.")
        errors.too_many((*at, "components"), buttons, limits.ACTION_ROW_BUTTONS_MAX)
        for j, child in enumerate(children):
            where: Path = (*at, "components", j)
            custom_id = child.get("custom_id")
            needs_id = child.get("type") != BUTTON or child.get("style") not in (
                LINK_STYLE,
                PREMIUM_STYLE,
            )
            if needs_id:
                errors.length_between(
                    (*where, "custom_id"), custom_id, limits.CUSTOM_ID_MIN, limits.CUSTOM_ID_MAX
                )
            if custom_id is not None:
                if custom_id in seen:
                    errors.add(
                        (*where, "custom_id"),
                        "COMPONENT_CUSTOM_ID_DUPLICATED",
                        "Component custom id cannot be duplicated",
                    )
                seen.add(str(custom_id))
            if child.get("type") == BUTTON:
                errors.too_long((*where, "label"), child.get("label"), limits.BUTTON_LABEL_MAX)


def check_message(body: Mapping[str, Any], *, edit: bool = False) -> FormErrors:
    """Errors in a message create or edit body (content, embeds, components)."""
    errors = FormErrors()
    content = body.get("content")
    errors.too_long(("content",), content, limits.MESSAGE_CONTENT_MAX)
    embeds = body.get("embeds") or []
    _check_embeds(errors, embeds)
    _check_components(errors, body.get("components") or [])
    return errors


def is_empty_message(body: Mapping[str, Any], files: int) -> bool:
    """Whether a new message has nothing to show (Discord answers 50006)."""
    parts = ("content", "embeds", "components", "sticker_ids", "poll")
    return not files and not any(body.get(key) for key in parts)


def check_autocomplete(choices: Sequence[Mapping[str, Any]]) -> FormErrors:
    """Errors in an autocomplete result (count, name and value lengths)."""
    errors = FormErrors()
    errors.too_many(("choices",), choices, limits.AUTOCOMPLETE_CHOICES_MAX)
    for i, choice in enumerate(choices):
        _check_choice(errors, ("choices", i), choice)
    return errors


def _check_choice(errors: FormErrors, at: Path, choice: Mapping[str, Any]) -> None:
    name = choice.get("name")
    errors.length_between(
        (*at, "name"),
        None if name is None else str(name),
        limits.CHOICE_NAME_MIN,
        limits.CHOICE_NAME_MAX,
    )
    value = choice.get("value")
    if isinstance(value, str):
        errors.too_long((*at, "value"), value, limits.CHOICE_STRING_VALUE_MAX)


def _check_name(errors: FormErrors, at: Path, name: Any) -> None:
    text = str(name or "")
    if not limits.COMMAND_NAME_PATTERN.match(text) or text != text.lower():
        errors.add(
            (*at, "name"),
            "APPLICATION_COMMAND_INVALID_NAME",
            f"Command name is invalid: {text!r}",
        )


def _check_description(errors: FormErrors, at: Path, description: Any) -> None:
    errors.length_between(
        (*at, "description"),
        None if description is None else str(description),
        limits.COMMAND_DESCRIPTION_MIN,
        limits.COMMAND_DESCRIPTION_MAX,
    )


def _check_options(errors: FormErrors, at: Path, options: Sequence[Mapping[str, Any]]) -> None:
    errors.too_many((*at, "options"), options, limits.COMMAND_OPTIONS_MAX)
    names: set[str] = set()
    optional_seen = False
    for i, option in enumerate(options):
        where: Path = (*at, "options", i)
        _check_name(errors, where, option.get("name"))
        _check_description(errors, where, option.get("description"))
        name = str(option.get("name"))
        if name in names:
            errors.add(
                (*where, "name"), "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "Duplicate"
            )
        names.add(name)
        kind = int(option.get("type", 0))
        if kind in (SUBCOMMAND, GROUP):
            _check_options(errors, where, option.get("options") or [])
            continue
        if option.get("required"):
            if optional_seen:
                errors.add(
                    (*where, "required"),
                    "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                    "Required options must be placed before non-required options",
                )
        else:
            optional_seen = True
        choices = option.get("choices") or []
        errors.too_many((*where, "choices"), choices, limits.COMMAND_OPTIONS_MAX)
        for j, choice in enumerate(choices):
            _check_choice(errors, (*where, "choices", j), choice)
        if choices and option.get("autocomplete"):
            errors.add(
                (*where, "autocomplete"),
                "AUTOCOMPLETE_AND_CHOICES_ARE_MUTUALLY_EXCLUSIVE",
                "Autocomplete cannot be set to true if choices are present",
            )
        if choices and kind not in CHOICE_TYPES:
            errors.add((*where, "choices"), "CHOICES_NOT_ALLOWED", "Choices not allowed")


def check_commands(commands: Sequence[Mapping[str, Any]]) -> FormErrors:
    """Errors in a bulk overwrite of slash commands, as Discord checks them at registration."""
    errors = FormErrors()
    seen: set[tuple[str, int]] = set()
    for i, command in enumerate(commands):
        kind = int(command.get("type", 1))
        key = (str(command.get("name")), kind)
        if key in seen:
            errors.add(
                (i, "name"), "APPLICATION_COMMANDS_DUPLICATE_NAME", f"Duplicate name {key[0]!r}"
            )
        seen.add(key)
        if kind != 1:
            continue
        _check_name(errors, (i,), command.get("name"))
        _check_description(errors, (i,), command.get("description"))
        _check_options(errors, (i,), command.get("options") or [])
    return errors
