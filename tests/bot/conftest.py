"""Fixtures of the core's tests: a real database file, and one loaded from the seeds."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.services.knowledge import KnowledgeService
from bot.storage.database import Database
from bot.storage.postgres import PostgresUserData
from bot.storage.userdata import UserData


@pytest.fixture
async def database(db_path: Path) -> AsyncIterator[Database]:
    """An empty database (migrations applied) in the test's temporary folder."""
    async with await Database.open(db_path) as database:
        yield database


@pytest.fixture
async def knowledge(database: Database, seeds_dir: Path) -> KnowledgeService:
    """The knowledge service after loading the test's copy of the seeds into ``database``."""
    knowledge = KnowledgeService(database, seeds_dir)
    assert (await knowledge.reseed()).applied
    return knowledge


@pytest.fixture(params=["sqlite", "postgres"])
async def user_data(request: pytest.FixtureRequest, db_path: Path) -> AsyncIterator[UserData]:
    """An empty user-data store on each backend: the SQLite file, and a PostgreSQL database."""
    store: UserData
    if request.param == "sqlite":
        store = await Database.open(db_path)
    else:
        store = await PostgresUserData.open(request.getfixturevalue("postgres_url"))
    try:
        yield store
    finally:
        await store.close()
