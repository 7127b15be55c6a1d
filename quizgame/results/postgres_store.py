"""The PostgreSQL results store: one server for a school's machines and classes.

The same guarantees as the SQLite store, by the server's own means:
- Versioned migrations (`pg_migrations.PG_MIGRATIONS[n]` takes version n to n + 1, the version
  kept in `quizgame.meta`), applied inside one transaction holding an advisory lock, so any number of
  players opening the store at once see either no schema or all of it. A server whose schema is
  newer than this quizgame knows is refused untouched.
- Everything lives in its own schema, `quizgame`, so a database shared with other programs is fine;
  a `quizgame` schema that is not ours (tables but no `meta`) is refused.
- Autocommit, one INSERT per answer: every answer is committed on the server before
  `record_answer` returns, so killing the player loses nothing already answered.
- A server that goes away mid-game turns each write into a StoreError (the game's sink reports it
  and plays on); reconnecting is tried again at most every RECONNECT_SECONDS, so a student does not
  wait for a connection timeout after every answer.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from quizgame.game.records import AnswerRecord, GameInfo
from quizgame.results.history import PlayerHistory, history_of
from quizgame.results.pg_migrations import PG_MIGRATIONS, SCHEMA
from quizgame.results.store import (
    ANSWER_COLUMNS,
    GAME_COLUMNS,
    GAME_RESCORE,
    REGRADE_INSERT,
    REGRADE_SELECT,
    REGRADE_UPDATE,
    CorruptStoreError,
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
from quizgame.results.urls import redact

LOCK_ID = 0x71677273  # "qgrs", as the SQLite application_id: the migration advisory lock
CONNECT_TIMEOUT_SECONDS = 5
RECONNECT_SECONDS = 30.0

T = TypeVar("T")


def _driver() -> Any:
    try:
        import psycopg
    except ImportError:
        raise StoreError(
            "PostgreSQL results need the psycopg driver, which is not installed: "
            "pip install 'quizgame[postgres]'"
        ) from None
    return psycopg


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class PostgresStore:
    """A `ResultStore` (and so a `ResultSink`) backed by a PostgreSQL database."""

    def __init__(
        self,
        url: str,
        *,
        create: bool = True,
        read_only: bool = False,
        migrations: Sequence[Sequence[str]] = PG_MIGRATIONS,
        connect_timeout: int = CONNECT_TIMEOUT_SECONDS,
    ) -> None:
        self.url = url
        self._pg = _driver()
        self._migrations = tuple(tuple(m) for m in migrations)
        self._timeout = connect_timeout
        self._lock = threading.Lock()
        self.read_only = read_only
        self._create = create
        self.notes: list[str] = []
        self._version = 0
        self._next_reconnect = 0.0
        self.reconnect_seconds = RECONNECT_SECONDS
        self._closed = False
        self._conn: Any = self._connect()
        try:
            self._guard(self._setup)
        except BaseException:
            self._conn.close()
            raise

    @property
    def location(self) -> str:
        return redact(self.url)

    def _connect(self) -> Any:
        try:
            return self._pg.connect(self.url, autocommit=True, connect_timeout=self._timeout)
        except self._pg.Error as exc:
            raise StoreError(
                f"cannot reach the PostgreSQL results server {self.location}: {_first_line(exc)}"
            ) from exc

    # opening -----------------------------------------------------------------------------------

    def _read_version(self) -> int:
        conn = self._conn
        meta, games = conn.execute(
            "SELECT to_regclass(%s) IS NOT NULL, to_regclass(%s) IS NOT NULL",
            (f"{SCHEMA}.meta", f"{SCHEMA}.games"),
        ).fetchone()
        if not meta:
            if games:
                raise CorruptStoreError(
                    f"{self.location} has a '{SCHEMA}' schema that is not quizgame results: "
                    "choose another database"
                )
            return 0
        row = conn.execute(
            f"SELECT value FROM {SCHEMA}.meta WHERE key = 'schema_version'"
        ).fetchone()
        try:
            return int(row[0]) if row else 0
        except ValueError:
            raise CorruptStoreError(
                f"{self.location}: the results schema version {row[0]!r} is not a number"
            ) from None

    def _setup(self) -> None:
        """Check (and, unless read-only, migrate) in one transaction under the advisory lock:
        every opener sees the schema before or after a migration, never half of it."""
        with self._conn.transaction():
            if self.read_only:
                self._conn.execute("SELECT pg_advisory_xact_lock_shared(%s)", (LOCK_ID,))
            else:
                self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_ID,))
            version = self._read_version()
            if version > len(self._migrations):
                raise NewerSchemaError(
                    f"{self.location} was written by a newer quizgame (results schema version "
                    f"{version}; this quizgame understands up to {len(self._migrations)}). "
                    "Upgrade quizgame to read or add to it; the database was left untouched."
                )
            if version == 0 and not self._create and not self.read_only:
                raise StoreError(f"no quizgame results in {self.location} yet")
            if not self.read_only and version < len(self._migrations):
                for step in self._migrations[version:]:
                    for statement in step:
                        self._conn.execute(statement)
                version = len(self._migrations)
                self._conn.execute(
                    f"INSERT INTO {SCHEMA}.meta (key, value) VALUES ('schema_version', %s) "
                    "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                    (str(version),),
                )
            self._version = version

    def _guard(self, step: Callable[[], T]) -> T:
        """Turn driver errors into StoreErrors a user can act on."""
        pg = self._pg
        try:
            return step()
        except StoreError:
            raise
        except pg.OperationalError as exc:
            raise StoreError(
                f"lost the PostgreSQL results server {self.location}: {_first_line(exc)}"
            ) from exc
        except pg.errors.InsufficientPrivilege as exc:
            raise StoreError(
                f"PostgreSQL results server {self.location}: {_first_line(exc)} "
                "(ask for the right to use this database)"
            ) from exc
        except pg.Error as exc:
            raise StoreError(
                f"PostgreSQL results server {self.location}: {_first_line(exc)}"
            ) from exc

    @property
    def schema_version(self) -> int:
        return self._version

    # writing -----------------------------------------------------------------------------------

    def _ensure_connection(self) -> None:
        if self._closed:
            raise StoreError(f"the results store {self.location} was closed")
        if not self._conn.closed and not self._conn.broken:
            return
        now = time.monotonic()
        if now < self._next_reconnect:
            raise StoreError(f"the PostgreSQL results server {self.location} is unreachable")
        self._next_reconnect = now + self.reconnect_seconds
        self._conn = self._connect()

    def _write(self, sql: str, params: Sequence[Any]) -> None:
        if self.read_only:
            raise StoreError(f"{self.location} was opened read-only")

        def step() -> None:
            with self._lock:
                self._ensure_connection()
                self._conn.execute(sql, params)

        self._guard(step)

    def start_game(self, info: GameInfo) -> None:
        self._write(
            f"INSERT INTO {SCHEMA}.games (game_id, player, bank_id, bank_hash, bank_title, mode, "
            "question_count, max_score, started, class_session) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
            game_params(info),
        )

    def record_answer(self, record: AnswerRecord) -> None:
        self._write(
            f"INSERT INTO {SCHEMA}.answers ({ANSWER_COLUMNS}) VALUES "
            "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
            "ON CONFLICT DO NOTHING",
            answer_params(record),
        )

    def finish_game(
        self, game_id: str, score: float, max_score: float, finished: bool, ended: float
    ) -> None:
        self._write(
            f"UPDATE {SCHEMA}.games SET status = %s, score = %s, max_score = %s, ended = %s "
            "WHERE game_id = %s",
            ("finished" if finished else "abandoned", score, max_score, ended, game_id),
        )

    # reading -----------------------------------------------------------------------------------

    def _select(
        self, table: str, columns: str, bank_id: str | None, player: str | None, order: str
    ) -> list[Any]:
        if self._version == 0:  # read-only, and nobody has played yet
            return []
        if self._version < 2:
            columns = columns.replace("class_session", "NULL")
        where, params = [], []
        if bank_id is not None:
            where.append("bank_id = %s")
            params.append(bank_id)
        if player is not None:
            where.append("player = %s")
            params.append(player)
        sql = f"SELECT {columns} FROM {SCHEMA}.{table}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order}"

        def step() -> list[Any]:
            with self._lock:
                self._ensure_connection()
                with self._conn.cursor() as cur:
                    return list(cur.execute(sql, params).fetchall())

        return self._guard(step)

    def games(self, *, bank_id: str | None = None, player: str | None = None) -> list[StoredGame]:
        rows = self._select("games", GAME_COLUMNS, bank_id, player, "started, game_id")
        return [StoredGame._make(row) for row in rows]

    def answers(
        self, *, bank_id: str | None = None, player: str | None = None
    ) -> list[StoredAnswer]:
        rows = self._select("answers", ANSWER_COLUMNS, bank_id, player, "id")
        return [answer_row(r) for r in rows]

    def player_history(self, player: str, bank_id: str) -> PlayerHistory | None:
        return history_of(
            self.games(bank_id=bank_id, player=player),
            self.answers(bank_id=bank_id, player=player),
        )

    def counts(self) -> tuple[int, int]:
        """(games, answers) stored: what `results --copy-to` checks."""
        if self._version == 0:
            return (0, 0)

        def step() -> tuple[int, int]:
            with self._lock:
                self._ensure_connection()
                row = self._conn.execute(
                    f"SELECT (SELECT count(*) FROM {SCHEMA}.games), "
                    f"(SELECT count(*) FROM {SCHEMA}.answers)"
                ).fetchone()
                return int(row[0]), int(row[1])

        return self._guard(step)

    def apply_regrade(self, changes: Sequence[Regrade], bank_hash: str, when: float) -> None:
        """New marks for stored answers, and the old ones kept in `regrades`: all or nothing."""
        insert = REGRADE_INSERT.replace("regrades", f"{SCHEMA}.regrades")
        update = REGRADE_UPDATE.replace("answers", f"{SCHEMA}.answers")
        rescore = GAME_RESCORE.replace("games", f"{SCHEMA}.games").replace(
            "answers", f"{SCHEMA}.answers"
        )

        def step() -> None:
            with self._lock, self._conn.transaction(), self._conn.cursor() as cur:
                cur.executemany(insert, [c.history(bank_hash, when) for c in changes])
                cur.executemany(update, [c.update() for c in changes])
                cur.executemany(rescore, [(g,) for g in sorted({c.game_id for c in changes})])

        self._write_check()
        self._guard(step)

    def regrades(self) -> list[tuple[Any, ...]]:
        if self._version < 3:
            return []
        sql = REGRADE_SELECT.replace("regrades", f"{SCHEMA}.regrades")
        return self._guard(lambda: list(self._conn.execute(sql).fetchall()))

    def _write_check(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.location} was opened read-only")

    def import_rows(self, games: Sequence[StoredGame], answers: Sequence[StoredAnswer]) -> None:
        """Add stored rows as they are (status, score, attempts) in one transaction; rows already
        there (same game id; same game, question and attempt) are kept, so a re-run is harmless."""
        game_sql = (
            f"INSERT INTO {SCHEMA}.games ({GAME_COLUMNS}) VALUES "
            "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING"
        )
        answer_sql = (
            f"INSERT INTO {SCHEMA}.answers ({ANSWER_COLUMNS}) VALUES "
            "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
            "ON CONFLICT DO NOTHING"
        )

        self._write_check()

        def step() -> None:
            with self._lock, self._conn.transaction(), self._conn.cursor() as cur:
                cur.executemany(game_sql, [tuple(g) for g in games])
                cur.executemany(answer_sql, [answer_params_of_row(a) for a in answers])

        self._guard(step)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._conn.close()
