"""Reading what can still be read from a damaged SQLite results file.

A disk error or a bad copy can spoil one page of the file; SQLite then refuses any query that walks
through it ("database disk image is malformed"), so a plain `SELECT *` loses the whole class. Here
each table is read by rowid ranges instead, and a range that fails is halved until the unreadable
rows are pinned down one by one: everything outside the damaged pages comes back, and the rowids
that could not be read say how many rows were lost (rowids are handed out in order and quizgame
never deletes, so a gap is a lost row). Only Python's sqlite3 is used (the sqlite3 CLI's `.recover`
is not always installed), and the file is opened read-only: nothing is ever written to it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizgame.results.store import (
    ANSWER_COLUMNS,
    GAME_COLUMNS,
    CorruptStoreError,
    StoredAnswer,
    StoredGame,
    answer_row,
)

ROWS_PER_PAGE_BOUND = 256  # more rows than fit in one page: an upper bound when max(rowid) fails


@dataclass
class TableSalvage:
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    lost: int = 0  # rowids in the readable range that could not be read
    exact: bool = True  # False: the table's end could not be read, more may be lost


@dataclass(frozen=True)
class Salvaged:
    games: list[StoredGame]
    answers: list[StoredAnswer]
    lost_games: int
    lost_answers: int
    exact: bool

    @property
    def note(self) -> str:
        """What was lost, for the top of a report."""
        more = "" if self.exact else "at least "
        return (
            f"the results database is damaged: {more}{self.lost_answers} answer(s) and "
            f"{self.lost_games} game(s) could not be read; the report covers the "
            f"{len(self.answers)} answer(s) that could. Keep the file (copy it somewhere safe "
            "before anything else): what is unreadable now may be recoverable with other tools."
        )


def _connect(path: Path) -> sqlite3.Connection:
    uri = path.resolve().as_uri()
    for query in ("?mode=ro", "?mode=ro&immutable=1"):  # immutable: a read-only filesystem
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(uri + query, uri=True, isolation_level=None)
            conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
            return conn
        except sqlite3.DatabaseError:
            if conn is not None:
                conn.close()
    raise CorruptStoreError(
        f"{path} is too damaged to read anything from (its table list is unreadable). "
        "Keep the file: a data-recovery tool may still get answers out of it"
    )


def _read_table(conn: sqlite3.Connection, table: str, columns: str, pages: int) -> TableSalvage:
    out = TableSalvage()
    try:
        top = conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
    except sqlite3.DatabaseError:
        top = max(1, pages) * ROWS_PER_PAGE_BOUND
        out.exact = False
    sql = f"SELECT rowid, {columns} FROM {table} WHERE rowid BETWEEN ? AND ? ORDER BY rowid"
    stack = [(1, int(top))]
    unreadable: list[int] = []
    while stack:
        lo, hi = stack.pop()
        try:
            out.rows.extend(conn.execute(sql, (lo, hi)).fetchall())
        except sqlite3.DatabaseError:
            if lo == hi:
                unreadable.append(lo)
            else:
                mid = (lo + hi) // 2
                stack += [(mid + 1, hi), (lo, mid)]  # popped low half first: rows stay in order
    if out.exact:
        out.lost = len(unreadable)
    else:  # without the true end, only rowids below the last readable one surely existed
        last = max((r[0] for r in out.rows), default=0)
        out.lost = sum(1 for r in unreadable if r < last)
    out.rows = [r[1:] for r in out.rows]
    return out


def salvage(path: Path) -> Salvaged:
    """Every readable game and answer of a damaged file, and how many could not be read.

    Raises CorruptStoreError when nothing at all can be read."""
    conn = _connect(path)
    try:
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise CorruptStoreError(f"{path} is too damaged to read anything from ({exc})") from exc
        game_cols, answer_cols = GAME_COLUMNS, ANSWER_COLUMNS
        if version < 2:
            game_cols = game_cols.replace("class_session", "NULL")
            answer_cols = answer_cols.replace("class_session", "NULL")
        games = _read_table(conn, "games", game_cols, pages)
        answers = _read_table(conn, "answers", answer_cols, pages)
    finally:
        conn.close()
    if not games.rows and not answers.rows:
        raise CorruptStoreError(
            f"{path} is damaged and no game or answer in it could be read. Keep the file: "
            "a data-recovery tool may still get answers out of it"
        )
    found = [StoredGame._make(r) for r in games.rows]
    found.sort(key=lambda g: (g.started, g.game_id))
    return Salvaged(
        found,
        [answer_row(r) for r in answers.rows],
        games.lost,
        answers.lost,
        games.exact and answers.exact,
    )
