"""Fixtures shared by the whole suite: the seeds (the project's, or a private copy) and a
database path."""

import shutil
from pathlib import Path

import pytest

PROJECT_SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="session")
def project_seeds() -> Path:
    """The project's own ``seeds/`` folder, for tests that only read it."""
    return PROJECT_SEEDS


@pytest.fixture
def seeds_dir(tmp_path: Path, project_seeds: Path) -> Path:
    """A copy of the project's ``seeds/`` folder that a test may edit freely."""
    target = tmp_path / "seeds"
    shutil.copytree(project_seeds, target)
    return target


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's SQLite database file goes (not created yet)."""
    return tmp_path / "db" / "filmclub.db"
