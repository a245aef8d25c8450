"""Services over a real database loaded from a copy of the seeds."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.services.knowledge import KnowledgeService
from bot.storage.database import Database


@pytest.fixture
async def database(db_path: Path) -> AsyncIterator[Database]:
    async with await Database.open(db_path) as database:
        yield database


@pytest.fixture
async def knowledge(database: Database, seeds_dir: Path) -> KnowledgeService:
    knowledge = KnowledgeService(database, seeds_dir)
    assert (await knowledge.reseed()).applied
    return knowledge
