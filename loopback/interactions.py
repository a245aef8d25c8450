"""Building, sending and awaiting interactions on behalf of FakeDiscord."""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from typing import Any

import discord

from loopback.gateway import Gateway
from loopback.limits import ADMINISTRATOR, CONTEXT_BOT_DM, CONTEXT_GUILD
from loopback.payloads import (
    DEFAULT_MEMBER_PERMISSIONS,
    channel_payload,
    interaction_payload,
    role_payload,
    user_payload,
)
from loopback.records import (
    FakeChannel,
    FakeGuild,
    FakeRole,
    FakeUser,
    LoopbackError,
    NoResponseError,
    NotVisibleError,
    Reply,
)
from loopback.store import InteractionState, Store

__all__ = ["PermissionsLike", "Sender", "command_visible", "hidden_because", "perm_value"]

Json = dict[str, Any]
ATTACHMENT = 11
PermissionsLike = discord.Permissions | int | None
DEADLINE_GRACE = 0.05
"""Real seconds past the deadline the harness waits, so `answered` sees the clock pass it."""


class Sender:
    """Turns test calls into INTERACTION_CREATE dispatches and waits for the bot's answers."""

    def __init__(self, store: Store, gateway: Gateway) -> None:
        self.store = store
        self.gateway = gateway

    def require_gateway(self) -> Gateway:
        """The gateway, once a bot has identified."""
        if not self.gateway.sessions:
            raise LoopbackError("no bot is connected to the gateway (use run_bot first)")
        return self.gateway

    def where(
        self, guild: FakeGuild | None, channel: FakeChannel | None, user: FakeUser | None
    ) -> tuple[FakeGuild, FakeChannel, FakeUser]:
        """Fill in the default guild, its general channel and the `member` user."""
        if guild is None:
            if channel is not None:
                guild = self.store.guild_of(channel.guild_id).guild
            elif self.store.guilds:
                guild = next(iter(self.store.guilds.values())).guild
            else:
                raise LoopbackError("no guild: call fake.add_guild() first")
        return guild, channel or guild.general, user or self.store.user_named("member")

    def visible_commands(self, guild: FakeGuild | None) -> list[Json]:
        """Guild commands first, then global ones (in a DM, only global ones)."""
        found = [] if guild is None else list(self.store.commands.get(guild.id, []))
        return found + self.store.commands.get(None, [])

    def permissions(
        self,
        guild: FakeGuild,
        user: FakeUser,
        roles: Sequence[FakeRole],
        given: PermissionsLike,
        channel: FakeChannel | None = None,
    ) -> int:
        """Make the user a member; explicit permissions, or those from roles and overwrites."""
        self.store.ensure_member(guild.id, user, roles)
        value = perm_value(given)
        if value is not None:
            return value
        return self.store.member_permissions(guild.id, user, channel)

    @staticmethod
    def check_visible(command: Mapping[str, Any], path: str, perms: int, *, dm: bool) -> None:
        """Refuse a command Discord would not show: contexts, then default_member_permissions."""
        why = hidden_because(command, perms, dm=dm)
        if why is not None:
            raise NotVisibleError(f"/{path} is hidden from this user: {why}")

    def resolved(self, guild: FakeGuild, references: Sequence[tuple[int, int]]) -> Json:
        """Build the `resolved` block for user, channel, role, mentionable and file options."""
        resolved: dict[str, Json] = {}
        for kind, ref_id in references:
            key = str(ref_id)
            if kind in (6, 9) and ref_id in self.store.users:
                user = self.store.users[ref_id]
                member = self.store.ensure_member(guild.id, user)
                resolved.setdefault("users", {})[key] = user_payload(user)
                member.pop("user")
                perms = self.store.member_permissions(guild.id, user)
                resolved.setdefault("members", {})[key] = member | {"permissions": str(perms)}
            elif kind == 7 and ref_id in self.store.channels:
                channel = self.store.channels[ref_id]
                perms = DEFAULT_MEMBER_PERMISSIONS
                resolved.setdefault("channels", {})[key] = channel_payload(channel, 0, perms)
            elif kind == ATTACHMENT and ref_id in self.store.attachments:
                attachment = self.store.attachments[ref_id].payload()
                resolved.setdefault("attachments", {})[key] = attachment
            elif kind in (8, 9):
                for role in self.store.guild_of(guild).roles:
                    if role.id == ref_id:
                        resolved.setdefault("roles", {})[key] = role_payload(role, 0)
        return resolved

    async def send(
        self,
        kind: int,
        data: Json,
        channel: FakeChannel,
        user: FakeUser,
        perms: int,
        roles: Sequence[FakeRole],
        *,
        message: Mapping[str, Any] | None = None,
        clicked: int | None = None,
        locale: str = "en-US",
    ) -> InteractionState:
        """Register an interaction and dispatch INTERACTION_CREATE to the bot."""
        gateway = self.require_gateway()
        member = None
        if not channel.is_dm:
            member = self.store.ensure_member(channel.guild_id, user, roles)
        state = InteractionState(
            id=self.store.ids.next(),
            token=secrets.token_urlsafe(24),
            type=kind,
            channel=channel,
            created_at=self.store.now(),
            clicked_message_id=clicked,
        )
        self.store.interactions[state.id] = state
        payload = interaction_payload(
            interaction_id=state.id,
            application_id=self.store.application_id,
            interaction_type=kind,
            token=state.token,
            data=data,
            channel=channel,
            user=user,
            member=member,
            permissions=perms,
            app_permissions=self.store.bot_permissions(channel),
            overwrites=self.store.channel_overwrites(channel),
            message=message,
            locale=locale,
        )
        await gateway.dispatch("INTERACTION_CREATE", payload)
        return state

    async def wait_reply(
        self, state: InteractionState, what: str, timeout: float, *, messages: int = 1
    ) -> Reply:
        """Wait for the callback (and, after a thinking defer, the real answer).

        Waits for the first response no longer than Discord would (`response_deadline`).
        """
        store = self.store
        due = state.created_at + store.response_deadline

        def answered() -> str | None:
            if state.callback_type is not None:
                return "answered"
            return "late" if store.now() > due or state.expired else None

        first = min(timeout, max(0.0, due - store.now()) + DEADLINE_GRACE)
        outcome = await store.wait_until(answered, first, what)
        if outcome == "late":
            raise NoResponseError(
                f"no first response to {what} within {store.response_deadline} s:"
                " Discord shows 'This interaction failed'"
            )

        def ready() -> Reply | None:
            if state.callback_type == 5 and not (state.original_edited or state.followup_ids):
                return None
            reply = self.store.reply_for(state)
            if reply is not None and messages > 1 and len(reply.all_messages) < messages:
                return None
            return reply

        return await self.store.wait_until(ready, timeout, what)


