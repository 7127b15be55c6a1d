"""The SQLite results store: one file, safe for a classroom of players writing at once.

Why these choices:
- WAL journal + a busy timeout: many processes on one machine append answers concurrently and
  readers (the teacher's report) never block writers.
- Autocommit, one INSERT per answer: each answer is its own transaction, committed (and with
  `synchronous=FULL`, fsynced) before `record_answer` returns, so killing the game at any moment
  loses nothing already answered and SQLite's journal keeps the file consistent.
- `PRAGMA user_version` numbers the schema; `MIGRATIONS[n]` turns version n into n+1. A file with a
  higher version than we know was written by a newer quizgame and is refused untouched.
- `PRAGMA application_id` marks the file as ours, so an unrelated SQLite file is not "migrated".
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from quizgame.game.records import AnswerRecord, GameInfo
from quizgame.results.store import (
    CorruptStoreError,
    NewerSchemaError,
    StoredAnswer,
    StoredGame,
    StoreError,
)

APPLICATION_ID = 0x71677273  # "qgrs": quizgame results store
BUSY_TIMEOUT_SECONDS = 30.0
_SQLITE_MAGIC = b"SQLite format 3\x00"

# MIGRATIONS[n] takes the schema from version n to n + 1. Never edit a released entry: append one.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 0 → 1: games and answers.
    (
        """CREATE TABLE games (
            game_id        TEXT PRIMARY KEY,
            player         TEXT NOT NULL,
            bank_id        TEXT NOT NULL,
            bank_hash      TEXT NOT NULL,
            bank_title     TEXT NOT NULL,
            mode           TEXT NOT NULL,
            question_count INTEGER NOT NULL,
            max_score      REAL NOT NULL,
            started        REAL NOT NULL,
            ended          REAL,
            status         TEXT NOT NULL DEFAULT 'playing'
                           CHECK (status IN ('playing', 'finished', 'abandoned')),
            score          REAL
        )""",
        """CREATE TABLE answers (
            id            INTEGER PRIMARY KEY,
            game_id       TEXT NOT NULL,
            player        TEXT NOT NULL,
            bank_id       TEXT NOT NULL,
            bank_hash     TEXT NOT NULL,
            question_id   TEXT NOT NULL,
            question_type TEXT NOT NULL,
            response      TEXT NOT NULL,
            response_text TEXT NOT NULL,
            outcome       TEXT NOT NULL CHECK (outcome IN ('correct', 'partial', 'wrong')),
            fraction      REAL NOT NULL,
            points        REAL NOT NULL,
            max_points    REAL NOT NULL,
            seconds       REAL NOT NULL,
            attempt       INTEGER NOT NULL,
            final         INTEGER NOT NULL CHECK (final IN (0, 1)),
            answered_at   REAL NOT NULL,
            UNIQUE (game_id, question_id, attempt)
        )""",
        "CREATE INDEX answers_by_bank ON answers (bank_id, bank_hash)",
        "CREATE INDEX answers_by_player ON answers (player)",
        "CREATE INDEX games_by_bank ON games (bank_id, bank_hash)",
        "CREATE INDEX games_by_player ON games (player)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

_GAME_COLUMNS = (
    "game_id, player, bank_id, bank_hash, bank_title, mode, question_count, max_score, "
    "started, ended, status, score"
)
_ANSWER_COLUMNS = (
    "game_id, player, bank_id, bank_hash, question_id, question_type, response, response_text, "
    "outcome, fraction, points, max_points, seconds, attempt, final, answered_at"
)

T = TypeVar("T")


class SqliteStore:
    """A `ResultStore` (and so a `ResultSink`) backed by one SQLite file."""

    def __init__(
        self,
        path: str | Path,
        *,
        create: bool = True,
        busy_timeout: float = BUSY_TIMEOUT_SECONDS,
        migrations: Sequence[Sequence[str]] = MIGRATIONS,
    ) -> None:
        self.path = Path(path)
        self._migrations = tuple(tuple(m) for m in migrations)
        self._busy_timeout = busy_timeout
        self._lock = threading.Lock()  # the TUI may record from a worker thread
        _check_header(self.path, create=create)
        if create:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:  # read-only place, a file in the way, no permission
                raise StoreError(
                    f"cannot create the folder {self.path.parent} for the results database: "
                    f"{exc.strerror or exc}"
                ) from exc
        uri = self.path.resolve().as_uri() + ("?mode=rwc" if create else "?mode=rw")
        try:
            self._conn = sqlite3.connect(
                uri,
                uri=True,
                timeout=busy_timeout,
                isolation_level=None,  # autocommit: each statement is its own transaction
                check_same_thread=False,
            )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open results database {self.path}: {exc}") from exc
        try:
            self._guard(self._setup)
        except BaseException:
            self._conn.close()
            raise

    # opening -----------------------------------------------------------------------------------

    def _setup(self) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {int(self._busy_timeout * 1000)}")
        self._check_version()
        self._retry_busy(self._enable_wal)
        conn.execute("PRAGMA synchronous = FULL")
        self._migrate()

    def _enable_wal(self) -> None:
        mode = self._conn.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() != "wal":
            self._conn.execute("PRAGMA journal_mode = WAL")

    def _retry_busy(self, step: Callable[[], T]) -> T:
        """Run a step that SQLite may refuse with "locked" without calling the busy handler."""
        deadline = time.monotonic() + self._busy_timeout
        delay = 0.005
        while True:
            try:
                return step()
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or time.monotonic() > deadline:
                    raise
            time.sleep(delay)
            delay = min(delay * 2, 0.2)

    def _check_version(self) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version > len(self._migrations):
            raise NewerSchemaError(
                f"{self.path} was written by a newer quizgame (results schema version {version}; "
                f"this quizgame understands up to {len(self._migrations)}). "
                "Upgrade quizgame to read or add to it; the file was left untouched."
            )
        app_id = self._conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id not in (0, APPLICATION_ID):
            raise CorruptStoreError(
                f"{self.path} is an SQLite database of another program, not quizgame results: "
                "choose another --db path"
            )
        if version == 0 and app_id == 0:
            tables = self._conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
            if tables:
                raise CorruptStoreError(
                    f"{self.path} is an SQLite database but not quizgame results: "
                    "choose another --db path"
                )

    def _migrate(self) -> None:
        current = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if current == len(self._migrations):
            return
        with self._transaction():
            # Re-read inside the write lock: another process may have migrated meanwhile.
            current = self._conn.execute("PRAGMA user_version").fetchone()[0]
            if current > len(self._migrations):
                raise NewerSchemaError(f"{self.path} was upgraded by a newer quizgame meanwhile")
            for step in self._migrations[current:]:
                for statement in step:
                    self._conn.execute(statement)
            self._conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self._conn.execute(f"PRAGMA user_version = {len(self._migrations)}")

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _guard(self, step: Callable[[], T]) -> T:
        """Turn sqlite3 errors into StoreErrors a user can act on."""
        try:
            return step()
        except StoreError:
            raise
        except sqlite3.OperationalError as exc:
            if "not a database" in str(exc) or "malformed" in str(exc):
                raise CorruptStoreError(_corrupt_message(self.path, exc)) from exc
            raise StoreError(f"results database {self.path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.IntegrityError):
                raise StoreError(f"results database {self.path}: {exc}") from exc
            raise CorruptStoreError(_corrupt_message(self.path, exc)) from exc

    @property
    def schema_version(self) -> int:
        version: int = self._conn.execute("PRAGMA user_version").fetchone()[0]
        return version

    # writing -----------------------------------------------------------------------------------

    def _write(self, sql: str, params: Sequence[Any]) -> None:
        def step() -> None:
            with self._lock:
                self._conn.execute(sql, params)

        self._guard(step)

    def start_game(self, info: GameInfo) -> None:
        self._write(
            "INSERT OR IGNORE INTO games (game_id, player, bank_id, bank_hash, bank_title, mode, "
            "question_count, max_score, started) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                info.game_id,
                info.player,
                info.bank_id,
                info.bank_hash,
                info.bank_title,
                str(info.mode),
                info.question_count,
                info.max_score,
                info.started,
            ),
        )

    def record_answer(self, record: AnswerRecord) -> None:
        self._write(
            f"INSERT OR IGNORE INTO answers ({_ANSWER_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.game_id,
                record.player,
                record.bank_id,
                record.bank_hash,
                record.question_id,
                record.question_type,
                json.dumps(record.response, ensure_ascii=False, sort_keys=True),
                record.response_text,
                str(record.outcome),
                record.fraction,
                record.points,
                record.max_points,
                record.seconds,
                record.attempt,
                1 if record.final else 0,
                record.answered_at,
            ),
        )

    def finish_game(
        self, game_id: str, score: float, max_score: float, finished: bool, ended: float
    ) -> None:
        self._write(
            "UPDATE games SET status = ?, score = ?, max_score = ?, ended = ? WHERE game_id = ?",
            ("finished" if finished else "abandoned", score, max_score, ended, game_id),
        )

    # reading -----------------------------------------------------------------------------------

    def _select(
        self, table: str, columns: str, bank_id: str | None, player: str | None, order: str
    ) -> list[Any]:
        where, params = [], []
        if bank_id is not None:
            where.append("bank_id = ?")
            params.append(bank_id)
        if player is not None:
            where.append("player = ?")
            params.append(player)
        sql = f"SELECT {columns} FROM {table}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order}"

        def step() -> list[Any]:
            with self._lock:
                return self._conn.execute(sql, params).fetchall()

        return self._guard(step)

    def games(self, *, bank_id: str | None = None, player: str | None = None) -> list[StoredGame]:
        rows = self._select("games", _GAME_COLUMNS, bank_id, player, "started, game_id")
        return [StoredGame._make(row) for row in rows]

    def answers(
        self, *, bank_id: str | None = None, player: str | None = None
    ) -> list[StoredAnswer]:
        rows = self._select("answers", _ANSWER_COLUMNS, bank_id, player, "id")
        # Rows are plain tuples (fast for 100,000); `final` is stored as 0/1.
        return [_answer(r) for r in rows]

    def integrity_check(self) -> str:
        """`ok`, or SQLite's description of what is damaged."""
        rows = self._guard(lambda: self._conn.execute("PRAGMA integrity_check").fetchall())
        return "\n".join(str(r[0]) for r in rows)

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _answer(r: Any) -> StoredAnswer:
    return StoredAnswer._make((*r[:14], bool(r[14]), r[15]))  # column order: _ANSWER_COLUMNS


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _corrupt_message(path: Path, exc: Exception) -> str:
    return (
        f"{path} is damaged or is not a quizgame results database ({exc}). "
        "Move it aside (a new one is created on the next game) or choose another --db path"
    )


def _check_header(path: Path, *, create: bool) -> None:
    """Refuse a file that is plainly not SQLite before SQLite gets a chance to be cryptic."""
    try:
        with path.open("rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except FileNotFoundError:
        if not create:
            raise StoreError(f"no results database at {path}") from None
        return
    except IsADirectoryError:
        raise StoreError(f"{path} is a directory, not a results database") from None
    except OSError as exc:
        raise StoreError(f"cannot read results database {path}: {exc.strerror or exc}") from exc
    if head and head != _SQLITE_MAGIC:
        raise CorruptStoreError(
            f"{path} is not a quizgame results database (it is not an SQLite file). "
            "Move it aside (a new one is created on the next game) or choose another --db path"
        )
