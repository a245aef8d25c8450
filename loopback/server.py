"""FakeDiscord: a loopback Discord (REST + gateway) on 127.0.0.1 with a test-friendly API."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Mapping, Sequence
from types import TracebackType
from typing import Any, Self

from aiohttp import web

from loopback.gateway import Gateway
from loopback.interactions import PermissionsLike, Sender, perm_value
from loopback.options import build_command_data, find_command
from loopback.payloads import (
    DEFAULT_MEMBER_PERMISSIONS,
    role_payload,
)
from loopback.permissions import MEMBER_OVERWRITE, ROLE_OVERWRITE, overwrite_payload
from loopback.records import (
    Choice,
    FakeAttachment,
    FakeChannel,
    FakeGuild,
    FakeRole,
    FakeUser,
    LoopbackError,
    PostedMessage,
    RecordedRequest,
    Reply,
)
from loopback.rest import API_PREFIX, RestApi
from loopback.store import DelayHook, GuildState, Store

__all__ = ["DEFAULT_BOT_ID", "FakeDiscord"]

Json = dict[str, Any]
DEFAULT_BOT_ID = 1_190_000_000_000_000_001
GATEWAY_PATH = "/gateway-ws"


class FakeDiscord:
    """A fake Discord server; use `async with FakeDiscord() as fake:` and `run_bot(bot, fake)`."""

    def __init__(
        self,
        *,
        bot_name: str = "FilmClub",
        bot_id: int = DEFAULT_BOT_ID,
        application_id: int | None = None,
        owner_name: str = "owner",
        team: Sequence[str] = (),
        timeout: float = 5.0,
    ) -> None:
        bot_user = FakeUser(id=bot_id, name=bot_name, bot=True)
        owner = FakeUser(id=bot_id + 1, name=owner_name)
        members = [FakeUser(id=bot_id + 2 + i, name=n) for i, n in enumerate(team)]
        self.store = Store(bot_user, application_id or bot_id, owner, members)
        self.timeout = timeout
        self.gateway = Gateway(self.store, lambda: self.gateway_url)
        self._rest = RestApi(self.store, self.gateway, lambda: self.gateway_url)
        self._sender = Sender(self.store, self.gateway)
        self._runner: web.AppRunner | None = None
        self._port = 0
        self._tasks: set[asyncio.Task[None]] = set()

    # -- lifecycle ------------------------------------------------------------------------

    async def start(self) -> None:
        """Bind to 127.0.0.1 on a free port and start serving."""
        app = web.Application(middlewares=[self._rest.middleware])
        app.router.add_get(GATEWAY_PATH, self.gateway.handle)
        app.router.add_routes(self._rest.routes())
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self._port = int(self._runner.addresses[0][1])

    async def close(self) -> None:
        """Close gateway sockets and stop the server."""
        await self._flush()
        await self.gateway.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    # -- addresses and identities ---------------------------------------------------------

    @property
    def base_url(self) -> str:
        """`http://127.0.0.1:<port>`."""
        if not self._port:
            raise LoopbackError("FakeDiscord is not started")
        return f"http://127.0.0.1:{self._port}"

    @property
    def api_url(self) -> str:
        """Value for `discord.http.Route.BASE`."""
        return self.base_url + API_PREFIX

    @property
    def gateway_url(self) -> str:
        """The websocket URL the bot should connect to."""
        return self.base_url.replace("http://", "ws://") + GATEWAY_PATH

    @property
    def bot_user(self) -> FakeUser:
        """The bot's own user."""
        return self.store.bot_user

    @property
    def application_id(self) -> int:
        """The application id reported at login."""
        return self.store.application_id

    @property
    def owner(self) -> FakeUser:
        """The application owner."""
        return self.store.owner

    @property
    def team(self) -> tuple[FakeUser, ...]:
        """Team members (empty when the application has no team)."""
        return self.store.team

    # -- records --------------------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every REST request the bot made, in order (paths without `/api/v10`)."""
        return list(self.store.requests)

    @property
    def unhandled_requests(self) -> list[RecordedRequest]:
        """Requests answered with 404 (routes the fake lacks, or unknown ids)."""
        return [r for r in self.store.requests if r.status == 404]

    @property
    def errors(self) -> list[str]:
        """Exceptions raised inside the fake's own handlers (should stay empty)."""
        return list(self.store.errors)

    def commands(self, guild: FakeGuild | None = None) -> list[Json]:
        """Synced command definitions (global, or for one guild), with their ids."""
        return list(self.store.commands.get(None if guild is None else guild.id, []))

    def channel_messages(
        self, channel: FakeChannel, *, include_interactions: bool = False
    ) -> list[PostedMessage]:
        """Latest versions of the bot's messages in a channel, oldest first."""
        sources = ("channel", "interaction", "followup") if include_interactions else ("channel",)
        return [
            m
            for m in self.store.messages.values()
            if m.channel_id == channel.id and m.source in sources and not m.deleted
        ]

    # -- entities -------------------------------------------------------------------------

    def user(self, name: str = "member", *, bot: bool = False) -> FakeUser:
        """The user with this name (created on first use)."""
        return self.store.user_named(name, bot=bot)

    def add_guild(
        self,
        name: str = "Club",
        *,
        owner: FakeUser | None = None,
        channels: Sequence[str] = ("general", "bot-commands"),
        everyone_permissions: int = DEFAULT_MEMBER_PERMISSIONS,
    ) -> FakeGuild:
        """Create a guild with text channels and @everyone; announced to a connected bot."""
        guild_id = self.store.ids.next()
        text = tuple(FakeChannel(self.store.ids.next(), guild_id, n) for n in channels)
        owner = owner or self.store.owner
        guild = FakeGuild(id=guild_id, name=name, owner_id=owner.id, channels=text)
        everyone = FakeRole(guild_id, guild_id, "@everyone", everyone_permissions)
        self.store.guilds[guild_id] = GuildState(guild, list(text), [everyone])
        self.store.channels.update((c.id, c) for c in text)
        self.store.ensure_member(guild_id, owner)
        if self.gateway.sessions:
            self._spawn(self.gateway.dispatch("GUILD_CREATE", self.gateway.guild_create(guild_id)))
        return guild

    def attach(
        self, filename: str, data: bytes, content_type: str = "application/octet-stream"
    ) -> FakeAttachment:
        """A file to pass as an attachment option of `slash`; the bot can download it."""
        attachment_id = self.store.ids.next()
        url = f"{self.base_url}/attachments/{attachment_id}/{filename}"
        attachment = FakeAttachment(attachment_id, filename, data, url, content_type)
        self.store.attachments[attachment_id] = attachment
        return attachment

    def add_channel(self, guild: FakeGuild, name: str) -> FakeChannel:
        """Add a text channel; announced with CHANNEL_CREATE to a connected bot."""
        state = self.store.guild_of(guild)
        channel = FakeChannel(self.store.ids.next(), guild.id, name)
        state.channels.append(channel)
        self.store.channels[channel.id] = channel
        if self.gateway.sessions:
            self._spawn(self.gateway.channel_create(guild.id, len(state.channels) - 1))
        return channel

    def add_role(self, guild: FakeGuild, name: str, permissions: PermissionsLike = 0) -> FakeRole:
        """Add a role; pass it in `roles=` of `slash`/`click`/`message` to give it to the user."""
        state = self.store.guild_of(guild)
        role = FakeRole(self.store.ids.next(), guild.id, name, perm_value(permissions) or 0)
        state.roles.append(role)
        if self.gateway.sessions:
            payload = {"guild_id": str(guild.id), "role": role_payload(role, len(state.roles) - 1)}
            self._spawn(self.gateway.dispatch("GUILD_ROLE_CREATE", payload))
        return role

    def set_permissions(
        self,
        channel: FakeChannel,
        target: FakeUser | FakeRole,
        *,
        allow: PermissionsLike = 0,
        deny: PermissionsLike = 0,
    ) -> None:
        """Set a member's or role's overwrite in a channel (before the bot connects)."""
        kind = ROLE_OVERWRITE if isinstance(target, FakeRole) else MEMBER_OVERWRITE
        entry = overwrite_payload(
            target.id, kind, allow=perm_value(allow) or 0, deny=perm_value(deny) or 0
        )
        kept = [e for e in self.store.overwrites.get(channel.id, []) if e["id"] != entry["id"]]
        self.store.overwrites[channel.id] = [*kept, entry]

    def delay(self, method: str, route: str, hook: DelayHook) -> None:
        """Await ``hook(json_body)`` before handling each ``method`` request to ``route``.

        ``route`` is a REST route template without `/api/v10`, as in
        ``fake.delay("POST", "/channels/{channel_id}/messages", hook)``; the hook may hold a
        request (to make a race happen on purpose) or let it through at once.
        """
        self.store.delays[(method.upper(), route)] = hook

    async def _flush(self) -> None:
        """Finish announcing entities added while the bot runs, so dispatches stay in order."""
        while self._tasks:
            await asyncio.gather(*self._tasks)

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # -- interactions ---------------------------------------------------------------------

    async def slash(
        self,
        path: str,
        options: Mapping[str, Any] | None = None,
        *,
        guild: FakeGuild | None = None,
        channel: FakeChannel | None = None,
        user: FakeUser | None = None,
        permissions: PermissionsLike = None,
        roles: Sequence[FakeRole] = (),
        locale: str = "en-US",
        timeout: float | None = None,
        messages: int = 1,
    ) -> Reply:
        """Invoke a synced slash command (`"film info"`) and wait for the bot's answer.

        With ``messages`` above one, also wait until the answer spans that many messages.
        """
        await self._flush()
        guild, channel, user = self._sender.where(guild, channel, user)
        top, leaf = find_command(self._sender.visible_commands(guild), path)
        perms = self._sender.permissions(guild, user, roles, permissions)
        self._sender.check_visible(top, path, perms)
        built = build_command_data(top, leaf, path, options or {})
        if built.references:
            built.data["resolved"] = self._sender.resolved(guild, built.references)
        state = await self._sender.send(2, built.data, channel, user, perms, roles, locale=locale)
        return await self._sender.wait_reply(
            state, f"a reply to /{path}", timeout or self.timeout, messages=messages
        )

    async def autocomplete(
        self,
        path: str,
        option: str,
        value: str,
        *,
        options: Mapping[str, Any] | None = None,
        guild: FakeGuild | None = None,
        channel: FakeChannel | None = None,
        user: FakeUser | None = None,
        permissions: PermissionsLike = None,
        timeout: float | None = None,
    ) -> list[Choice]:
        """Send an autocomplete interaction with `option` focused; return the offered choices."""
        await self._flush()
        guild, channel, user = self._sender.where(guild, channel, user)
        top, leaf = find_command(self._sender.visible_commands(guild), path)
        perms = self._sender.permissions(guild, user, (), permissions)
        values = {**(options or {}), option: value}
        built = build_command_data(top, leaf, path, values, focused=option)
        state = await self._sender.send(4, built.data, channel, user, perms, ())
        reply = await self._sender.wait_reply(
            state, f"autocomplete of /{path} {option}", timeout or self.timeout
        )
        if reply.callback_type != 8:
            raise LoopbackError(f"autocomplete answered with callback type {reply.callback_type}")
        return list(reply.choices)

    async def click(
        self,
        message: PostedMessage | int,
        custom_id: str,
        *,
        user: FakeUser | None = None,
        values: Sequence[str] | None = None,
        permissions: PermissionsLike = None,
        roles: Sequence[FakeRole] = (),
        timeout: float | None = None,
    ) -> Reply:
        """Click a button (or pick `values` in a select) on a message the bot posted."""
        await self._flush()
        message_id = message if isinstance(message, int) else message.id
        current = self.store.get_message(message_id)
        if custom_id not in current.custom_ids:
            raise LoopbackError(f"message {message_id} has no component {custom_id!r}")
        channel = self.store.channels[current.channel_id]
        guild = self.store.guild_of(channel.guild_id).guild
        user = user or self.user()
        perms = self._sender.permissions(guild, user, roles, permissions)
        data: Json = {"custom_id": custom_id, "component_type": 2}
        if values is not None:
            data.update(component_type=3, values=list(values))
        state = await self._sender.send(
            3, data, channel, user, perms, roles, message=current.raw, clicked=message_id
        )
        return await self._sender.wait_reply(
            state, f"a reply to clicking {custom_id!r}", timeout or self.timeout
        )

    async def message(
        self,
        channel: FakeChannel,
        content: str,
        *,
        author: FakeUser | None = None,
        roles: Sequence[FakeRole] = (),
    ) -> PostedMessage:
        """Dispatch MESSAGE_CREATE as if `author` typed `content` in `channel`."""
        await self._flush()
        gateway = self._sender.require_gateway()
        author = author or self.user()
        member = self.store.ensure_member(channel.guild_id, author, roles)
        partial = {k: v for k, v in member.items() if k != "user"}
        record = self.store.create_message(
            channel, author, {"content": content}, "user", member=partial
        )
        await gateway.dispatch("MESSAGE_CREATE", dict(record.raw))
        return record

    # -- waiting --------------------------------------------------------------------------

    async def wait_for_channel_message(
        self,
        channel: FakeChannel,
        predicate: Callable[[PostedMessage], bool] | None = None,
        *,
        after: PostedMessage | int | None = None,
        timeout: float | None = None,
    ) -> PostedMessage:
        """The oldest bot message in `channel` (newer than `after`) that matches `predicate`."""
        floor = after if isinstance(after, int) else (after.id if after else 0)

        def find() -> PostedMessage | None:
            for m in self.channel_messages(channel, include_interactions=True):
                if m.id > floor and (predicate is None or predicate(m)):
                    return m
            return None

        return await self.store.wait_until(
            find, timeout or self.timeout, f"a bot message in #{channel.name}"
        )

    async def wait_for_request(
        self, predicate: Callable[[RecordedRequest], bool], *, timeout: float | None = None
    ) -> RecordedRequest:
        """The first recorded request matching `predicate`."""

        def find() -> RecordedRequest | None:
            return next((r for r in self.store.requests if predicate(r)), None)

        return await self.store.wait_until(find, timeout or self.timeout, "a matching request")