def hidden_because(command: Mapping[str, Any], perms: int, *, dm: bool) -> str | None:
    """Why Discord would not show `command` to a user with `perms` (None when it would)."""
    contexts = command.get("contexts")
    if dm:
        if command.get("guild_id"):
            return "guild commands are not shown in DMs"
        if contexts is not None and CONTEXT_BOT_DM not in contexts:
            return f"its contexts {contexts} exclude DMs with the bot"
        if command.get("dm_permission") is False:
            return "dm_permission is false"
        return None
    if contexts is not None and CONTEXT_GUILD not in contexts:
        return f"its contexts {contexts} exclude servers"
    required = command.get("default_member_permissions")
    if required is None or perms & ADMINISTRATOR:
        return None
    needed = int(required)
    if needed == 0:  # "0": nobody but administrators (application-commands.mdx)
        return "only administrators may use it"
    if needed & perms != needed:
        return f"needs permissions {required}"
    return None


def command_visible(command: Mapping[str, Any], perms: int, *, dm: bool) -> bool:
    """Whether Discord shows `command` to a user with `perms` (in a DM when `dm`)."""
    return hidden_because(command, perms, dm=dm) is None


def perm_value(given: PermissionsLike) -> int | None:
    """Permissions as an int (None stays None)."""
    if isinstance(given, discord.Permissions):
        return given.value
    return given
