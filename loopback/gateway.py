"""The fake gateway: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats, and dispatches."""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import Callable
from typing import Any

from aiohttp import WSMsgType, web

from loopback.payloads import channel_payload, guild_payload, ready_payload
from loopback.permissions import with_overwrites
from loopback.store import Store

__all__ = ["Gateway", "GatewaySession"]

Json = dict[str, Any]
HEARTBEAT_INTERVAL_MS = 41_250


class GatewaySession:
    """One connected websocket with its own sequence numbers."""

    def __init__(self, ws: web.WebSocketResponse) -> None:
        self.ws = ws
        self.sequence = 0
        self.session_id = secrets.token_hex(16)
        self.intents: int | None = None
        self.received: list[Json] = []
        self._lock = asyncio.Lock()

    async def send(self, op: int, data: Any, event: str | None = None) -> None:
        """Send one gateway payload (dispatches get the next sequence number)."""
        async with self._lock:  # keeps frames in sequence order
            payload: Json = {"op": op, "d": data, "s": None, "t": event}
            if op == 0:
                self.sequence += 1
                payload["s"] = self.sequence
            if not self.ws.closed:
                await self.ws.send_str(json.dumps(payload))


class Gateway:
    """Accepts gateway websockets and fans dispatches out to identified sessions."""

    def __init__(self, store: Store, resume_url: Callable[[], str]) -> None:
        self.store = store
        self.resume_url = resume_url
        self.sessions: list[GatewaySession] = []
        self.connections: list[GatewaySession] = []
        self.identified = asyncio.Event()

    async def dispatch(self, event: str, data: Json) -> None:
        """Send a DISPATCH (op 0) event to every identified session."""
        for session in list(self.sessions):
            await session.send(0, data, event)

    def guild_create(self, guild_id: int) -> Json:
        """Build the GUILD_CREATE payload from the current state of a guild."""
        state = self.store.guild_of(guild_id)
        self.store.ensure_member(guild_id, self.store.bot_user)
        members = [
            self.store.ensure_member(guild_id, self.store.users[user_id])
            for user_id in state.members
        ]
        payload = guild_payload(state.guild, state.channels, state.roles, members)
        for channel in payload["channels"]:
            with_overwrites(channel, self.store.overwrites)
        return payload

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
                    await self._on_payload(session, json.loads(message.data))
                elif message.type is WSMsgType.ERROR:
                    break
        finally:
            self.connections.remove(session)
            if session in self.sessions:
                self.sessions.remove(session)
        return ws

    async def _on_payload(self, session: GatewaySession, payload: Json) -> None:
        session.received.append(payload)
        op = payload.get("op")
        data = payload.get("d")
        if op == 1:
            await session.send(11, None)
        elif op == 2:
            await self._identify(session, data or {})
        elif op == 6:
            self.sessions.append(session)
            await session.send(0, {}, "RESUMED")
        elif op == 8:
            await self._member_chunk(session, data or {})

    async def _identify(self, session: GatewaySession, data: Json) -> None:
        session.intents = int(data.get("intents", 0))
        store = self.store
        ready = ready_payload(
            store.bot_user,
            store.application_id,
            store.guilds,
            session.session_id,
            self.resume_url(),
        )
        await session.send(0, ready, "READY")
        for guild_id in list(store.guilds):
            await session.send(0, self.guild_create(guild_id), "GUILD_CREATE")
        self.sessions.append(session)
        self.identified.set()

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

    async def close(self) -> None:
        """Close every open websocket."""
        for session in list(self.connections):
            await session.ws.close()
        self.sessions.clear()
