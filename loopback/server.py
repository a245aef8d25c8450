"""FakeDiscord: a loopback Discord (REST + gateway) on 127.0.0.1 with a test-friendly API."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Coroutine, Mapping, Sequence
from dataclasses import replace
from types import TracebackType
from typing import Any, Self

from aiohttp import web

from loopback.faults import Fault, FaultKind, Faults
from loopback.gateway import Gateway
from loopback.interactions import PermissionsLike, Sender, command_visible, perm_value
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

__all__ = ["DEFAULT_BOT_ID", "DEFAULT_TOKEN", "FakeDiscord"]

Json = dict[str, Any]
DEFAULT_BOT_ID = 1_190_000_000_000_000_001
DEFAULT_TOKEN = "loopback-token"  # noqa: S105 - not a secret: a fixed token for the fake
GATEWAY_PATH = "/gateway-ws"


class FakeDiscord:
    """A fake Discord server; use `async with FakeDiscord() as fake:` and `run_bot(bot, fake)`.

    ``shards`` is how many shards GET /gateway/bot recommends to automatic sharding.
    """

    def __init__(
        self,
        *,
        bot_name: str = "FilmClub",
        bot_id: int = DEFAULT_BOT_ID,
        application_id: int | None = None,
        owner_name: str = "owner",
        team: Sequence[str] = (),
        timeout: float = 5.0,
        token: str = DEFAULT_TOKEN,
        privileged_intents: int = 0,
        bot_permissions: PermissionsLike = DEFAULT_MEMBER_PERMISSIONS,
        response_deadline: float | None = None,
        shards: int = 1,
    ) -> None:
        """Set up the fake (not yet serving).

        `token` is the only one accepted (else 401 and close 4004); `privileged_intents` are
        those "enabled in the Developer Portal" (others close with 4014); `bot_permissions`
        go to the bot's own role in every guild; `response_deadline` shortens Discord's 3 s
        for tests of that mechanism.
        """
        bot_user = FakeUser(id=bot_id, name=bot_name, bot=True)
        owner = FakeUser(id=bot_id + 1, name=owner_name)
        members = [FakeUser(id=bot_id + 2 + i, name=n) for i, n in enumerate(team)]
        self.store = Store(bot_user, application_id or bot_id, owner, members)
        if response_deadline is not None:
            self.store.response_deadline = response_deadline
        self.timeout = timeout
        self.token = token
        self.bot_permissions = perm_value(bot_permissions) or 0
        self.faults = Faults()
        self.gateway = Gateway(
            self.store,
            lambda: self.gateway_url,
            token=token,
            privileged_intents=privileged_intents,
        )
        self._rest = RestApi(
            self.store, self.gateway, lambda: self.gateway_url, token=token, faults=self.faults
        )
        self.gateway.recommended_shards = shards
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
        guild_id = self.store.ids.next_later()
        text = tuple(FakeChannel(self.store.ids.next(), guild_id, n) for n in channels)
        owner = owner or self.store.owner
        guild = FakeGuild(id=guild_id, name=name, owner_id=owner.id, channels=text)
        everyone = FakeRole(guild_id, guild_id, "@everyone", everyone_permissions)
        bot_role = FakeRole(
            self.store.ids.next(), guild_id, self.bot_user.name, self.bot_permissions
        )
        self.store.guilds[guild_id] = GuildState(guild, list(text), [everyone, bot_role])
        self.store.channels.update((c.id, c) for c in text)
        self.store.ensure_member(guild_id, owner)
        self.store.ensure_member(guild_id, self.bot_user, [bot_role])
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

    def set_role_permissions(self, role: FakeRole, permissions: PermissionsLike) -> FakeRole:
        """Change a role's guild-level permissions (announced with GUILD_ROLE_UPDATE)."""
        return self._replace_role(role.guild_id, role.id, perm_value(permissions) or 0)

    def set_bot_permissions(self, guild: FakeGuild, permissions: PermissionsLike) -> None:
        """Change what the bot's own role allows in `guild`."""
        state = self.store.guild_of(guild)
        role_id = state.members[self.bot_user.id][0][0]
        self._replace_role(guild.id, role_id, perm_value(permissions) or 0)

    def _replace_role(self, guild_id: int, role_id: int, permissions: int) -> FakeRole:
        state = self.store.guild_of(guild_id)
        index = next(i for i, r in enumerate(state.roles) if r.id == role_id)
        role = replace(state.roles[index], permissions=permissions)
        state.roles[index] = role
        if self.gateway.sessions:
            payload = {"guild_id": str(guild_id), "role": role_payload(role, index)}
            self._spawn(self.gateway.dispatch("GUILD_ROLE_UPDATE", payload))
        return role

    def set_overwrite(
        self,
        channel: FakeChannel,
        target: FakeRole | FakeUser,
        *,
        allow: PermissionsLike = 0,
        deny: PermissionsLike = 0,
    ) -> None:
        """Set a channel overwrite for a role or a member (announced with CHANNEL_UPDATE)."""
        state = self.store.guild_of(channel.guild_id)
        kind = ROLE_OVERWRITE if isinstance(target, FakeRole) else MEMBER_OVERWRITE
        entry = overwrite_payload(
            target.id, kind, allow=perm_value(allow) or 0, deny=perm_value(deny) or 0
        )
        kept = [e for e in self.store.overwrites.get(channel.id, []) if e["id"] != entry["id"]]
        self.store.overwrites[channel.id] = [*kept, entry]
        if self.gateway.sessions:
            index = next(i for i, c in enumerate(state.channels) if c.id == channel.id)
            self._spawn(self.gateway.channel_update(channel.guild_id, index))

    def set_permissions(
        self,
        channel: FakeChannel,
        target: FakeRole | FakeUser,
        *,
        allow: PermissionsLike = 0,
        deny: PermissionsLike = 0,
    ) -> None:
        """The same as `set_overwrite` (the name the console uses)."""
        self.set_overwrite(channel, target, allow=allow, deny=deny)

    def permissions_in(self, channel: FakeChannel, user: FakeUser) -> int:
        """A member's permissions in a channel, from roles and overwrites."""
        return self.store.member_permissions(channel.guild_id, user, channel)

    def dm_channel(self, user: FakeUser) -> FakeChannel:
        """The DM channel between `user` and the bot."""
        return self.store.dm_channel(user)

    def visible_commands(
        self,
        *,
        user: FakeUser | None = None,
        guild: FakeGuild | None = None,
        channel: FakeChannel | None = None,
        roles: Sequence[FakeRole] = (),
        permissions: PermissionsLike = None,
        dm: bool = False,
    ) -> list[str]:
        """Top-level slash commands Discord would show this user here (sorted names)."""
        if dm:
            commands = self._sender.visible_commands(None)
            return sorted(c["name"] for c in commands if command_visible(c, 0, dm=True))
        guild, channel, user = self._sender.where(guild, channel, user)
        perms = self._sender.permissions(guild, user, roles, permissions, channel)
        commands = self._sender.visible_commands(guild)
        return sorted(
            {
                c["name"]
                for c in commands
                if c.get("type", 1) == 1 and command_visible(c, perms, dm=False)
            }
        )

    # -- faults ---------------------------------------------------------------------------

    def fault(
        self,
        kind: FaultKind,
        path: str,
        *,
        method: str = "*",
        times: int = 1,
        seconds: float = 0.0,
    ) -> Fault:
        """Plan a REST fault for requests whose path (without `/api/v10`) matches `path`.

        "429": a rate limit with `retry_after=seconds`; "500": a server error; "slow": the
        request waits `seconds`, or until `fault.open()` when `seconds` is 0.
        """
        return self.faults.add(Fault(method, re.compile(path), kind, times, seconds))

    def deliver_twice(self, event: str, times: int = 1) -> None:
        """The next `times` dispatches of `event` reach the bot twice."""
        self.gateway.duplicates[event] += times

    async def drop_gateway(self, *, resume: bool = True) -> None:
        """Close the bot's gateway: resumable (close 4000) or not (op 9, identify anew)."""
        await self._flush()
        await self.gateway.drop(resume=resume)

    async def ask_reconnect(self) -> None:
        """Send op 7 RECONNECT: the bot closes and resumes."""
        await self.gateway.ask_reconnect()

    async def wait_for_gateway(self, *, identifies: int = 0, resumes: int = 0) -> None:
        """Wait until the bot has identified / resumed at least this many times in all."""
        gateway = self.gateway

        def done() -> bool | None:
            ok = gateway.identifies >= identifies and gateway.resumes >= resumes
            return True if ok and gateway.sessions else None

        await self.store.wait_until(done, self.timeout, "the bot to reconnect to the gateway")

    def pass_time(self, seconds: float) -> None:
        """Make the fake's own clock (interaction deadlines, token lifetimes) jump ahead."""
        self.store.time_offset += seconds
        self.store.notify()

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
        dm: bool = False,
    ) -> Reply:
        """Invoke a synced slash command (`"film info"`) and wait for the bot's answer.

        With ``messages`` above one, also wait until the answer spans that many messages.
        With ``dm``, the user runs it in their DM with the bot (context 1, no guild).
        Raises NotVisibleError when Discord would not show the command to this user there.
        """
        await self._flush()
        if dm:
            user = user or self.user()
            top, leaf = find_command(self._sender.visible_commands(None), path)
            self._sender.check_visible(top, path, 0, dm=True)
            built = build_command_data(top, leaf, path, options or {})
            channel = self.store.dm_channel(user)
            state = await self._sender.send(2, built.data, channel, user, 0, (), locale=locale)
            return await self._sender.wait_reply(
                state, f"a reply to /{path}", timeout or self.timeout, messages=messages
            )
        guild, channel, user = self._sender.where(guild, channel, user)
        top, leaf = find_command(self._sender.visible_commands(guild), path)
        perms = self._sender.permissions(guild, user, roles, permissions, channel)
        self._sender.check_visible(top, path, perms, dm=False)
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
        perms = self._sender.permissions(guild, user, (), permissions, channel)
        self._sender.check_visible(top, path, perms, dm=False)
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
        component = current.component(custom_id)
        if component is None:
            raise LoopbackError(f"message {message_id} has no component {custom_id!r}")
        if component.get("disabled"):
            raise LoopbackError(
                f"component {custom_id!r} is disabled: Discord lets nobody click it"
            )
        channel = self.store.channels[current.channel_id]
        user = user or self.user()
        if channel.is_dm:
            perms = 0
        else:
            guild = self.store.guild_of(channel.guild_id).guild
            perms = self._sender.permissions(guild, user, roles, permissions, channel)
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
