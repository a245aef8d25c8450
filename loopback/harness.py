"""Run a real discord.py client against a FakeDiscord: URL patching, loopback guard, lifecycle."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Generic, TypeVar

import aiohttp
import discord
import yarl
from discord import app_commands
from discord.gateway import DiscordWebSocket
from discord.http import Route

from loopback.records import LoopbackError
from loopback.server import DEFAULT_TOKEN, FakeDiscord

__all__ = [
    "LOOPBACK_HOSTS",
    "LOOPBACK_TOKEN",
    "NonLoopbackRequestError",
    "RunningBot",
    "install_loopback_guard",
    "loopback_guard",
    "loopback_urls",
    "run_bot",
]

ClientT = TypeVar("ClientT", bound=discord.Client)
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})
LOOPBACK_TOKEN = DEFAULT_TOKEN
"""The token the fake accepts by default (any other gets 401 and gateway close 4004)."""


class NonLoopbackRequestError(RuntimeError):
    """The bot tried to reach a host other than the loopback interface."""


async def _refuse_non_loopback(
    session: aiohttp.ClientSession,
    context: SimpleNamespace,
    params: aiohttp.TraceRequestStartParams,
) -> None:
    """Trace hook: abort any request whose host is not loopback, before it connects."""
    if params.url.host not in LOOPBACK_HOSTS:
        raise NonLoopbackRequestError(f"refused non-loopback request {params.method} {params.url}")


def loopback_guard() -> aiohttp.TraceConfig:
    """A TraceConfig that refuses every non-loopback request (pass as `http_trace=`)."""
    trace = aiohttp.TraceConfig()
    trace.on_request_start.append(_refuse_non_loopback)
    return trace


def install_loopback_guard(client: discord.Client) -> None:
    """Attach the guard to a client that has not logged in yet (keeping any existing trace)."""
    trace = client.http.http_trace
    if trace is None:
        client.http.http_trace = loopback_guard()
        return
    if _refuse_non_loopback in trace.on_request_start:
        return
    if trace.on_request_start.frozen:
        raise LoopbackError("the client's http_trace is already in use; install the guard earlier")
    trace.on_request_start.append(_refuse_non_loopback)


@contextmanager
def loopback_urls(fake: FakeDiscord) -> Iterator[None]:
    """Point discord.py's REST base and default gateway at `fake`, restoring them afterwards."""
    old_base, old_gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    Route.BASE = fake.api_url
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)
    try:
        yield
    finally:
        Route.BASE = old_base
        DiscordWebSocket.DEFAULT_GATEWAY = old_gateway


@dataclass(frozen=True)
class RunningBot(Generic[ClientT]):
    """A connected, ready bot, the fake it talks to, and the commands synced at start."""

    bot: ClientT
    fake: FakeDiscord
    synced: tuple[app_commands.AppCommand, ...]


@asynccontextmanager
async def run_bot(
    bot: ClientT,
    fake: FakeDiscord,
    *,
    token: str = LOOPBACK_TOKEN,
    sync: bool = True,
    guild_ready_timeout: float = 0.05,
    timeout: float | None = None,
) -> AsyncIterator[RunningBot[ClientT]]:
    """Log `bot` in to `fake`, connect, wait for on_ready, sync its tree; close it on exit.

    `guild_ready_timeout` replaces discord.py's 2 s wait for GUILD_CREATEs before on_ready.
    """
    limit = fake.timeout if timeout is None else timeout
    install_loopback_guard(bot)
    with loopback_urls(fake):
        bot._connection.guild_ready_timeout = guild_ready_timeout
        # discord.py waits 5 s before identifying again (Discord's identify rate limit); the
        # fake has no such limit, so a test of "identify anew" need not wait.
        bot.before_identify_hook = _identify_at_once  # type: ignore[method-assign]
        try:
            await bot.login(token)
        except BaseException:
            await bot.close()
            raise
        connect = asyncio.create_task(bot.connect(reconnect=False), name="loopback-bot-connect")
        try:
            await _wait_ready(bot, connect, limit)
            synced: tuple[app_commands.AppCommand, ...] = ()
            tree = getattr(bot, "tree", None)
            if sync and isinstance(tree, app_commands.CommandTree):
                synced = tuple(await tree.sync())
            yield RunningBot(bot=bot, fake=fake, synced=synced)
        finally:
            await _shutdown(bot, connect, limit)


async def _identify_at_once(shard_id: int | None, *, initial: bool = False) -> None:
    """Replacement for `Client.before_identify_hook`: no wait before a new IDENTIFY."""


async def _wait_ready(bot: discord.Client, connect: asyncio.Task[None], timeout: float) -> None:
    ready = asyncio.create_task(bot.wait_until_ready(), name="loopback-bot-ready")
    done, _ = await asyncio.wait({ready, connect}, timeout=timeout, return_when="FIRST_COMPLETED")
    if ready in done:
        ready.result()
        return
    ready.cancel()
    await asyncio.wait({ready})
    if connect in done:
        connect.result()
        raise LoopbackError("the bot disconnected before it was ready")
    raise LoopbackError(f"the bot was not ready after {timeout}s")


async def _shutdown(bot: discord.Client, connect: asyncio.Task[None], timeout: float) -> None:
    """Close the client, then let `connect()` return on its own (cancelling leaks its resources)."""
    await bot.close()
    done, _ = await asyncio.wait({connect}, timeout=timeout)
    if not done:
        connect.cancel()
        await asyncio.wait({connect})
        raise LoopbackError("the bot's connect() did not finish after close()")
    error = connect.exception()
    if error is not None:
        raise error
