"""Whether the bot is still working on what it was sent, so a script waits for its replies.

A quiet spell alone can mislead on a loaded machine; these signals say the bot has more to
do: gateway events it has not read yet, discord.py handler tasks still running, a trivia
round with an event due that its driver has not taken.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import discord

from console.pacing import RoundTimer
from loopback.server import FakeDiscord

__all__ = ["HANDLER_TASKS", "busy_check"]

HANDLER_TASKS = ("discord.py: ", "CommandTree-invoker", "discord-ui-view-dispatch-")
"""Name prefixes of the tasks discord.py runs event listeners, commands and button callbacks in."""


def _unread(bot: discord.Client, fake: FakeDiscord) -> bool:
    sent = max((session.sequence for session in fake.gateway.sessions), default=0)
    read = getattr(bot.ws, "sequence", None) if bot.ws is not None else None
    return read is not None and read < sent


def _handling() -> bool:
    current = asyncio.current_task()
    return any(
        task is not current and not task.done() and task.get_name().startswith(HANDLER_TASKS)
        for task in asyncio.all_tasks()
    )


def busy_check(bot: discord.Client, fake: FakeDiscord, timer: RoundTimer) -> Callable[[], bool]:
    """A check that is true while the bot has work in hand."""

    def busy() -> bool:
        return _unread(bot, fake) or _handling() or timer.due_now()

    return busy
