"""Results: where every answer goes, and where the teacher's reports read from.

`open_sink(db)` is the one entry point the game uses; `open_store(db)` is what reports use. The
engine behind them (SQLite today) can change without touching either side.

Where the database is: `db` if given, else the `QUIZGAME_DB` environment variable, else
`results.sqlite3` in the platform's user data folder (`platformdirs.user_data_dir("quizgame")`).
"""

from __future__ import annotations

import os
from pathlib import Path

from quizgame.game.records import ResultSink
from quizgame.results.sink import StoreSink, UnavailableSink, Warn, warn_stderr
from quizgame.results.store import (
    CorruptStoreError,
    NewerSchemaError,
    ResultStore,
    StoredAnswer,
    StoredGame,
    StoreError,
)

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
    "open_sink",
    "open_store",
    "resolve_db_path",
    "sink_problem",
]

DB_ENV = "QUIZGAME_DB"


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("quizgame", appauthor=False)) / "results.sqlite3"


def resolve_db_path(db: str | Path | None = None) -> Path:
    if db is not None and str(db) != "":
        return Path(db).expanduser()
    env = os.environ.get(DB_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    return default_db_path()


def open_store(db: str | Path | None = None, *, create: bool = True) -> ResultStore:
    """Open the results store; raises StoreError (NewerSchemaError, CorruptStoreError) with a
    message fit for the user. `create=False` raises StoreError instead of making a new file."""
    from quizgame.results.sqlite_store import SqliteStore

    return SqliteStore(resolve_db_path(db), create=create)


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


def sink_problem(sink: ResultSink) -> str | None:
    """Why results are not being saved, or None when all is well (for a UI banner)."""
    problem = getattr(sink, "problem", None)
    return problem if isinstance(problem, str) else None
