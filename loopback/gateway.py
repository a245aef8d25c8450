"""The fake gateway: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats, resumes, dispatches.

Intents are applied as Discord does (events/gateway.mdx): a privileged intent the application
has not enabled closes the connection with 4014, a wrong token with 4004; guild messages need
GUILD_MESSAGES, and without MESSAGE_CONTENT other users' messages arrive with empty content.
"""

from __future__ import annotations

import asyncio
import json
import secrets
from collections import Counter
from collections.abc import Callable
from typing import Any

from aiohttp import WSMsgType, web

from loopback.limits import (
    CLOSE_AUTHENTICATION_FAILED,
    CLOSE_DISALLOWED_INTENTS,
    CLOSE_UNKNOWN_ERROR,
    INTENT_GUILD_MESSAGES,
    INTENT_MESSAGE_CONTENT,
    PRIVILEGED_INTENTS,
)
from loopback.payloads import channel_payload, guild_payload, ready_payload
from loopback.store import Store

__all__ = ["Gateway", "GatewaySession", "shard_of"]

Json = dict[str, Any]
HEARTBEAT_INTERVAL_MS = 41_250
MESSAGE_EVENTS = frozenset({"MESSAGE_CREATE", "MESSAGE_UPDATE"})
CONTENT_FIELDS = ("content", "embeds", "attachments", "components")
INVALID_SESSION = 9
RECONNECT = 7
SNOWFLAKE_TIMESTAMP_SHIFT = 22
_GUILD_EVENTS = frozenset({"GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE"})
"""Events whose payload is the guild itself (its id under "id", not "guild_id")."""


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard that receives a guild's events, as Discord computes it."""
    return (guild_id >> SNOWFLAKE_TIMESTAMP_SHIFT) % shard_count


def _event_guild(event: str, data: Json) -> int | None:
    raw = data.get("id") if event in _GUILD_EVENTS else data.get("guild_id")
    return int(raw) if raw is not None else None


class GatewaySession:
    """One gateway session (it may move to a new websocket when resumed)."""

    def __init__(self, ws: web.WebSocketResponse) -> None:
        self.ws = ws
        self.sequence = 0
        self.session_id = secrets.token_hex(16)
        self.intents: int | None = None
        self.shard: tuple[int, int] = (0, 1)
        """[shard_id, shard_count] from IDENTIFY (one shard of one unless the bot says)."""
        self.received: list[Json] = []
        self.dispatched: list[tuple[str, int | None]] = []
        """(event, guild id) of every dispatch fanned out to this session, in order."""
        self.sent: list[Json] = []
        self._lock = asyncio.Lock()

    def receives(self, guild_id: int | None) -> bool:
        """True when this session's shard gets the guild's events (direct messages: shard 0)."""
        shard_id, shard_count = self.shard
        if guild_id is None:
            return shard_id == 0
        return shard_of(guild_id, shard_count) == shard_id

    async def send(self, op: int, data: Any, event: str | None = None) -> None:
        """Send one gateway payload (dispatches get the next sequence number)."""
        async with self._lock:  # keeps frames in sequence order
            payload: Json = {"op": op, "d": data, "s": None, "t": event}
            if op == 0:
                self.sequence += 1
                payload["s"] = self.sequence
                self.sent.append(payload)
            if not self.ws.closed:
                await self.ws.send_str(json.dumps(payload))

    def wants(self, event: str, data: Json) -> bool:
        """Whether this session's intents subscribe it to `event`."""
        if event in MESSAGE_EVENTS and data.get("guild_id"):
            return bool((self.intents or 0) & INTENT_GUILD_MESSAGES)
        return True

    def shape(self, event: str, data: Json, bot_id: int) -> Json:
        """Blank other users' message content when the session lacks MESSAGE_CONTENT."""
        if event not in MESSAGE_EVENTS or (self.intents or 0) & INTENT_MESSAGE_CONTENT:
            return data
        author = str((data.get("author") or {}).get("id"))
        mentioned = any(str(m.get("id")) == str(bot_id) for m in data.get("mentions") or [])
        if author == str(bot_id) or mentioned or not data.get("guild_id"):
            return data
        return data | {"content": "", "embeds": [], "attachments": [], "components": []}


