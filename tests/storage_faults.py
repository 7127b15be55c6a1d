"""Ways the results database can fail, each set up for real or simulated where root could not fail.

Tests run as root in CI, where permissions do not stop a write: a read-only database and a full
disk are simulated at the sqlite3 level (the connection raises the very errors SQLite raises), a
folder that cannot be made is a path through a regular file or a `mkdir` that raises.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quizgame.results.sqlite_store import SqliteStore

SCENARIOS = (
    "not-a-folder",
    "folder-not-creatable",
    "read-only-database",
    "disk-full",
    "garbage-file",
    "damaged-database",
)


class FailingWrites:
    """A sqlite3 connection whose writes fail with `message`; reads and set-up still work."""

    def __init__(self, conn: sqlite3.Connection, message: str) -> None:
        self._conn = conn
        self._message = message
        self.refused = 0

    def execute(self, sql: str, *args: Any) -> Any:
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            self.refused += 1
            raise sqlite3.OperationalError(self._message)
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def make_db(path: Path) -> Path:
    SqliteStore(path).close()
    return path


def damage(path: Path) -> Path:
    """A real database, then its pages overwritten: the header still says SQLite."""
    store = SqliteStore(path)
    store.close()
    data = bytearray(path.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)
    path.write_bytes(bytes(data) + b"\xff" * 8192)
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return path


def set_up(scenario: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Arrange `scenario`; returns the database path the game should be given."""
    if scenario == "not-a-folder":
        (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
        return tmp_path / "a-file" / "data" / "results.sqlite3"
    if scenario == "folder-not-creatable":

        def refuse(self: Path, *args: Any, **kwargs: Any) -> None:
            raise PermissionError(13, "Permission denied", str(self))

        monkeypatch.setattr(Path, "mkdir", refuse)
        return tmp_path / "read-only" / "results.sqlite3"
    if scenario in ("read-only-database", "disk-full"):
        db = make_db(tmp_path / "results.sqlite3")
        message = (
            "attempt to write a readonly database"
            if scenario == "read-only-database"
            else "database or disk is full"
        )
        connect: Callable[..., sqlite3.Connection] = sqlite3.connect
        monkeypatch.setattr(
            sqlite3, "connect", lambda *a, **k: FailingWrites(connect(*a, **k), message)
        )
        return db
    if scenario == "garbage-file":
        db = tmp_path / "results.sqlite3"
        db.write_bytes(b"this is not a database\n" * 100)
        return db
    if scenario == "damaged-database":
        return damage(tmp_path / "results.sqlite3")
    raise ValueError(scenario)


def expected_reason(scenario: str) -> str:
    """A fragment the user-facing message must contain."""
    return {
        "not-a-folder": "Not a directory",
        "folder-not-creatable": "cannot create the folder",
        "read-only-database": "readonly",
        "disk-full": "disk is full",
        "garbage-file": "not an SQLite file",
        "damaged-database": "damaged",
    }[scenario]
