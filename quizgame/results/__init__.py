"""Results: where every answer goes, and where the teacher's reports read from.

`open_sink(db)` is the one entry point the game uses; `open_store(db)` is what reports use. The
engine behind them is chosen by `db`: a `postgresql://…` URL is a PostgreSQL server (psycopg, the
`postgres` extra), anything else a path to an SQLite file.

Where the database is: `db` if given, else the `QUIZGAME_DB` environment variable, else
`results.sqlite3` in the platform's user data folder (`platformdirs.user_data_dir("quizgame")`).
"""

from __future__ import annotations

import os
from pathlib import Path

from quizgame.game.records import ResultSink
from quizgame.results.sink import (
    StoreSink,
    UnavailableSink,
    Warn,
    save_summary,
    sink_problem,
    warn_stderr,
)
from quizgame.results.store import (
    CorruptStoreError,
    NewerSchemaError,
    ResultStore,
    StoredAnswer,
    StoredGame,
    StoreError,
)
from quizgame.results.urls import is_postgres_url, redact

__all__ = [
    "CorruptStoreError",
    "NewerSchemaError",
    "ResultStore",
    "StoreError",
    "StoreSink",
    "StoredAnswer",
    "StoredGame",
    "UnavailableSink",
    "default_db_path",
    "describe_db",
    "is_postgres_url",
    "open_sink",
    "open_store",
    "resolve_db",
    "resolve_db_path",
    "save_summary",
    "sink_problem",
]

DB_ENV = "QUIZGAME_DB"


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("quizgame", appauthor=False)) / "results.sqlite3"


def resolve_db(db: str | Path | None = None) -> str | Path:
    """A PostgreSQL URL as given, or the SQLite file's path (see the module docstring)."""
    if db is not None and str(db) != "":
        return db if is_postgres_url(db) else Path(db).expanduser()
    env = os.environ.get(DB_ENV, "").strip()
    if env:
        return env if is_postgres_url(env) else Path(env).expanduser()
    return default_db_path()


def resolve_db_path(db: str | Path | None = None) -> Path:
    """The SQLite file's path (a PostgreSQL URL is not a path: use `resolve_db`)."""
    where = resolve_db(db)
    if isinstance(where, str):
        raise StoreError(f"{redact(where)} is a PostgreSQL server, not a file")
    return where


def describe_db(db: str | Path) -> str:
    """For messages: a path, or a URL without its password."""
    return redact(db) if isinstance(db, str) else str(db)


def open_store(
    db: str | Path | None = None, *, create: bool = True, read_only: bool = False
) -> ResultStore:
    """Open the results store; raises StoreError (NewerSchemaError, CorruptStoreError) with a
    message fit for the user. `create=False` raises StoreError instead of making a new file;
    `read_only` (reports) never writes, and reads a file on a read-only filesystem."""
    where = resolve_db(db)
    if isinstance(where, str):
        from quizgame.results.postgres_store import PostgresStore

        return PostgresStore(where, create=create, read_only=read_only)
    from quizgame.results.sqlite_store import SqliteStore

    return SqliteStore(where, create=create, read_only=read_only)


def open_sink(db: str | Path | None = None, *, warn: Warn = warn_stderr) -> ResultSink:
    """The sink the game records answers to. `db`: a path, or None for the default location.

    Never raises. If the store cannot be opened (newer schema, damaged file, unwritable folder)
    the game stays playable: an `UnavailableSink` drops answers and reports why once through
    `warn` — and at once in its `problem` attribute (see `sink_problem`), for a UI to show.
    A write that fails mid-game is likewise reported once, and the game goes on.
    """
    try:
        store = open_store(db)
    except StoreError as exc:
        return UnavailableSink(str(exc), warn)
    return StoreSink(store, warn)
