"""Which commands Discord shows: contexts, default member permissions, DMs."""

from __future__ import annotations

from loopback.interactions import command_visible, hidden_because
from loopback.limits import ADMINISTRATOR, PERM_MANAGE_MESSAGES

MANAGE_GUILD = 1 << 5


def test_default_member_permissions() -> None:
    managers = {"name": "club", "default_member_permissions": str(MANAGE_GUILD)}
    assert not command_visible(managers, PERM_MANAGE_MESSAGES, dm=False)
    assert command_visible(managers, MANAGE_GUILD | PERM_MANAGE_MESSAGES, dm=False)
    assert command_visible(managers, ADMINISTRATOR, dm=False)
    admins_only = {"name": "x", "default_member_permissions": "0"}
    assert hidden_because(admins_only, MANAGE_GUILD, dm=False) == "only administrators may use it"
    assert command_visible(admins_only, ADMINISTRATOR, dm=False)
    assert command_visible({"name": "open"}, 0, dm=False)


def test_contexts_and_dms() -> None:
    guild_only = {"name": "trivia", "contexts": [0]}
    assert command_visible(guild_only, 0, dm=False)
    assert not command_visible(guild_only, 0, dm=True)
    assert command_visible({"name": "film"}, 0, dm=True)  # no contexts: everywhere
    assert not command_visible({"name": "g", "guild_id": "1"}, 0, dm=True)
    assert not command_visible({"name": "d", "dm_permission": False}, 0, dm=True)
    dm_only = {"name": "dm", "contexts": [1]}
    assert "exclude servers" in (hidden_because(dm_only, ADMINISTRATOR, dm=False) or "")
