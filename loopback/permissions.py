"""Permission arithmetic as Discord documents it: base permissions from roles, then overwrites.

Follows developers/topics/permissions.mdx ("Permission Overwrites"): the owner and
ADMINISTRATOR have everything; otherwise @everyone's overwrite applies, then the combined role
overwrites (deny, then allow), then the member's own overwrite.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from loopback.limits import ADMINISTRATOR

__all__ = ["ALL_PERMISSIONS", "Overwrite", "base_permissions", "channel_permissions"]

ALL_PERMISSIONS = (1 << 53) - 1
"""Every permission bit Discord may define (what the owner and administrators have)."""


@dataclass(frozen=True)
class Overwrite:
    """A channel overwrite for a role or a member (`kind` 0 = role, 1 = member)."""

    target_id: int
    kind: int
    allow: int = 0
    deny: int = 0

    def payload(self) -> dict[str, object]:
        """The overwrite as it appears in a channel object."""
        return {
            "id": str(self.target_id),
            "type": self.kind,
            "allow": str(self.allow),
            "deny": str(self.deny),
        }


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


def channel_permissions(
    base: int,
    overwrites: Mapping[int, Overwrite],
    *,
    guild_id: int,
    member_role_ids: Iterable[int],
    user_id: int,
) -> int:
    """Apply a channel's overwrites to `base` (administrators are not affected)."""
    if base & ADMINISTRATOR:
        return ALL_PERMISSIONS
    value = base
    everyone = overwrites.get(guild_id)
    if everyone is not None:
        value = (value & ~everyone.deny) | everyone.allow
    allow = deny = 0
    for role_id in member_role_ids:
        role = overwrites.get(role_id)
        if role is not None and role.kind == 0:
            allow |= role.allow
            deny |= role.deny
    value = (value & ~deny) | allow
    member = overwrites.get(user_id)
    if member is not None and member.kind == 1:
        value = (value & ~member.deny) | member.allow
    return value
