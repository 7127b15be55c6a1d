from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizgame.results import ResultStore, open_store
from quizgame.results.sqlite_store import SqliteStore
from tests.results.fixtures import play_fixture
from tests.results.postgres_server import NoPostgres, Server, fresh_database, start_cluster

ENGINES = ("sqlite", "postgres")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    """One throwaway PostgreSQL cluster per test session (per xdist worker), stopped at the end.

    Without PostgreSQL binaries the PostgreSQL tests skip with the reason — except under CI=true,
    where a missing server is a failure: CI must test both engines."""
    try:
        with start_cluster() as server:
            yield server
    except NoPostgres as exc:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI must test PostgreSQL: {exc}")
        pytest.skip(str(exc))


@pytest.fixture
def pg_url(pg_server: Server) -> Iterator[str]:
    """A URL to a new, empty PostgreSQL database for this test."""
    with fresh_database(pg_server) as url:
        yield url


@pytest.fixture(params=ENGINES)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a results store lives, once per engine: an SQLite path or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "results.sqlite3")
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def any_store(db: str) -> Iterator[ResultStore]:
    s = open_store(db)
    yield s
    s.close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteStore]:
    s = SqliteStore(tmp_path / "results.sqlite3")
    yield s
    s.close()


@pytest.fixture
def class_db(tmp_path: Path) -> Path:
    """A results database holding the hand-computed class of tests/results/fixtures.py."""
    path = tmp_path / "class.sqlite3"
    s = SqliteStore(path)
    play_fixture(s)
    s.close()
    return path
