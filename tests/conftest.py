"""Fixtures shared by the whole suite: a private copy of the seeds and a database path."""

import shutil
from pathlib import Path

import pytest

PROJECT_SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    """A copy of the project's ``seeds/`` folder that a test may edit freely."""
    target = tmp_path / "seeds"
    shutil.copytree(PROJECT_SEEDS, target)
    return target


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's SQLite database file goes (not created yet)."""
    return tmp_path / "db" / "filmclub.db"
