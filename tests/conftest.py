"""Fixtures shared by the whole suite: the seeds (the project's, or a private copy) and a
database path."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres import PostgresServer, PostgresUnavailableError

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


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One real PostgreSQL server for the whole session, in a temporary folder."""
    try:
        server = PostgresServer()
        server.start()
    except PostgresUnavailableError as error:
        pytest.fail(f"PostgreSQL is needed for these tests: {error}", pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """A fresh, empty database on the session's server."""
    return postgres_server.create_database()
