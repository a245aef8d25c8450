"""The two ways to drive a session: a script (file or pipe) and the interactive prompt."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterable

from prompt_toolkit import PromptSession
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.history import InMemoryHistory
from prompt_toolkit.patch_stdout import patch_stdout

from console.completion import SlashCompleter
from console.lines import COMMENT
from console.output import STYLE
from console.session import Session

__all__ = ["PUMP_SECONDS", "run_interactive", "run_script"]

PUMP_SECONDS = 1.0
"""At the prompt, the background renderer wakes at least this often."""


async def run_script(session: Session, lines: Iterable[str]) -> None:
    """Run each line in order, waiting for the bot after each; then let rounds finish."""
    await session.settle()
    for line in lines:
        if not line.strip() or line.strip().startswith(COMMENT):
            continue
        session.echo(line.rstrip("\n"))
        if not await session.run_line(line):
            break
        await session.settle()
    await session.finish_rounds()


async def _render_forever(session: Session) -> None:
    while True:
        await session.pump(PUMP_SECONDS)


async def run_interactive(session: Session) -> None:
    """Prompt for lines with completion until Ctrl-D or /quit; the bot's output appears live."""
    prompt: PromptSession[str] = PromptSession(
        completer=SlashCompleter(session.suggestions),
        complete_while_typing=True,
        history=InMemoryHistory(),
        style=STYLE,
    )
    with patch_stdout(raw=True):
        tasks = [
            asyncio.create_task(_render_forever(session), name="console-render"),
            asyncio.create_task(session.timer.follow_real_time(), name="console-clock"),
        ]
        try:
            while True:
                try:
                    shown = [(f"class:{style}", text) for style, text in session.prompt()]
                    line = await prompt.prompt_async(FormattedText(shown))
                except KeyboardInterrupt:
                    continue
                except EOFError:
                    break
                if not await session.run_line(line):
                    break
            await session.settle()
        finally:
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError):
                    await task
