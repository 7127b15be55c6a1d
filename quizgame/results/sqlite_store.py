"""The SQLite results store: one file, safe for a classroom of players writing at once.

Why these choices:
- WAL journal + a busy timeout: many processes on one machine append answers concurrently and
  readers (the teacher's report) never block writers.
- Autocommit, one INSERT per answer: each answer is its own transaction, committed (and with
  `synchronous=FULL`, fsynced) before `record_answer` returns, so killing the game at any moment
  loses nothing already answered and SQLite's journal keeps the file consistent.
- `PRAGMA user_version` numbers the schema; `MIGRATIONS[n]` (in `sqlite_migrations`) turns version n into n+1. A file with a
  higher version than we know was written by a newer quizgame and is refused untouched.
- `PRAGMA application_id` marks the file as ours, so an unrelated SQLite file is not "migrated".
"""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from quizgame.game.records import AnswerRecord, GameInfo
from quizgame.results.history import PlayerHistory, history_of
from quizgame.results.sqlite_migrations import MIGRATIONS
from quizgame.results.store import (
    ANSWER_COLUMNS,
    GAME_COLUMNS,
    GAME_RESCORE,
    REGRADE_INSERT,
    REGRADE_SELECT,
    REGRADE_UPDATE,
    CorruptStoreError,
    DamagedStoreError,
    NewerSchemaError,
    Regrade,
    StoredAnswer,
    StoredGame,
    StoreError,
    answer_params,
    answer_params_of_row,
    answer_row,
    game_params,
)

APPLICATION_ID = 0x71677273  # "qgrs": quizgame results store
BUSY_TIMEOUT_SECONDS = 30.0
_SQLITE_MAGIC = b"SQLite format 3\x00"

T = TypeVar("T")


