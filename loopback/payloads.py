"""JSON payload builders shaped like Discord API v10 objects, as discord.py parses them."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import discord

from loopback.limits import CONTEXT_BOT_DM, CONTEXT_GUILD
from loopback.records import FakeChannel, FakeGuild, FakeRole, FakeUser

__all__ = [
    "DEFAULT_MEMBER_PERMISSIONS",
    "DM_APP_PERMISSIONS",
    "SnowflakeFactory",
    "application_payload",
    "channel_payload",
    "dm_channel_payload",
    "guild_payload",
    "interaction_payload",
    "member_payload",
    "message_payload",
    "now_iso",
    "ready_payload",
    "role_payload",
    "user_payload",
]

Json = dict[str, Any]

DISCORD_EPOCH_MS = 1_420_070_400_000
DEFAULT_MEMBER_PERMISSIONS: int = discord.Permissions(
    view_channel=True,
    create_instant_invite=True,
    change_nickname=True,
    send_messages=True,
    send_messages_in_threads=True,
    create_public_threads=True,
    embed_links=True,
    attach_files=True,
    add_reactions=True,
    use_external_emojis=True,
    read_message_history=True,
    use_application_commands=True,
    connect=True,
    speak=True,
).value
DM_APP_PERMISSIONS: int = discord.Permissions(
    view_channel=True,
    send_messages=True,
    read_message_history=True,
    add_reactions=True,
    attach_files=True,
    embed_links=True,
    mention_everyone=True,
    use_external_emojis=True,
).value
"""`app_permissions` in a DM with the bot (receiving-and-responding.mdx, interaction object)."""


class SnowflakeFactory:
    """Hands out increasing snowflake-shaped ids (timestamp in the top bits)."""

    def __init__(self, start: datetime | None = None) -> None:
        moment = start or datetime(2024, 1, 1, tzinfo=UTC)
        base_ms = int(moment.timestamp() * 1000) - DISCORD_EPOCH_MS
        self._counter = itertools.count((base_ms << 22) + 1)
        self._later = itertools.count(1)

    def next(self) -> int:
        """Return a fresh id."""
        return next(self._counter)

    def next_later(self) -> int:
        """A fresh id stamped one millisecond after the previous one from here.

        Guilds get these: created at different moments, as real ones are, they spread over
        shards (a guild's shard is its id's timestamp modulo the shard count).
        """
        return self.next() + (next(self._later) << 22)


def now_iso() -> str:
    """Return the current UTC time in ISO 8601 format."""
    return datetime.now(UTC).isoformat()


def user_payload(user: FakeUser) -> Json:
    """Build a user object."""
    return {
        "id": str(user.id),
        "username": user.name,
        "global_name": None if user.bot else user.name,
        "discriminator": "0",
        "avatar": None,
        "bot": user.bot,
        "public_flags": 0,
    }


def member_payload(user: FakeUser | None, role_ids: Iterable[int], joined_at: str) -> Json:
    """Build a guild member object; without a user it is the partial form used in messages."""
    data: Json = {
        "roles": [str(r) for r in role_ids],
        "joined_at": joined_at,
        "nick": None,
        "deaf": False,
        "mute": False,
        "flags": 0,
        "pending": False,
    }
    if user is not None:
        data["user"] = user_payload(user)
    return data


def role_payload(role: FakeRole, position: int) -> Json:
    """Build a role object."""
    return {
        "id": str(role.id),
        "name": role.name,
        "color": 0,
        "hoist": False,
        "position": position,
        "permissions": str(role.permissions),
        "managed": False,
        "mentionable": False,
        "flags": 0,
    }


def dm_channel_payload(channel: FakeChannel, recipient: FakeUser) -> Json:
    """Build a DM channel object between `recipient` and the bot."""
    return {
        "id": str(channel.id),
        "type": channel.type,
        "last_message_id": None,
        "recipients": [user_payload(recipient)],
        "flags": 0,
    }


def channel_payload(
    channel: FakeChannel,
    position: int,
    permissions: int | None = None,
    overwrites: Sequence[Json] = (),
) -> Json:
    """Build a guild text channel object (with the resolved `permissions` for interactions)."""
    data: Json = {
        "id": str(channel.id),
        "guild_id": str(channel.guild_id),
        "type": channel.type,
        "name": channel.name,
        "position": position,
        "permission_overwrites": [dict(o) for o in overwrites],
        "nsfw": False,
        "topic": None,
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "parent_id": None,
        "flags": 0,
    }
    if permissions is not None:
        data["permissions"] = str(permissions)
    return data


def guild_payload(
    guild: FakeGuild,
    channels: Sequence[FakeChannel],
    roles: Sequence[FakeRole],
    members: Sequence[Json],
    overwrites: Mapping[int, Sequence[Json]] | None = None,
) -> Json:
    """Build the GUILD_CREATE payload for a fully available guild."""
    return {
        "id": str(guild.id),
        "name": guild.name,
        "icon": None,
        "owner_id": str(guild.owner_id),
        "unavailable": False,
        "large": False,
        "member_count": len(members),
        "joined_at": now_iso(),
        "features": [],
        "emojis": [],
        "stickers": [],
        "roles": [role_payload(role, index) for index, role in enumerate(roles)],
        "channels": [
            channel_payload(ch, index, overwrites=(overwrites or {}).get(ch.id, ()))
            for index, ch in enumerate(channels)
        ],
        "members": list(members),
        "threads": [],
        "presences": [],
        "voice_states": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
        "preferred_locale": "en-US",
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "mfa_level": 0,
        "nsfw_level": 0,
        "premium_tier": 0,
        "system_channel_id": str(channels[0].id) if channels else None,
    }


def application_payload(
    application_id: int,
    bot_user: FakeUser,
    owner: FakeUser,
    team: Sequence[FakeUser] = (),
    team_id: int | None = None,
) -> Json:
    """Build the `/oauth2/applications/@me` payload, with an optional team."""
    data: Json = {
        "id": str(application_id),
        "name": bot_user.name,
        "icon": None,
        "description": "",
        "bot_public": True,
        "bot_require_code_grant": False,
        "verify_key": "0" * 64,
        "flags": 0,
        "owner": user_payload(owner),
        "bot": user_payload(bot_user),
        "team": None,
        "redirect_uris": [],
        "interactions_endpoint_url": None,
    }
    if team:
        data["team"] = {
            "id": str(team_id or application_id + 1),
            "name": f"{bot_user.name} team",
            "icon": None,
            "owner_user_id": str(owner.id),
            "members": [
                {
                    "membership_state": 2,
                    "permissions": ["*"],
                    "role": "admin",
                    "team_id": str(team_id or application_id + 1),
                    "user": user_payload(member),
                }
                for member in team
            ],
        }
    return data


def ready_payload(
    bot_user: FakeUser,
    application_id: int,
    guild_ids: Iterable[int],
    session_id: str,
    resume_url: str,
) -> Json:
    """Build the READY dispatch payload with unavailable guild stubs."""
    return {
        "v": 10,
        "user": user_payload(bot_user) | {"verified": True, "mfa_enabled": False, "flags": 0},
        "guilds": [{"id": str(gid), "unavailable": True} for gid in guild_ids],
        "session_id": session_id,
        "resume_gateway_url": resume_url,
        "application": {"id": str(application_id), "flags": 0},
        "private_channels": [],
        "relationships": [],
    }


def message_payload(
    *,
    message_id: int,
    channel: FakeChannel,
    author: FakeUser,
    body: Mapping[str, Any],
    member: Json | None = None,
    attachments: Sequence[Json] = (),
    application_id: int | None = None,
) -> Json:
    """Build a message object from a create/edit request body (or a user's message)."""
    data: Json = {
        "id": str(message_id),
        "channel_id": str(channel.id),
        "author": user_payload(author),
        "content": body.get("content") or "",
        "timestamp": now_iso(),
        "edited_timestamp": None,
        "tts": bool(body.get("tts", False)),
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": list(attachments),
        "embeds": list(body.get("embeds") or []),
        "components": list(body.get("components") or []),
        "pinned": False,
        "type": 0,
        "flags": int(body.get("flags") or 0),
    }
    if not channel.is_dm:
        data["guild_id"] = str(channel.guild_id)
    if member is not None:
        data["member"] = member
    if application_id is not None:
        data["application_id"] = str(application_id)
        data["webhook_id"] = str(application_id)
    reference = body.get("message_reference")
    if reference:
        data["message_reference"] = dict(reference)
        data["type"] = 19
    return data


def interaction_payload(
    *,
    interaction_id: int,
    application_id: int,
    interaction_type: int,
    token: str,
    data: Json,
    channel: FakeChannel,
    user: FakeUser,
    member: Json | None,
    permissions: int,
    app_permissions: int,
    overwrites: Sequence[Json] = (),
    message: Mapping[str, Any] | None = None,
    locale: str = "en-US",
) -> Json:
    """Build an INTERACTION_CREATE payload: in a guild channel (context 0) or a bot DM (1)."""
    payload: Json = {
        "id": str(interaction_id),
        "application_id": str(application_id),
        "type": interaction_type,
        "token": token,
        "version": 1,
        "data": data,
        "attachment_size_limit": 10 * 1024 * 1024,
        "channel_id": str(channel.id),
        "app_permissions": str(app_permissions),
        "entitlements": [],
        "locale": locale,
    }
    if channel.is_dm or member is None:
        payload |= {
            "channel": dm_channel_payload(channel, user),
            "user": user_payload(user),
            "authorizing_integration_owners": {"0": "0"},
            "context": CONTEXT_BOT_DM,
        }
    else:
        channel_data = channel_payload(channel, 0, permissions, overwrites)
        payload |= {
            "guild_id": str(channel.guild_id),
            "guild": {"id": str(channel.guild_id), "locale": "en-US", "features": []},
            "channel": channel_data,
            "member": member | {"permissions": str(permissions)},
            "authorizing_integration_owners": {"0": str(channel.guild_id)},
            "context": CONTEXT_GUILD,
            "guild_locale": "en-US",
        }
    if message is not None:
        payload["message"] = dict(message)
    return payload
