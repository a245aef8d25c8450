from __future__ import annotations

import dataclasses
import logging
import os
import stat
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from bot.app import create_bot
from bot.config import Settings
from loopback.harness import run_bot
from loopback.records import FakeUser, LoopbackError, Reply
from loopback.server import FakeDiscord
from tests.cogs.conftest import Club

ADMINISTRATOR = 1 << 3
FILM = "ruby-sparks"
REFUSAL = "You are not allowed to use this command."
OLD_THERAPIST = "Calvin's therapist who encourages Calvin"
NEW_THERAPIST = "Calvin's patient therapist who encourages Calvin"


@asynccontextmanager
async def start_club(
    settings: Settings, *, team: Sequence[str] = (), admins: Sequence[str] = ()
) -> AsyncIterator[Club]:
    """A club whose application has a team, or whose settings name some users as admins."""
    async with FakeDiscord(team=team) as fake:
        guild = fake.add_guild(name="Film Club")
        ids = frozenset(fake.user(name).id for name in admins)
        settings = dataclasses.replace(settings, admin_ids=ids)
        bot = create_bot(settings)
        async with run_bot(bot, fake):
            yield Club(fake=fake, bot=bot, guild=guild, settings=settings)


def writable(path: Path) -> Path:
    """The seeds are copied read-only; make a file (or folder) of the copy writable."""
    path.chmod(path.stat().st_mode | stat.S_IWUSR)
    return path


def edit_therapist(seeds: Path) -> None:
    article = writable(seeds / FILM / "002_4ca3bbe3d74d6462.txt")
    text = article.read_text(encoding="utf-8")
    assert OLD_THERAPIST in text
    article.write_text(text.replace(OLD_THERAPIST, NEW_THERAPIST), encoding="utf-8")


async def reseed(
    club: Club, *, user: FakeUser, permissions: int | None = None, dry_run: bool | None = None
) -> Reply:
    options = {} if dry_run is None else {"dry_run": dry_run}
    return await club.fake.slash("reseed", options, user=user, permissions=permissions)


async def therapist(club: Club) -> str:
    return (await club.fake.slash("cast", {"query": "dr rosenthal"})).content


def report_lines(reply: Reply) -> list[str]:
    content = reply.content
    assert content.startswith("```\n") and content.endswith("\n```")
    return content[4:-4].split("\n")


async def test_owner_gets_a_deferred_ephemeral_report(club: Club) -> None:
    reply = await reseed(club, user=club.fake.owner)
    assert reply.deferred
    assert reply.ephemeral
    assert report_lines(reply) == ["reseed changed 0 film(s)", f"{FILM}: unchanged"]
    assert reply.allowed_mentions == {"parse": []}


async def test_reseed_after_a_seed_edit_reports_changed(club: Club) -> None:
    edit_therapist(club.settings.seeds_dir)
    reply = await reseed(club, user=club.fake.owner)
    lines = report_lines(reply)
    assert lines[0] == "reseed changed 1 film(s)"
    assert lines[1].startswith(f"{FILM}: changed: ")
    assert "cast +0 -0 ~1" in lines[1]
    assert NEW_THERAPIST in await therapist(club)


async def test_dry_run_reports_but_changes_nothing(club: Club) -> None:
    edit_therapist(club.settings.seeds_dir)
    reply = await reseed(club, dry_run=True, user=club.fake.owner)
    assert reply.ephemeral
    lines = report_lines(reply)
    assert lines[0] == "reseed would change 1 film(s)"
    assert "cast +0 -0 ~1" in lines[1]
    assert OLD_THERAPIST in await therapist(club)
    again = await reseed(club, dry_run=True, user=club.fake.owner)
    assert report_lines(again)[0] == "reseed would change 1 film(s)"


async def test_added_and_removed_films_are_reported(club: Club) -> None:
    seeds = club.settings.seeds_dir
    writable(seeds)
    (seeds / FILM).rename(seeds / "ruby-sparks-2012")
    lines = report_lines(await reseed(club, user=club.fake.owner))
    assert len(lines) == 3
    assert lines[0] == "reseed changed 2 film(s)"
    assert lines[1].startswith(f"{FILM}: removed: ")
    assert lines[2].startswith("ruby-sparks-2012: added: ")
    assert "quotes +0 -84 ~0" in lines[1]
    assert "quotes +84 -0 ~0" in lines[2]
    listed = await club.fake.slash("film list")
    assert "(`ruby-sparks-2012`)" in listed.content


