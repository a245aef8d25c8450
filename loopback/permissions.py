"""Channel permission overwrites, applied the way Discord resolves them.

Kept apart from the payload builders: the fake stores overwrites per channel, puts them in
channel payloads, reports the bot's resolved permissions to interactions, and refuses channel
messages the bot may not send.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import discord

from loopback.records import FakeChannel, FakeUser
from loopback.store import Store

__all__ = [
    "MEMBER_OVERWRITE",
    "ROLE_OVERWRITE",
    "SEND_MESSAGES",
    "apply_overwrites",
    "channel_permissions",
    "overwrite_payload",
    "with_overwrites",
]

Json = dict[str, Any]
ROLE_OVERWRITE = 0
MEMBER_OVERWRITE = 1
ADMINISTRATOR = 1 << 3
SEND_MESSAGES = discord.Permissions(send_messages=True).value


def overwrite_payload(target_id: int, kind: int, *, allow: int = 0, deny: int = 0) -> Json:
    """One permission overwrite object (`kind` 0 for a role, 1 for a member)."""
    return {"id": str(target_id), "type": kind, "allow": str(allow), "deny": str(deny)}


def apply_overwrites(
    base: int,
    overwrites: Iterable[Mapping[str, Any]],
    *,
    guild_id: int,
    user_id: int,
    role_ids: Iterable[int] = (),
) -> int:
    """Resolve channel permissions like Discord: @everyone, then the member's roles, then them."""
    if base & ADMINISTRATOR:
        return base
    listed = list(overwrites)
    roles = {int(r) for r in role_ids}

    def pick(predicate: Any) -> tuple[int, int]:
        allow = deny = 0
        for entry in listed:
            if predicate(entry):
                allow |= int(entry["allow"])
                deny |= int(entry["deny"])
        return allow, deny

    value = base
    layers = (
        lambda e: int(e["type"]) == ROLE_OVERWRITE and int(e["id"]) == guild_id,
        lambda e: int(e["type"]) == ROLE_OVERWRITE and int(e["id"]) in roles - {guild_id},
        lambda e: int(e["type"]) == MEMBER_OVERWRITE and int(e["id"]) == user_id,
    )
    for layer in layers:
        allow, deny = pick(layer)
        value = (value & ~deny) | allow
    return value


def with_overwrites(payload: Json, overwrites: Mapping[int, list[Json]]) -> Json:
    """A channel payload with the stored overwrites of its channel filled in."""
    stored = overwrites.get(int(payload["id"]))
    if stored:
        payload["permission_overwrites"] = [dict(entry) for entry in stored]
    return payload


def channel_permissions(store: Store, channel: FakeChannel, user: FakeUser) -> int:
    """What `user` may do in `channel`.

    The bot starts from every permission but Administrator (which would ignore overwrites), as
    if invited with all of them.
    """
    if user.id == store.bot_user.id:
        base = discord.Permissions.all().value & ~ADMINISTRATOR
        role_ids: tuple[int, ...] = ()
    else:
        base = store.member_permissions(channel.guild_id, user)
        role_ids = store.guild_of(channel.guild_id).members.get(user.id, ((), ""))[0]
    return apply_overwrites(
        base,
        store.overwrites.get(channel.id, ()),
        guild_id=channel.guild_id,
        user_id=user.id,
        role_ids=role_ids,
    )
