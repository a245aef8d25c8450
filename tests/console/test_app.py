"""Start-up: no token, message content on, the loopback guard on, the club's channels."""

from __future__ import annotations

import pytest
import yarl

from loopback.harness import NonLoopbackRequestError
from tests.console.conftest import Driven


async def test_the_bot_runs_offline_with_message_content(driven: Driven) -> None:
    bot = driven.bot
    assert bot.settings.discord_token is None
    assert bot.settings.message_content
    assert bot.intents.message_content
    world = driven.session.world
    assert sorted(world.channels) == ["general", "quiet", "spoilers"]
    assert "You are @you in #general, #spoilers (spoilers shown)," in driven.transcript


async def test_the_loopback_guard_refuses_other_hosts(driven: Driven) -> None:
    session = driven.bot.http._HTTPClient__session  # type: ignore[attr-defined]
    with pytest.raises(NonLoopbackRequestError):
        async with session.get(yarl.URL("https://discord.com/api/v10/gateway")):
            pass


async def test_spoilers_channel_is_marked_in_the_database(driven: Driven) -> None:
    world = driven.session.world
    policy = driven.bot.services.spoilers
    assert await policy.allowed(world.guild.id, world.channels["spoilers"].id)
    assert not await policy.allowed(world.guild.id, world.channels["general"].id)