class SqliteStore:
    """A `ResultStore` (and so a `ResultSink`) backed by one SQLite file."""

    def __init__(
        self,
        path: str | Path,
        *,
        create: bool = True,
        read_only: bool = False,
        busy_timeout: float = BUSY_TIMEOUT_SECONDS,
        migrations: Sequence[Sequence[str]] = MIGRATIONS,
    ) -> None:
        """`read_only`: for reports — never writes, migrates or creates anything, and works on a
        read-only filesystem (where SQLite cannot make the WAL's shared-memory file)."""
        self.path = Path(path)
        self._migrations = tuple(tuple(m) for m in migrations)
        self._busy_timeout = busy_timeout
        self._lock = threading.Lock()  # the TUI may record from a worker thread
        self.read_only = read_only
        self.notes: list[str] = []  # what a reader should know (e.g. an unreadable WAL)
        self._version = 0
        create = create and not read_only
        _check_header(self.path, create=create)
        if create:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:  # read-only place, a file in the way, no permission
                raise StoreError(
                    f"cannot create the folder {self.path.parent} for the results database: "
                    f"{exc.strerror or exc}"
                ) from exc
        mode = "ro" if read_only else ("rwc" if create else "rw")
        self._conn = self._connect(f"?mode={mode}")
        try:
            self._guard(self._setup)
        except StoreError as exc:
            self._conn.close()
            if not read_only or isinstance(exc, NewerSchemaError | CorruptStoreError):
                raise
            # mode=ro on a WAL file in a read-only folder cannot create the -shm file: read it as
            # immutable (no locks, no -shm). Its WAL, if one was left behind, cannot be read then.
            self._conn = self._connect("?mode=ro&immutable=1")
            try:
                self._guard(self._setup)
            except BaseException:
                self._conn.close()
                raise
            wal = Path(f"{self.path}-wal")
            if wal.exists() and wal.stat().st_size > 0:
                self.notes.append(
                    f"{self.path} is on a read-only filesystem and its write-ahead log "
                    f"({wal.name}) could not be read: the latest answers may be missing"
                )
        except BaseException:
            self._conn.close()
            raise

    @property
    def location(self) -> str:
        return str(self.path)

    def _connect(self, query: str) -> sqlite3.Connection:
        try:
            return sqlite3.connect(
                self.path.resolve().as_uri() + query,
                uri=True,
                timeout=self._busy_timeout,
                isolation_level=None,  # autocommit: each statement is its own transaction
                check_same_thread=False,
            )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open results database {self.path}: {exc}") from exc

    # opening -----------------------------------------------------------------------------------

    def _setup(self) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {int(self._busy_timeout * 1000)}")
        self._check_version()
        if self.read_only:
            return
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
        # One statement, so one snapshot: read in several steps, another player's first game
        # could create the schema in between and make a half-read file look like someone else's.
        version, app_id, tables = self._retry_busy(
            lambda: self._conn.execute(
                "SELECT (SELECT user_version FROM pragma_user_version), "
                "(SELECT application_id FROM pragma_application_id), "
                "(SELECT count(*) FROM sqlite_master WHERE type = 'table')"
            ).fetchone()
        )
        if version > len(self._migrations):
            raise NewerSchemaError(
                f"{self.path} was written by a newer quizgame (results schema version {version}; "
                f"this quizgame understands up to {len(self._migrations)}). "
                "Upgrade quizgame to read or add to it; the file was left untouched."
            )
        if app_id not in (0, APPLICATION_ID):
            raise CorruptStoreError(
                f"{self.path} is an SQLite database of another program, not quizgame results: "
                "choose another --db path"
            )
        if version == 0 and app_id == 0 and tables:
            raise CorruptStoreError(
                f"{self.path} is an SQLite database but not quizgame results: "
                "choose another --db path"
            )
        self._version = int(version)

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
        self._version = len(self._migrations)

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
                raise DamagedStoreError(_corrupt_message(self.path, exc)) from exc
            raise StoreError(f"results database {self.path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.IntegrityError):
                raise StoreError(f"results database {self.path}: {exc}") from exc
            raise DamagedStoreError(_corrupt_message(self.path, exc)) from exc

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
            "question_count, max_score, started, class_session) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            game_params(info),
        )

    def record_answer(self, record: AnswerRecord) -> None:
        self._write(
            f"INSERT OR IGNORE INTO answers ({ANSWER_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            answer_params(record),
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
        if self._version == 0:  # opened read-only before any game created the tables
            return []
        sql = f"SELECT {columns} FROM {table}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order}"

        def step() -> list[Any]:
            with self._lock:
                return self._conn.execute(sql, params).fetchall()

        return self._guard(step)

    def _columns(self, columns: str) -> str:
        """Reading a file of schema 1 without migrating it (read-only): no class_session yet."""
        if self._version < 2:
            return columns.replace("class_session", "NULL")
        return columns

    def games(self, *, bank_id: str | None = None, player: str | None = None) -> list[StoredGame]:
        columns = self._columns(GAME_COLUMNS)
        rows = self._select("games", columns, bank_id, player, "started, game_id")
        return [StoredGame._make(row) for row in rows]

    def answers(
        self, *, bank_id: str | None = None, player: str | None = None
    ) -> list[StoredAnswer]:
        rows = self._select("answers", self._columns(ANSWER_COLUMNS), bank_id, player, "id")
        # Rows are plain tuples (fast for 100,000); `final` is stored as 0/1.
        return [answer_row(r) for r in rows]

    def player_history(self, player: str, bank_id: str) -> PlayerHistory | None:
        return history_of(
            self.games(bank_id=bank_id, player=player),
            self.answers(bank_id=bank_id, player=player),
        )

    def apply_regrade(self, changes: Sequence[Regrade], bank_hash: str, when: float) -> None:
        """New marks for stored answers, and the old ones kept in `regrades`: all or nothing."""

        def step() -> None:
            with self._lock, self._transaction():
                for c in changes:
                    self._conn.execute(
                        REGRADE_INSERT.replace("%s", "?"), c.history(bank_hash, when)
                    )
                    self._conn.execute(REGRADE_UPDATE.replace("%s", "?"), c.update())
                for game_id in sorted({c.game_id for c in changes}):
                    self._conn.execute(GAME_RESCORE.replace("%s", "?"), (game_id,))

        self._guard(step)

    def import_rows(self, games: Sequence[StoredGame], answers: Sequence[StoredAnswer]) -> None:
        """Add stored rows as they are, in one transaction (rows already there are kept)."""
        game_sql = f"INSERT OR IGNORE INTO games ({GAME_COLUMNS}) VALUES ({', '.join('?' * 13)})"
        answer_sql = (
            f"INSERT OR IGNORE INTO answers ({ANSWER_COLUMNS}) VALUES ({', '.join('?' * 17)})"
        )

        def step() -> None:
            with self._lock, self._transaction():
                self._conn.executemany(game_sql, [tuple(g) for g in games])
                self._conn.executemany(answer_sql, [answer_params_of_row(a) for a in answers])

        self._guard(step)

    def regrades(self) -> list[tuple[Any, ...]]:
        if self._version < 3:
            return []
        return self._guard(lambda: self._conn.execute(REGRADE_SELECT).fetchall())

    def integrity_check(self) -> str:
        """`ok`, or SQLite's description of what is damaged."""
        rows = self._guard(lambda: self._conn.execute("PRAGMA integrity_check").fetchall())
        return "\n".join(str(r[0]) for r in rows)

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _corrupt_message(path: Path, exc: Exception) -> str:
    return (
        f"{path} is damaged or is not a quizgame results database ({exc}). Keep the file: "
        f"`quizgame results --db {path}` shows what can still be read from it. "
        "To go on saving answers meanwhile, choose another --db path"
    )


def _check_header(path: Path, *, create: bool) -> None:
    """Refuse a file that is plainly not SQLite before SQLite gets a chance to be cryptic."""
    try:  # O_NONBLOCK: a named pipe at the path must not hang the game waiting for a writer
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        try:
            mode = os.fstat(fd).st_mode
            if stat.S_ISDIR(mode):
                raise StoreError(f"{path} is a directory, not a results database")
            if not stat.S_ISREG(mode):
                raise StoreError(f"{path} is not a regular file, so not a results database")
            head = os.read(fd, len(_SQLITE_MAGIC))
        finally:
            os.close(fd)
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
