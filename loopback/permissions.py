"""Permission arithmetic as Discord documents it: base permissions from roles, then overwrites.

Follows developers/topics/permissions.mdx ("Permission Overwrites"): the owner and
ADMINISTRATOR have everything; otherwise @everyone's overwrite applies, then the combined role
overwrites (deny, then allow), then the member's own overwrite. Overwrites are kept as the
payload objects Discord sends (`{"id", "type", "allow", "deny"}`), per channel, in the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from loopback.limits import ADMINISTRATOR, PERM_SEND_MESSAGES

__all__ = [
    "ALL_PERMISSIONS",
    "MEMBER_OVERWRITE",
    "ROLE_OVERWRITE",
    "SEND_MESSAGES",
    "apply_overwrites",
    "base_permissions",
    "overwrite_payload",
]

Json = dict[str, Any]
ALL_PERMISSIONS = (1 << 53) - 1
"""Every permission bit Discord may define (what the owner and administrators have)."""
ROLE_OVERWRITE = 0
MEMBER_OVERWRITE = 1
SEND_MESSAGES = PERM_SEND_MESSAGES


def overwrite_payload(target_id: int, kind: int, *, allow: int = 0, deny: int = 0) -> Json:
    """One permission overwrite object (`kind` 0 for a role, 1 for a member)."""
    return {"id": str(target_id), "type": kind, "allow": str(allow), "deny": str(deny)}


def base_permissions(
    *,
    is_owner: bool,
    guild_id: int,
    role_permissions: Mapping[int, int],
    member_role_ids: Iterable[int],
) -> int:
    """Guild-level permissions: @everyone's plus every role the member has."""
    if is_owner:
        return ALL_PERMISSIONS
    value = role_permissions.get(guild_id, 0)
    for role_id in member_role_ids:
        value |= role_permissions.get(role_id, 0)
    return ALL_PERMISSIONS if value & ADMINISTRATOR else value


def apply_overwrites(
    base: int,
    overwrites: Iterable[Mapping[str, Any]],
    *,
    guild_id: int,
    user_id: int,
    role_ids: Iterable[int] = (),
) -> int:
    """Resolve channel permissions: @everyone's overwrite, then the member's roles, then them.

    Administrators are not affected by overwrites.
    """
    if base & ADMINISTRATOR:
        return base
    listed = list(overwrites)
    roles = {int(r) for r in role_ids} - {guild_id}

    def layer(kind: int, targets: set[int]) -> tuple[int, int]:
        allow = deny = 0
        for entry in listed:
            if int(entry["type"]) == kind and int(entry["id"]) in targets:
                allow |= int(entry["allow"])
                deny |= int(entry["deny"])
        return allow, deny

    value = base
    for kind, targets in (
        (ROLE_OVERWRITE, {guild_id}),
        (ROLE_OVERWRITE, roles),
        (MEMBER_OVERWRITE, {user_id}),
    ):
        allow, deny = layer(kind, targets)
        value = (value & ~deny) | allow
    return value
