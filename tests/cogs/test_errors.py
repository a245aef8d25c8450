from __future__ import annotations

import logging
import re

import pytest

from bot.errors import BusyError
from tests.cogs.conftest import Club

APOLOGY = re.compile(r"^Sorry, something went wrong on our side \(error id `([0-9a-f]{8})`\)\.$")


def boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("database on fire")


def logged_error(caplog: pytest.LogCaptureFixture, error_id: str) -> logging.LogRecord:
    records = [r for r in caplog.records if r.name == "bot.app" and error_id in r.getMessage()]
    assert len(records) == 1
    return records[0]


async def test_unexpected_error_gives_an_apology_with_an_id_and_is_logged(
    club: Club, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(club.bot.services.films, "info", boom)
    with caplog.at_level(logging.ERROR, logger="bot.app"):
        reply = await club.fake.slash("film info", {"film": "ruby-sparks"})
    assert reply.ephemeral
    assert reply.allowed_mentions == {"parse": []}
    match = APOLOGY.match(reply.content)
    assert match is not None, reply.content
    record = logged_error(caplog, match.group(1))
    assert record.levelno == logging.ERROR
    assert record.getMessage() == f"error {match.group(1)} in /film info"
    assert record.exc_info is not None
    error = record.exc_info[1]
    assert isinstance(getattr(error, "original", error), RuntimeError)
    assert "database on fire" in caplog.text
    assert "database on fire" not in reply.content


async def test_each_error_gets_its_own_id(
    club: Club, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(club.bot.services.cast, "lookup", boom)
    with caplog.at_level(logging.ERROR, logger="bot.app"):
        first = await club.fake.slash("cast", {"query": "ruby"})
        second = await club.fake.slash("cast", {"query": "ruby"})
    ids = []
    for reply in (first, second):
        match = APOLOGY.match(reply.content)
        assert match is not None
        ids.append(match.group(1))
        assert logged_error(caplog, match.group(1)).getMessage().endswith("in /cast")
    assert ids[0] != ids[1]


async def test_error_after_a_defer_is_sent_as_an_ephemeral_followup(
    club: Club, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(club.bot.services.knowledge, "reseed", boom)
    with caplog.at_level(logging.ERROR, logger="bot.app"):
        reply = await club.fake.slash("reseed", user=club.fake.owner)
    assert reply.deferred
    assert reply.ephemeral
    match = APOLOGY.match(reply.content)
    assert match is not None, reply.content
    assert logged_error(caplog, match.group(1)).getMessage().endswith("in /reseed")


async def test_unexpected_error_in_quote_search(
    club: Club, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(club.bot.services.quotes, "find", boom)
    with caplog.at_level(logging.ERROR, logger="bot.app"):
        reply = await club.fake.slash("quote", {"text": "tattoo"})
    match = APOLOGY.match(reply.content)
    assert match is not None
    assert logged_error(caplog, match.group(1)).getMessage().endswith("in /quote")


async def test_expected_errors_are_short_and_not_logged(
    club: Club, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def busy(*args: object, **kwargs: object) -> None:
        raise BusyError("a reseed is already running")

    monkeypatch.setattr(club.bot.services.knowledge, "reseed", busy)
    with caplog.at_level(logging.ERROR, logger="bot.app"):
        reply = await club.fake.slash("reseed", user=club.fake.owner)
    assert reply.ephemeral
    assert reply.content == "a reseed is already running"
    assert not [r for r in caplog.records if r.name == "bot.app"]
