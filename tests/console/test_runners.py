"""The interactive prompt: lines typed at it run, Tab completes, Ctrl-D and /quit leave."""

from __future__ import annotations

import asyncio
import io

from prompt_toolkit.application import create_app_session
from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.document import Document
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from bot.config import Settings
from console.app import open_console
from console.completion import SlashCompleter
from console.runners import run_interactive


async def interact(settings: Settings, typed: str) -> str:
    stream = io.StringIO()
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        async with open_console(settings, fast=True, stream=stream, colour=False) as session:
            pipe.send_text(typed)
            await asyncio.wait_for(run_interactive(session), timeout=30)
    return stream.getvalue()


async def test_prompt_runs_lines_until_ctrl_d(console_settings: Settings) -> None:
    out = await interact(console_settings, "/cast query: messina\r#spoilers\r\x04")
    assert "Chris Messina plays Harry Weir-Fields" in out
    assert "now in #spoilers" in out


async def test_quit_leaves(console_settings: Settings) -> None:
    out = await interact(console_settings, "/quit\r/cast query: messina\r")
    assert "Chris Messina" not in out


async def test_completer_offers_the_bots_autocomplete(console_settings: Settings) -> None:
    stream = io.StringIO()
    async with open_console(console_settings, fast=True, stream=stream) as session:
        completer = SlashCompleter(session.suggestions)

        async def offered(text: str) -> list[tuple[str, int]]:
            found = completer.get_completions_async(Document(text), CompleteEvent())
            return [(c.text, c.start_position) async for c in found]

        assert await offered("/tri") == [("trivia ", -3), ("trivia-admin ", -3)]
        assert await offered("/trivia st") == [("start ", -2), ("stop ", -2)]
        names = [text for text, _ in await offered("/trivia start ")]
        assert names == ["questions: ", "mode: ", "film: ", "spoilers: ", "seconds: ", "list: "]
        assert await offered("/trivia start mode: b") == [("buttons", -1)]
        assert await offered("/trivia start spoilers: t") == [("True", -1)]
        assert await offered("/cast query: messi") == [("Chris Messina", -5)]
        assert await offered("/film info film: ruby") == [("ruby-sparks", -4)]
        assert await offered("hello") == []
        assert await offered("#sp") == [("spoilers", -2)]
        assert await offered("as bob: /cast query: messi") == [("Chris Messina", -5)]
        assert list(completer.get_completions(Document("/tri"), CompleteEvent())) == []
