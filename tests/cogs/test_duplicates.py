"""An interaction delivered twice has its effect once."""

from __future__ import annotations

import pytest

from bot.idempotency import RecentIds
from loopback.gateway import Gateway
from tests.cogs.conftest import Club

MANAGE_GUILD = 1 << 5


async def test_a_reset_delivered_twice_starts_one_season(
    club: Club, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Gateway.dispatch

    async def twice(self: Gateway, event: str, data: dict[str, object]) -> None:
        await real(self, event, data)
        if event == "INTERACTION_CREATE":
            await real(self, event, data)  # as after a resumed gateway session

    monkeypatch.setattr(Gateway, "dispatch", twice)
    reply = await club.fake.slash("club new-season", permissions=MANAGE_GUILD)
    assert "Season 2 has begun" in reply.content
    assert await club.bot.services.database.current_season(club.guild.id) == 2


def test_recent_ids_forget_the_oldest() -> None:
    recent = RecentIds(size=2)
    assert recent.first_time(1)
    assert recent.first_time(2)
    assert not recent.first_time(1)
    assert recent.first_time(3)  # 2 is now the oldest and is forgotten
    assert recent.first_time(2)
