"""Every command x every kind of user, through a loopback that shows and hides like Discord.

Each cell is one of: ``hidden`` (Discord does not offer the command to that user there),
``refused`` (offered, but the bot says no, briefly and ephemerally) or ``ok``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from typing import Any

import pytest

from bot.app import create_bot
from bot.config import Settings
from loopback.clock import FakeClock
from loopback.harness import run_bot
from loopback.limits import ADMINISTRATOR, PERM_MANAGE_MESSAGES
from loopback.records import FakeGuild, FakeRole, FakeUser, NotVisibleError, Reply
from loopback.server import FakeDiscord
from tests.cogs.trivia.conftest import fixed_questions, make_questions

__all__ = ["fixed_questions"]  # the fixture, shared with the trivia tests

MANAGE_GUILD = 1 << 5
PERSONAS = (
    "member",
    "starter",
    "manage_messages",
    "manage_server",
    "administrator",
    "bot_owner",
    "club_admin",
    "dm",
)
REFUSALS = ("Only whoever started", "You need the", "You are not allowed")

EVERYONE = dict.fromkeys(PERSONAS, "ok")
GUILD_ONLY = EVERYONE | {"dm": "hidden"}
MANAGERS = dict.fromkeys(PERSONAS, "hidden") | {"manage_server": "ok", "administrator": "ok"}
MODERATE = GUILD_ONLY | {
    "member": "refused",
    "manage_server": "refused",
    "bot_owner": "refused",
    "club_admin": "refused",
}
OWNERS = dict.fromkeys(PERSONAS, "hidden") | {"administrator": "refused", "dm": "refused"}

# command, options, needs a running round started by "starter", expected per persona
TABLE: list[tuple[str, dict[str, Any], bool, dict[str, str]]] = [
    ("film info", {}, False, EVERYONE),
    ("film plot", {}, False, EVERYONE),
    ("film list", {}, False, EVERYONE),
    ("cast", {"query": "chris"}, False, EVERYONE),
    ("quote", {}, False, EVERYONE),
    ("spoilers", {"allowed": False}, False, MANAGERS),
    ("trivia start", {"questions": 3, "mode": "buttons"}, False, GUILD_ONLY),
    ("trivia skip", {}, True, MODERATE),
    ("trivia stop", {}, True, MODERATE),
    ("trivia leaderboard", {}, False, GUILD_ONLY),
    ("club film", {"film": "ruby-sparks"}, False, MANAGERS),
    ("club new-season", {}, False, MANAGERS),
    ("reseed", {"dry_run": True}, False, OWNERS),
    ("sync", {}, False, OWNERS),
]

# What Discord lists for each of them (top-level commands), in a server and in a DM.
EVERYONE_SEES = ["cast", "film", "quote", "trivia"]
SHOWN = {
    "member": EVERYONE_SEES,
    "starter": EVERYONE_SEES,
    "manage_messages": EVERYONE_SEES,
    "manage_server": sorted([*EVERYONE_SEES, "club", "spoilers", "trivia-admin"]),
    "administrator": sorted([*EVERYONE_SEES, "club", "spoilers", "trivia-admin", "reseed", "sync"]),
    "bot_owner": EVERYONE_SEES,
    "club_admin": EVERYONE_SEES,
    "dm": ["cast", "film", "quote", "reseed", "sync"],
}


@dataclass
class Table:
    fake: FakeDiscord
    guild: FakeGuild
    users: dict[str, FakeUser]
    roles: dict[str, tuple[FakeRole, ...]]

    async def run(self, persona: str, path: str, options: dict[str, Any]) -> str:
        """Run one cell and classify what the user experienced."""
        user = self.users[persona]
        try:
            if persona == "dm":
                reply = await self.fake.slash(path, options, user=user, dm=True)
            else:
                reply = await self.fake.slash(path, options, user=user, roles=self.roles[persona])
        except NotVisibleError:
            return "hidden"
        return classify(reply)

    async def ensure_round(self) -> None:
        if not await self.round_running():
            reply = await self.fake.slash(
                "trivia start", {"questions": 3, "mode": "buttons"}, user=self.users["starter"]
            )
            assert classify(reply) == "ok", reply.content

    async def round_running(self) -> bool:
        # Someone without rights is refused while a round runs, told "No trivia round" else.
        probe = await self.fake.slash("trivia skip", user=self.users["nobody"])
        return "No trivia round" not in probe.content

    async def end_round(self) -> None:
        if await self.round_running():
            mod = self.users["manage_messages"]
            await self.fake.slash("trivia stop", user=mod, roles=self.roles["manage_messages"])


def classify(reply: Reply) -> str:
    text = " ".join(m.content for m in reply.all_messages)
    if "something went wrong" in text:
        return "error"  # never expected: a bug, not a permission
    if reply.ephemeral and any(phrase in text for phrase in REFUSALS):
        return "refused"
    return "ok"


@pytest.fixture
async def table(club_settings: Settings, fixed_questions) -> AsyncIterator[Table]:
    fixed_questions(make_questions(3))
    async with FakeDiscord() as fake:
        names = [p for p in PERSONAS if p != "bot_owner"] + ["nobody", "guild-owner"]
        users = {name: fake.user(name) for name in names} | {"bot_owner": fake.owner}
        guild = fake.add_guild(owner=users["guild-owner"])
        roles = dict.fromkeys(PERSONAS, ())
        roles["manage_messages"] = (fake.add_role(guild, "mods", PERM_MANAGE_MESSAGES),)
        roles["manage_server"] = (fake.add_role(guild, "managers", MANAGE_GUILD),)
        roles["administrator"] = (fake.add_role(guild, "admins", ADMINISTRATOR),)
        settings = replace(
            club_settings, admin_ids=frozenset({users["club_admin"].id}), dev_guild_id=None
        )
        bot = create_bot(settings, clock=FakeClock())
        async with run_bot(bot, fake):
            yield Table(fake, guild, users, roles)
        assert fake.errors == []


async def test_every_command_for_every_kind_of_user(table: Table) -> None:
    seen: dict[tuple[str, str], str] = {}
    for path, options, needs_round, _ in TABLE:
        if path == "spoilers":
            options = {**options, "channel": table.guild.general.id}
        for persona in PERSONAS:
            if needs_round:
                await table.ensure_round()
            seen[(path, persona)] = await table.run(persona, path, options)
            if path == "trivia start":
                await table.end_round()
    wanted = {(path, p): expected[p] for path, _, _, expected in TABLE for p in PERSONAS}
    wrong = {cell: (seen[cell], wanted[cell]) for cell in wanted if seen[cell] != wanted[cell]}
    assert wrong == {}, "cell: (got, expected)"


async def test_what_discord_shows_each_of_them(table: Table) -> None:
    fake = table.fake
    for persona, expected in SHOWN.items():
        if persona == "dm":
            shown = fake.visible_commands(dm=True)
        else:
            shown = fake.visible_commands(user=table.users[persona], roles=table.roles[persona])
        assert shown == expected, persona
