"""Each documented limit, at its boundary: the last valid value passes, one more fails."""

from __future__ import annotations

from typing import Any

import pytest

from loopback import limits
from loopback.permissions import (
    ALL_PERMISSIONS,
    MEMBER_OVERWRITE,
    ROLE_OVERWRITE,
    apply_overwrites,
    base_permissions,
    overwrite_payload,
)
from loopback.validation import (
    check_autocomplete,
    check_commands,
    check_message,
    is_empty_message,
)


def embed_with(**fields: Any) -> dict[str, Any]:
    return {"embeds": [{"type": "rich", **fields}]}


def button(custom_id: str, label: str = "A") -> dict[str, Any]:
    return {"type": 2, "style": 1, "custom_id": custom_id, "label": label}


def rows(count: int, per_row: int) -> dict[str, Any]:
    return {
        "components": [
            {"type": 1, "components": [button(f"b{r}-{c}") for c in range(per_row)]}
            for r in range(count)
        ]
    }


# (name, body at the limit, body past the limit, path of the error in Discord's errors object)
MESSAGE_CASES = [
    (
        "content",
        {"content": "x" * limits.MESSAGE_CONTENT_MAX},
        {"content": "x" * (limits.MESSAGE_CONTENT_MAX + 1)},
        ("content",),
    ),
    (
        "embed count",
        {"embeds": [{"title": "t"}] * limits.EMBEDS_MAX},
        {"embeds": [{"title": "t"}] * (limits.EMBEDS_MAX + 1)},
        ("embeds",),
    ),
    (
        "title",
        embed_with(title="t" * limits.EMBED_TITLE_MAX),
        embed_with(title="t" * (limits.EMBED_TITLE_MAX + 1)),
        ("embeds", "0", "title"),
    ),
    (
        "description",
        embed_with(description="d" * limits.EMBED_DESCRIPTION_MAX),
        embed_with(description="d" * (limits.EMBED_DESCRIPTION_MAX + 1)),
        ("embeds", "0", "description"),
    ),
    (
        "field count",
        embed_with(fields=[{"name": "n", "value": "v"}] * limits.EMBED_FIELDS_MAX),
        embed_with(fields=[{"name": "n", "value": "v"}] * (limits.EMBED_FIELDS_MAX + 1)),
        ("embeds", "0", "fields"),
    ),
    (
        "field name",
        embed_with(fields=[{"name": "n" * limits.EMBED_FIELD_NAME_MAX, "value": "v"}]),
        embed_with(fields=[{"name": "n" * (limits.EMBED_FIELD_NAME_MAX + 1), "value": "v"}]),
        ("embeds", "0", "fields", "0", "name"),
    ),
    (
        "field value",
        embed_with(fields=[{"name": "n", "value": "v" * limits.EMBED_FIELD_VALUE_MAX}]),
        embed_with(fields=[{"name": "n", "value": "v" * (limits.EMBED_FIELD_VALUE_MAX + 1)}]),
        ("embeds", "0", "fields", "0", "value"),
    ),
    (
        "footer",
        embed_with(footer={"text": "f" * limits.EMBED_FOOTER_TEXT_MAX}),
        embed_with(footer={"text": "f" * (limits.EMBED_FOOTER_TEXT_MAX + 1)}),
        ("embeds", "0", "footer", "text"),
    ),
    (
        "author",
        embed_with(author={"name": "a" * limits.EMBED_AUTHOR_NAME_MAX}),
        embed_with(author={"name": "a" * (limits.EMBED_AUTHOR_NAME_MAX + 1)}),
        ("embeds", "0", "author", "name"),
    ),
    (
        "embed total",
        {"embeds": [{"description": "d" * 3000}, {"description": "d" * 3000}]},
        {"embeds": [{"description": "d" * 3000}, {"description": "d" * 3001}]},
        ("embeds",),
    ),
    (
        "action rows",
        rows(limits.ACTION_ROWS_MAX, 1),
        rows(limits.ACTION_ROWS_MAX + 1, 1),
        ("components",),
    ),
    (
        "buttons per row",
        rows(1, limits.ACTION_ROW_BUTTONS_MAX),
        rows(1, limits.ACTION_ROW_BUTTONS_MAX + 1),
        ("components", "0", "components"),
    ),
    (
        "custom_id length",
        {"components": [{"type": 1, "components": [button("c" * limits.CUSTOM_ID_MAX)]}]},
        {"components": [{"type": 1, "components": [button("c" * (limits.CUSTOM_ID_MAX + 1))]}]},
        ("components", "0", "components", "0", "custom_id"),
    ),
    (
        "custom_id unique",
        {"components": [{"type": 1, "components": [button("a"), button("b")]}]},
        {"components": [{"type": 1, "components": [button("a"), button("a")]}]},
        ("components", "0", "components", "1", "custom_id"),
    ),
    (
        "button label",
        {"components": [{"type": 1, "components": [button("a", "l" * limits.BUTTON_LABEL_MAX)]}]},
        {
            "components": [
                {"type": 1, "components": [button("a", "l" * (limits.BUTTON_LABEL_MAX + 1))]}
            ]
        },
        ("components", "0", "components", "0", "label"),
    ),
]


def error_at(errors: dict[str, Any], path: tuple[str, ...]) -> list[dict[str, str]]:
    node = errors
    for key in path:
        node = node[key]
    return list(node["_errors"])