class Gateway:
    """Accepts gateway websockets and fans dispatches out to identified sessions."""

    def __init__(
        self,
        store: Store,
        resume_url: Callable[[], str],
        *,
        token: str,
        privileged_intents: int,
    ) -> None:
        self.store = store
        self.resume_url = resume_url
        self.token = token
        self.privileged_intents = privileged_intents
        self.sessions: list[GatewaySession] = []
        self.connections: list[GatewaySession] = []
        self.resumable: dict[str, GatewaySession] = {}
        self.identified = asyncio.Event()
        self.identifies = 0
        self.resumes = 0
        self.closed_with: list[int] = []
        self.duplicates: Counter[str] = Counter()

        self.recommended_shards = 1
        """What GET /gateway/bot recommends to a bot sharding automatically."""

    async def dispatch(self, event: str, data: Json) -> None:
        """Send a DISPATCH (op 0) event to every identified session that wants it.

        A guild's events go to its shard's sessions only (direct messages to shard 0).
        """
        copies = 1
        if self.duplicates[event] > 0:
            self.duplicates[event] -= 1
            copies = 2  # delivered twice, as after a resume that replays an event
        guild_id = _event_guild(event, data)
        for session in list(self.sessions):
            if not session.receives(guild_id) or not session.wants(event, data):
                continue
            session.dispatched.append((event, guild_id))
            shaped = session.shape(event, data, self.store.bot_user.id)
            for _ in range(copies):
                await session.send(0, shaped, event)

    @property
    def identified_shards(self) -> frozenset[tuple[int, int]]:
        """The (shard_id, shard_count) of every identified session."""
        return frozenset(session.shard for session in self.sessions)

    def guild_create(self, guild_id: int) -> Json:
        """Build the GUILD_CREATE payload from the current state of a guild."""
        state = self.store.guild_of(guild_id)
        self.store.ensure_member(guild_id, self.store.bot_user)
        members = [
            self.store.ensure_member(guild_id, self.store.users[user_id])
            for user_id in state.members
        ]
        overwrites = self.store.overwrites
        return guild_payload(state.guild, state.channels, state.roles, members, overwrites)

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        """Serve one gateway connection until it closes."""
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        session = GatewaySession(ws)
        self.connections.append(session)
        await session.send(10, {"heartbeat_interval": HEARTBEAT_INTERVAL_MS})
        try:
            async for message in ws:
                if message.type is WSMsgType.TEXT:
                    session = await self._on_payload(session, json.loads(message.data))
                elif message.type is WSMsgType.ERROR:
                    break
        finally:
            if session.ws is ws:  # a resumed session lives on in another handler
                if session in self.connections:
                    self.connections.remove(session)
                if session in self.sessions:
                    self.sessions.remove(session)
        return ws

    async def _on_payload(self, session: GatewaySession, payload: Json) -> GatewaySession:
        session.received.append(payload)
        op = payload.get("op")
        data = payload.get("d")
        if op == 1:
            await session.send(11, None)
        elif op == 2:
            await self._identify(session, data or {})
        elif op == 6:
            return await self._resume(session, data or {})
        elif op == 8:
            await self._member_chunk(session, data or {})
        return session

    async def _close(self, session: GatewaySession, code: int, reason: str) -> None:
        self.closed_with.append(code)
        self.store.notify()
        await session.ws.close(code=code, message=reason.encode())

    async def _identify(self, session: GatewaySession, data: Json) -> None:
        if data.get("token") != self.token:
            await self._close(session, CLOSE_AUTHENTICATION_FAILED, "Authentication failed.")
            return
        session.intents = int(data.get("intents", 0))
        if session.intents & PRIVILEGED_INTENTS & ~self.privileged_intents:
            await self._close(session, CLOSE_DISALLOWED_INTENTS, "Disallowed intent(s).")
            return
        shard = data.get("shard") or (0, 1)
        session.shard = (int(shard[0]), int(shard[1]))
        store = self.store
        guild_ids = [guild_id for guild_id in store.guilds if session.receives(guild_id)]
        ready = ready_payload(
            store.bot_user,
            store.application_id,
            guild_ids,
            session.session_id,
            self.resume_url(),
        )
        ready["shard"] = list(session.shard)
        await session.send(0, ready, "READY")
        for guild_id in guild_ids:
            await session.send(0, self.guild_create(guild_id), "GUILD_CREATE")
        self.sessions.append(session)
        self.resumable[session.session_id] = session
        self.identifies += 1
        self.identified.set()
        store.notify()

    async def _resume(self, fresh: GatewaySession, data: Json) -> GatewaySession:
        """Continue an old session on a new socket, replaying what it missed; else op 9."""
        old = self.resumable.get(str(data.get("session_id")))
        if old is None or data.get("token") != self.token:
            await fresh.send(INVALID_SESSION, False)
            return fresh
        seen = int(data.get("seq") or 0)
        if old in self.sessions:
            self.sessions.remove(old)
        self.connections.remove(fresh)
        old.ws = fresh.ws
        self.connections.append(old)
        for payload in [p for p in old.sent if int(p["s"]) > seen]:
            await old.ws.send_str(json.dumps(payload))
        await old.send(0, {}, "RESUMED")
        self.sessions.append(old)
        self.resumes += 1
        self.store.notify()
        return old

    async def drop(self, *, resume: bool) -> None:
        """Fault: end every session's connection; the bot resumes, or must identify anew."""
        for session in list(self.sessions):
            self.sessions.remove(session)
            if resume:
                await self._close(session, CLOSE_UNKNOWN_ERROR, "Unknown error.")
            else:
                self.resumable.pop(session.session_id, None)
                await session.send(INVALID_SESSION, False)

    async def ask_reconnect(self) -> None:
        """Fault: send op 7 RECONNECT; the bot closes and resumes."""
        for session in list(self.sessions):
            await session.send(RECONNECT, None)

    async def _member_chunk(self, session: GatewaySession, data: Json) -> None:
        guild_id = int(data["guild_id"])
        members = self.guild_create(guild_id)["members"]
        chunk = {
            "guild_id": str(guild_id),
            "members": members,
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [],
            "presences": [],
        }
        if data.get("nonce"):
            chunk["nonce"] = data["nonce"]
        await session.send(0, chunk, "GUILD_MEMBERS_CHUNK")

    async def channel_create(self, guild_id: int, channel_index: int) -> None:
        """Announce a channel added after the bot connected."""
        channel = self.store.guild_of(guild_id).channels[channel_index]
        await self.dispatch("CHANNEL_CREATE", channel_payload(channel, channel_index))

    async def channel_update(self, guild_id: int, channel_index: int) -> None:
        """Announce a channel's new permission overwrites."""
        state = self.store.guild_of(guild_id)
        channel = state.channels[channel_index]
        overwrites = self.store.overwrites.get(channel.id, [])
        payload = channel_payload(channel, channel_index, overwrites=overwrites)
        await self.dispatch("CHANNEL_UPDATE", payload)

    async def close(self) -> None:
        """Close every open websocket."""
        for session in list(self.connections):
            await session.ws.close()
        self.sessions.clear()
