from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quizgame.results.sqlite_store import SqliteStore
from tests.results.fixtures import play_fixture


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