@pytest.mark.parametrize(
    ("name", "ok", "bad", "path"), MESSAGE_CASES, ids=[c[0] for c in MESSAGE_CASES]
)
def test_message_limits(name: str, ok: dict[str, Any], bad: dict[str, Any], path) -> None:
    assert not check_message(ok), name
    errors = check_message(bad)
    assert errors
    assert error_at(errors.as_dict(), path)


def test_empty_message() -> None:
    assert is_empty_message({"content": ""}, files=0)
    assert is_empty_message({}, files=0)
    assert not is_empty_message({}, files=1)
    assert not is_empty_message({"embeds": [{"title": "t"}]}, files=0)


def test_autocomplete_limits() -> None:
    fine = [{"name": "n" * 100, "value": "v" * 100}] * limits.AUTOCOMPLETE_CHOICES_MAX
    assert not check_autocomplete(fine)
    assert error_at(check_autocomplete([*fine, fine[0]]).as_dict(), ("choices",))
    long_name = check_autocomplete([{"name": "n" * 101, "value": "v"}]).as_dict()
    assert error_at(long_name, ("choices", "0", "name"))
    assert error_at(
        check_autocomplete([{"name": "", "value": "v"}]).as_dict(), ("choices", "0", "name")
    )
    long_value = check_autocomplete([{"name": "n", "value": "v" * 101}]).as_dict()
    assert error_at(long_value, ("choices", "0", "value"))
    assert not check_autocomplete([{"name": "n", "value": 10**9}])


def command(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"name": "film", "description": "Films", "type": 1, "options": []}
    return base | changes


def option(name: str, *, required: bool = False, **extra: Any) -> dict[str, Any]:
    return {"type": 3, "name": name, "description": "d", "required": required, **extra}


COMMAND_CASES = [
    ("upper-case name", command(name="Film"), ("0", "name")),
    ("space in name", command(name="film info"), ("0", "name")),
    ("name too long", command(name="f" * 33), ("0", "name")),
    ("empty description", command(description=""), ("0", "description")),
    ("description too long", command(description="d" * 101), ("0", "description")),
    (
        "too many options",
        command(options=[option(f"o{i}") for i in range(26)]),
        ("0", "options"),
    ),
    (
        "required after optional",
        command(options=[option("a"), option("b", required=True)]),
        ("0", "options", "1", "required"),
    ),
    (
        "autocomplete with choices",
        command(options=[option("a", autocomplete=True, choices=[{"name": "x", "value": "x"}])]),
        ("0", "options", "0", "autocomplete"),
    ),
    (
        "choice name too long",
        command(options=[option("a", choices=[{"name": "x" * 101, "value": "x"}])]),
        ("0", "options", "0", "choices", "0", "name"),
    ),
    (
        "subcommand option description",
        command(options=[{"type": 1, "name": "info", "description": "", "options": []}]),
        ("0", "options", "0", "description"),
    ),
]


@pytest.mark.parametrize(("name", "bad", "path"), COMMAND_CASES, ids=[c[0] for c in COMMAND_CASES])
def test_command_registration(name: str, bad: dict[str, Any], path) -> None:
    errors = check_commands([bad])
    assert errors, name
    assert error_at(errors.as_dict(), path)


def test_valid_commands_pass() -> None:
    good = command(
        options=[
            option("query", required=True),
            option("film", autocomplete=True),
            option("mode", choices=[{"name": "typed", "value": "typed"}]),
        ]
    )
    assert not check_commands([good, command(name="quote"), command(name="café")])
    assert check_commands([good, good])  # duplicate names


GUILD, EVERYONE_PERMS = 100, 0b1100_0000_0000
MOD_ROLE, MEMBER = 200, 300


def role_overwrite(target: int, *, allow: int = 0, deny: int = 0) -> dict[str, object]:
    return overwrite_payload(target, ROLE_OVERWRITE, allow=allow, deny=deny)


def test_permissions_follow_the_documented_order() -> None:
    roles = {GUILD: EVERYONE_PERMS, MOD_ROLE: limits.PERM_MANAGE_MESSAGES}
    base = base_permissions(
        is_owner=False, guild_id=GUILD, role_permissions=roles, member_role_ids=[MOD_ROLE]
    )
    assert base == EVERYONE_PERMS | limits.PERM_MANAGE_MESSAGES
    send = limits.PERM_SEND_MESSAGES
    overwrites = [
        role_overwrite(GUILD, deny=send),
        role_overwrite(MOD_ROLE, allow=send),
    ]
    where = {"guild_id": GUILD, "user_id": MEMBER}
    assert apply_overwrites(base, overwrites, role_ids=[MOD_ROLE], **where) & send
    assert not apply_overwrites(EVERYONE_PERMS, overwrites, **where) & send
    member_deny = [*overwrites, overwrite_payload(MEMBER, MEMBER_OVERWRITE, deny=send)]
    assert not apply_overwrites(base, member_deny, role_ids=[MOD_ROLE], **where) & send
    admin = base_permissions(
        is_owner=False,
        guild_id=GUILD,
        role_permissions={GUILD: limits.ADMINISTRATOR},
        member_role_ids=[],
    )
    assert admin == ALL_PERMISSIONS
    assert apply_overwrites(admin, member_deny, **where) == ALL_PERMISSIONS
    owner = base_permissions(is_owner=True, guild_id=GUILD, role_permissions={}, member_role_ids=[])
    assert owner == ALL_PERMISSIONS
