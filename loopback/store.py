"""Mutable state behind the loopback Discord: entities, messages, commands, interactions, waits."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from loopback.limits import INITIAL_RESPONSE_SECONDS, INTERACTION_TOKEN_SECONDS
from loopback.payloads import (
    DEFAULT_MEMBER_PERMISSIONS,
    DM_APP_PERMISSIONS,
    SnowflakeFactory,
    member_payload,
    message_payload,
    now_iso,
)
from loopback.permissions import apply_overwrites, base_permissions
from loopback.records import (
    DM_CHANNEL,
    LOADING,
    Choice,
    FakeAttachment,
    FakeChannel,
    FakeGuild,
    FakeRole,
    FakeUser,
    LoopbackError,
    MessageSource,
    PostedMessage,
    RecordedRequest,
    Reply,
)

__all__ = ["DelayHook", "GuildState", "InteractionState", "Store"]

Json = dict[str, Any]
T = TypeVar("T")
DelayHook = Callable[[Any], Awaitable[None]]
"""Awaited with a request's JSON body before the fake handles it (see `FakeDiscord.delay`)."""
EDITABLE_FIELDS = ("content", "embeds", "components", "flags")


@dataclass
class GuildState:
    """A guild with its channels, roles and members (`user id -> (role ids, joined_at)`)."""

    guild: FakeGuild
    channels: list[FakeChannel]
    roles: list[FakeRole]
    members: dict[int, tuple[tuple[int, ...], str]] = field(default_factory=dict)

    def role_permissions(self) -> dict[int, int]:
        """Role id -> the role's guild-level permissions."""
        return {role.id: role.permissions for role in self.roles}


@dataclass
class InteractionState:
    """What the bot has done so far with one interaction."""

    id: int
    token: str
    type: int
    channel: FakeChannel
    created_at: float = 0.0
    clicked_message_id: int | None = None
    callback_type: int | None = None
    expired: bool = False
    """The bot answered after the deadline (Discord said 10062 Unknown interaction)."""
    callback_data: Json = field(default_factory=dict)
    original_id: int | None = None
    original_edited: bool = False
    followup_ids: list[int] = field(default_factory=list)
    choices: tuple[Choice, ...] = ()
    answered_at: float | None = None
    """When the first response (reply, defer or autocomplete) arrived (time.monotonic)."""

    @property
    def first_response_seconds(self) -> float | None:
        """Seconds from the interaction's dispatch to its first response, if answered."""
        return None if self.answered_at is None else self.answered_at - self.created_at


