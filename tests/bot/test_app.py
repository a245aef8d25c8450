"""Starting and stopping the real bot against the loopback Discord: errors, summary, shutdown."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
from dataclasses import replace
from pathlib import Path

import pytest
from discord.http import Route
from discord.voice_client import VoiceClient

from bot import cli
from bot.app import LOGIN_REFUSED, MISSING_INTENT, run_bot
from bot.config import Settings
from bot.errors import StartupError
from cogs.trivia._driver import SHUTTING_DOWN
from loopback.harness import LOOPBACK_TOKEN, loopback_urls
from loopback.server import FakeDiscord

PROJECT_SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        discord_token=LOOPBACK_TOKEN,
        database_path=tmp_path / "club.db",
        seeds_dir=PROJECT_SEEDS,
    )


@pytest.fixture
def voice_warnings_armed(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in a fresh process: discord.py would warn once that voice is unsupported."""
    monkeypatch.setattr(VoiceClient, "warn_nacl", True)
    monkeypatch.setattr(VoiceClient, "warn_dave", True)


def voice_records(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if "voice" in r.getMessage().lower()]


async def test_wrong_token_is_one_clear_error(
    settings: Settings, caplog: pytest.LogCaptureFixture, voice_warnings_armed: None
) -> None:
    async with FakeDiscord() as fake:
        fake.add_guild()
        with loopback_urls(fake), pytest.raises(StartupError) as caught:
            await run_bot(replace(settings, discord_token="not-the-token"))
    assert str(caught.value) == LOGIN_REFUSED
    assert voice_records(caplog) == []


async def test_privileged_intent_not_enabled_is_one_clear_error(settings: Settings) -> None:
    async with FakeDiscord() as fake:
        fake.add_guild()
        with loopback_urls(fake), pytest.raises(StartupError) as caught:
            await run_bot(replace(settings, message_content=True))
    assert str(caught.value) == MISSING_INTENT
    assert fake.gateway.closed_with == [4014]


async def test_no_network_is_one_clear_error(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setattr(Route, "BASE", f"http://127.0.0.1:{port}/api/v10")
    with pytest.raises(StartupError, match="Cannot reach Discord"):
        await run_bot(settings)


async def test_cli_prints_one_line_and_exits_non_zero(
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    voice_warnings_armed: None,
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", "not-the-token")
    monkeypatch.setenv("FILMCLUB_DB", str(settings.database_path))
    monkeypatch.setenv("FILMCLUB_SEEDS", str(settings.seeds_dir))
    monkeypatch.chdir(settings.database_path.parent)
    async with FakeDiscord() as fake:
        fake.add_guild()
        with loopback_urls(fake):
            code = await asyncio.to_thread(cli.main, ["run"])
    err = capsys.readouterr().err
    assert code == cli.EXIT_FAILURE
    assert err.splitlines() == [f"error: {LOGIN_REFUSED}"]


async def test_start_up_summary_then_sigterm_ends_the_round_with_a_message(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.app")
    async with FakeDiscord() as fake:
        guild = fake.add_guild()
        settings = replace(settings, dev_guild_id=guild.id)
        with loopback_urls(fake):
            running = asyncio.create_task(cli._serve_until_signalled(settings, "run"))
            await fake.wait_for_gateway(identifies=1)
            started = await fake.slash("trivia start", {"questions": 2}, guild=guild)
            assert "Trivia" in started.embeds[0]["title"]
            await fake.wait_for_channel_message(guild.general, lambda m: "Question 1" in str(m.raw))
            os.kill(os.getpid(), signal.SIGTERM)
            await asyncio.wait_for(running, fake.timeout)
    summary = [r.getMessage() for r in caplog.records if r.name == "bot.app"]
    assert any(m.startswith("loaded ") and "quote(s)" in m for m in summary)
    assert any(m.startswith("intents: guilds") and "buttons" in m for m in summary)
    assert any("to the development guild" in m for m in summary)
    assert any(m.startswith("stopping") for m in summary)
    ended = [m.content for m in fake.channel_messages(guild.general)]
    assert any(SHUTTING_DOWN in text for text in ended)
    assert not Path(f"{settings.database_path}-wal").exists()  # the database was closed


async def test_without_a_dev_guild_the_log_says_commands_are_not_synced(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.app")
    stop = asyncio.Event()
    async with FakeDiscord() as fake:
        fake.add_guild()
        with loopback_urls(fake):
            running = asyncio.create_task(run_bot(settings, stop=stop))
            await fake.wait_for_gateway(identifies=1)
            stop.set()
            await asyncio.wait_for(running, fake.timeout)
    summary = [r.getMessage() for r in caplog.records if r.name == "bot.app"]
    assert any("not synced on start" in m for m in summary)
    assert fake.commands() == []