async def test_non_owner_administrator_is_refused_and_nothing_changes(club: Club) -> None:
    edit_therapist(club.settings.seeds_dir)
    database = club.bot.services.database
    before = await database.fingerprints()
    reply = await reseed(club, user=club.fake.user("mod"), permissions=ADMINISTRATOR)
    assert reply.ephemeral
    assert not reply.deferred
    assert reply.content == REFUSAL
    assert await database.film_count() == 1
    assert await database.fingerprints() == before
    assert OLD_THERAPIST in await therapist(club)
    info = await club.fake.slash("film info", {"film": FILM})
    assert info.embeds[0]["title"] == "Ruby Sparks (2012)"


async def test_ordinary_member_cannot_see_reseed(club: Club) -> None:
    with pytest.raises(LoopbackError, match="hidden"):
        await reseed(club, user=club.fake.user("member"), permissions=0)


async def test_sync_is_owner_only(club: Club) -> None:
    refused = await club.fake.slash("sync", user=club.fake.user("mod"), permissions=ADMINISTRATOR)
    assert refused.content == REFUSAL
    synced = await club.fake.slash("sync", user=club.fake.owner)
    assert synced.ephemeral
    assert synced.content.startswith("Synced ") and "commands globally" in synced.content


async def test_user_listed_in_admin_ids_is_allowed(club_settings: Settings) -> None:
    async with start_club(club_settings, admins=("alice",)) as club:
        alice = club.fake.user("alice")
        assert alice.id in club.bot.settings.admin_ids
        reply = await reseed(club, user=alice, permissions=ADMINISTRATOR)
        assert report_lines(reply)[0] == "reseed changed 0 film(s)"
        refused = await reseed(club, user=club.fake.user("bob"), permissions=ADMINISTRATOR)
        assert refused.content == REFUSAL


async def test_team_member_is_allowed(club_settings: Settings) -> None:
    async with start_club(club_settings, team=("alice",)) as club:
        (alice,) = club.fake.team
        reply = await reseed(club, user=alice, permissions=ADMINISTRATOR)
        assert reply.ephemeral
        assert report_lines(reply)[0] == "reseed changed 0 film(s)"
        refused = await reseed(club, user=club.fake.user("bob"), permissions=ADMINISTRATOR)
        assert refused.content == REFUSAL


async def test_a_malformed_document_is_skipped_and_named_in_the_reply(club: Club) -> None:
    folder = writable(club.settings.seeds_dir / FILM)
    (folder / "003_broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(64))
    before = await club.bot.services.database.fingerprints()
    reply = await reseed(club, user=club.fake.owner)
    assert reply.ephemeral
    lines = report_lines(reply)
    assert lines[0] == "reseed changed 0 film(s)"
    (warning,) = [line for line in lines if "003_broken.txt" in line]
    assert "skipped: binary data, not a text document" in warning
    assert await club.bot.services.database.fingerprints() == before


async def test_a_film_whose_article_breaks_is_listed_and_keeps_its_content(club: Club) -> None:
    folder = writable(club.settings.seeds_dir / FILM)
    article = writable(folder / "002_4ca3bbe3d74d6462.txt")
    article.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(64))
    before = await club.bot.services.database.fingerprints()
    reply = await reseed(club, user=club.fake.owner)
    lines = report_lines(reply)
    assert lines[0] == "!! 1 film(s) FAILED to load; fix the file named and reseed:"
    assert lines[1].startswith(f"!! {FILM} (previous content kept): ")
    assert "002_4ca3bbe3d74d6462.txt" in lines[1]
    assert await club.bot.services.database.fingerprints() == before
    info = await club.fake.slash("film info", {"film": FILM})
    assert info.embeds[0]["title"] == "Ruby Sparks (2012)"
    assert "Zoe Kazan" in (await club.fake.slash("cast", {"query": "ruby"})).content


async def test_a_first_start_with_a_broken_film_loads_the_others_and_logs_it(
    club_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    broken = writable(club_settings.seeds_dir) / "aa-broken"
    broken.mkdir()
    (broken / "article.txt").write_bytes(b"\x00\x01 not text")
    with caplog.at_level(logging.ERROR, logger="bot.app"):
        async with start_club(club_settings) as club:
            info = await club.fake.slash("film info", {"film": FILM})
            assert info.embeds[0]["title"] == "Ruby Sparks (2012)"
    (record,) = [r for r in caplog.records if "aa-broken" in r.getMessage()]
    assert "not loaded" in record.getMessage()
    assert "article.txt" in record.getMessage()