class Store:
    """Everything the fake knows, plus an event that fires on every change."""

    def __init__(
        self, bot_user: FakeUser, application_id: int, owner: FakeUser, team: Sequence[FakeUser]
    ) -> None:
        self.ids = SnowflakeFactory()
        self.bot_user = bot_user
        self.application_id = application_id
        self.owner = owner
        self.team = tuple(team)
        self.users: dict[int, FakeUser] = {u.id: u for u in (bot_user, owner, *team)}
        self.guilds: dict[int, GuildState] = {}
        self.channels: dict[int, FakeChannel] = {}
        self.messages: dict[int, PostedMessage] = {}
        self.commands: dict[int | None, list[Json]] = {}
        self.overwrites: dict[int, list[Json]] = {}
        """Permission overwrites per channel id (see `loopback.permissions`)."""
        self.command_ids: dict[tuple[int | None, str, int], int] = {}
        self.interactions: dict[int, InteractionState] = {}
        self.requests: list[RecordedRequest] = []
        self.errors: list[str] = []
        self.dms: dict[int, FakeChannel] = {}
        self.time_offset = 0.0
        self.response_deadline = INITIAL_RESPONSE_SECONDS
        """Seconds the bot has for a first response (shorter in tests of the mechanism)."""
        self.token_lifetime = INTERACTION_TOKEN_SECONDS
        self.delays: dict[tuple[str, str], DelayHook] = {}
        self.attachments: dict[int, FakeAttachment] = {}
        self._changed = asyncio.Event()

    def now(self) -> float:
        """The fake's clock: the event loop's time plus any time a test made pass."""
        return asyncio.get_running_loop().time() + self.time_offset

    # -- change notification -------------------------------------------------------------

    def notify(self) -> None:
        """Wake every waiter so it re-checks its predicate."""
        event, self._changed = self._changed, asyncio.Event()
        event.set()

    async def wait_until(self, predicate: Callable[[], T | None], timeout: float, what: str) -> T:
        """Return the first non-None result of `predicate`, re-checked after each change."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            result = predicate()
            if result is not None:
                return result
            event = self._changed
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise LoopbackError(f"timed out after {timeout}s waiting for {what}{self._hint()}")
            try:
                await asyncio.wait_for(event.wait(), remaining)
            except TimeoutError:
                continue

    def _hint(self) -> str:
        missing = [f"{r.method} {r.path}" for r in self.requests if r.status == 404][-5:]
        return f"; recent 404s from the fake: {missing}" if missing else ""

    # -- entities -------------------------------------------------------------------------

    def user_named(self, name: str, *, bot: bool = False) -> FakeUser:
        """Return the user with this name, creating it on first use."""
        for user in self.users.values():
            if user.name == name and user.bot == bot:
                return user
        user = FakeUser(id=self.ids.next(), name=name, bot=bot)
        self.users[user.id] = user
        return user

    def guild_of(self, guild: FakeGuild | int) -> GuildState:
        """Look up a guild's state by record or id."""
        guild_id = guild if isinstance(guild, int) else guild.id
        try:
            return self.guilds[guild_id]
        except KeyError:
            raise LoopbackError(f"unknown guild {guild_id}") from None

    def ensure_member(self, guild_id: int, user: FakeUser, roles: Sequence[FakeRole] = ()) -> Json:
        """Make `user` a member of the guild (adding `roles`) and return the full member object."""
        state = self.guild_of(guild_id)
        role_ids, joined_at = state.members.get(user.id, ((), now_iso()))
        merged = tuple(dict.fromkeys((*role_ids, *(r.id for r in roles))))
        state.members[user.id] = (merged, joined_at)
        return member_payload(user, merged, joined_at)

    def member_permissions(
        self, guild_id: int, user: FakeUser, channel: FakeChannel | None = None
    ) -> int:
        """Permissions from @everyone and the member's roles, then `channel`'s overwrites."""
        state = self.guild_of(guild_id)
        role_ids = state.members.get(user.id, ((), ""))[0]
        base = base_permissions(
            is_owner=user.id == state.guild.owner_id,
            guild_id=guild_id,
            role_permissions=state.role_permissions(),
            member_role_ids=role_ids,
        )
        if channel is None:
            return base
        return apply_overwrites(
            base,
            self.overwrites.get(channel.id, ()),
            guild_id=guild_id,
            user_id=user.id,
            role_ids=role_ids,
        )

    def bot_permissions(self, channel: FakeChannel) -> int:
        """The bot's permissions in a channel (what interactions carry as `app_permissions`)."""
        if channel.is_dm:
            return DM_APP_PERMISSIONS
        return self.member_permissions(channel.guild_id, self.bot_user, channel)

    def channel_overwrites(self, channel: FakeChannel) -> list[Json]:
        """The overwrites set on a guild channel (payload objects)."""
        return [] if channel.is_dm else list(self.overwrites.get(channel.id, ()))

    def dm_channel(self, user: FakeUser) -> FakeChannel:
        """The DM channel between `user` and the bot (created on first use)."""
        channel = self.dms.get(user.id)
        if channel is None:
            channel = FakeChannel(self.ids.next(), 0, user.name, DM_CHANNEL)
            self.dms[user.id] = channel
            self.channels[channel.id] = channel
        return channel

    def default_permissions(self) -> int:
        """Permissions an ordinary member has."""
        return DEFAULT_MEMBER_PERMISSIONS

    # -- messages -------------------------------------------------------------------------

    def create_message(
        self,
        channel: FakeChannel,
        author: FakeUser,
        body: Mapping[str, Any],
        source: MessageSource,
        *,
        files: Sequence[tuple[str, bytes]] = (),
        interaction_id: int | None = None,
        member: Json | None = None,
    ) -> PostedMessage:
        """Store a new message and return its record."""
        message_id = self.ids.next()
        raw = message_payload(
            message_id=message_id,
            channel=channel,
            author=author,
            body=body,
            member=member,
            attachments=self._attachments(files),
            application_id=self.application_id if source in ("interaction", "followup") else None,
        )
        record = PostedMessage(
            id=message_id,
            channel_id=channel.id,
            author_id=author.id,
            content=raw["content"],
            source=source,
            raw=raw,
            embeds=tuple(raw["embeds"]),
            components=tuple(raw["components"]),
            flags=raw["flags"],
            allowed_mentions=body.get("allowed_mentions"),
            files=tuple(files),
            interaction_id=interaction_id,
        )
        self.messages[message_id] = record
        self.notify()
        return record

    def edit_message(
        self, message_id: int, body: Mapping[str, Any], files: Sequence[tuple[str, bytes]] = ()
    ) -> PostedMessage:
        """Apply an edit body to a stored message and return the new version."""
        old = self.get_message(message_id)
        raw = dict(old.raw)
        for key in EDITABLE_FIELDS:
            if key in body and body[key] is not None:
                raw[key] = body[key]
        raw["flags"] = (int(raw.get("flags") or 0) & ~LOADING) | (old.flags & ~LOADING)
        if files:
            raw["attachments"] = self._attachments(files)
        raw["edited_timestamp"] = now_iso()
        record = replace(
            old,
            content=raw.get("content") or "",
            raw=raw,
            embeds=tuple(raw.get("embeds") or ()),
            components=tuple(raw.get("components") or ()),
            flags=int(raw["flags"]),
            allowed_mentions=body.get("allowed_mentions", old.allowed_mentions),
            files=tuple(files) or old.files,
            edited=True,
        )
        self.messages[message_id] = record
        self.notify()
        return record

    def delete_message(self, message_id: int) -> None:
        """Mark a message deleted."""
        self.messages[message_id] = replace(self.get_message(message_id), deleted=True)
        self.notify()

    def get_message(self, message_id: int) -> PostedMessage:
        """Return a live (not deleted) message or raise LoopbackError."""
        message = self.messages.get(message_id)
        if message is None or message.deleted:
            raise LoopbackError(f"unknown message {message_id}")
        return message

    def _attachments(self, files: Sequence[tuple[str, bytes]]) -> list[Json]:
        return [
            {
                "id": str(self.ids.next()),
                "filename": name,
                "size": len(data),
                "url": f"http://127.0.0.1/attachments/{name}",
                "proxy_url": f"http://127.0.0.1/attachments/{name}",
            }
            for name, data in files
        ]

    # -- interactions ---------------------------------------------------------------------

    def reply_for(self, state: InteractionState) -> Reply | None:
        """Snapshot the bot's answer to an interaction, or None before the callback."""
        if state.callback_type is None:
            return None
        original = None if state.original_id is None else self.messages.get(state.original_id)
        return Reply(
            interaction_id=state.id,
            callback_type=state.callback_type,
            callback_data=state.callback_data,
            message=original,
            followups=tuple(self.messages[i] for i in state.followup_ids),
            choices=state.choices,
            modal=state.callback_data if state.callback_type == 9 else None,
        )

    def interaction_by_token(self, token: str) -> InteractionState | None:
        """Find an interaction by its webhook token."""
        return next((i for i in self.interactions.values() if i.token == token), None)
