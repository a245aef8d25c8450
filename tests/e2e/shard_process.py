"""One process of a sharded bot against a loopback Discord, for the multi-process test.

    python -m tests.e2e.shard_process API_URL GATEWAY_URL

Settings come from the environment (``FILMCLUB_SHARD_IDS`` and the rest), as in production.
Prints ``ready`` once every shard of the process is ready; SIGTERM closes it cleanly.
Test-only changes: rounds ask known questions, and shards identify without discord.py's
5 s wait between them (the loopback has no identify rate limit).
"""

from __future__ import annotations

import asyncio
import signal
import sys

import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.app import FilmClubBot, create_bot
from bot.config import Settings
from bot.models import FilmSummary, Question
from bot.services.trivia import TriviaService
from loopback.harness import LOOPBACK_TOKEN, install_loopback_guard
from tests.cogs.trivia.conftest import make_questions

READY_LINE = "ready"
GUILD_READY_TIMEOUT = 0.05


async def _known_questions(
    self: TriviaService, film: FilmSummary, count: int, **_: object
) -> tuple[Question, ...]:
    return make_questions(count)


async def _identify_at_once(self: FilmClubBot, shard_id: int | None, *, initial: bool) -> None:
    return None


async def main(api_url: str, gateway_url: str) -> None:
    """Run the bot until SIGTERM."""
    Route.BASE = api_url
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)
    TriviaService.pick = _known_questions  # type: ignore[method-assign]
    FilmClubBot.before_identify_hook = _identify_at_once  # type: ignore[method-assign]
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    bot = create_bot(Settings.from_env(), guild_ready_timeout=GUILD_READY_TIMEOUT)
    install_loopback_guard(bot)

    async def announce_ready() -> None:
        print(READY_LINE, flush=True)

    bot.add_listener(announce_ready, "on_ready")
    async with bot:
        await bot.login(LOOPBACK_TOKEN)
        await bot.tree.sync()
        connect = asyncio.create_task(bot.connect(reconnect=False))
        stopping = asyncio.create_task(stop.wait())
        await asyncio.wait({connect, stopping}, return_when=asyncio.FIRST_COMPLETED)
        await bot.close()
        stopping.cancel()
        await connect


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
