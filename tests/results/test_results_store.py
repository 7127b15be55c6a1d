"""The SQLite store: schema versions, refusals, durability under SIGKILL, concurrent writers."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from quizgame.bank.loaded import LoadedBank
from quizgame.bank.models import Mode
from quizgame.game.records import AnswerRecord, GameInfo
from quizgame.game.scoring import Outcome
from quizgame.game.session import GameSession
from quizgame.results import (
    CorruptStoreError,
    NewerSchemaError,
    StoreError,
    StoreSink,
    UnavailableSink,
    default_db_path,
    open_sink,
    open_store,
    resolve_db_path,
    sink_problem,
)
from quizgame.results.sqlite_migrations import MIGRATIONS, SCHEMA_VERSION
from quizgame.results.sqlite_store import APPLICATION_ID, SqliteStore
from tests.results.fixtures import play_fixture

HERE = Path(__file__).resolve().parent


def _pragma(path: Path, name: str) -> object:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def _record(game: str = "g", qid: str = "q1", attempt: int = 1) -> AnswerRecord:
    return AnswerRecord(
        game, "ann", "bank", "h", qid, "multi", ["b", "a"], "a; b",
        Outcome.PARTIAL, 0.5, 0.5, 1.0, 3.25, attempt, False, 1_700_000_000.5,
    )  # fmt: skip


# --- schema ---------------------------------------------------------------------------------------


def test_migrates_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite3"
    path.write_bytes(b"")
    store = SqliteStore(path)
    assert store.schema_version == SCHEMA_VERSION >= 1
    store.close()
    assert _pragma(path, "user_version") == SCHEMA_VERSION
    assert _pragma(path, "application_id") == APPLICATION_ID
    assert _pragma(path, "journal_mode") == "wal"
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert {"games", "answers"} <= tables


def test_creates_missing_folders_and_reopens_without_migrating_again(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "r.sqlite3"
    s = SqliteStore(path)
    s.record_answer(_record())
    s.close()
    s = SqliteStore(path)  # a second CREATE TABLE would fail: this proves the version is honoured
    assert len(s.answers()) == 1
    s.close()


def test_migrations_run_in_order_from_an_older_version(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite3"
    s = SqliteStore(path)
    s.record_answer(_record())
    s.close()
    v2 = (*MIGRATIONS, ("ALTER TABLE answers ADD COLUMN note TEXT DEFAULT 'v2'",))
    s = SqliteStore(path, migrations=v2)
    assert s.schema_version == len(MIGRATIONS) + 1
    assert len(s.answers()) == 1  # data kept
    s.close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT note FROM answers").fetchone()[0] == "v2"
    conn.close()


def test_newer_version_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite3"
    SqliteStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError, match=r"newer quizgame .*version 99"):
        SqliteStore(path)
    assert path.read_bytes() == before


def test_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite3"
    path.write_text("these are my notes, not a database\n" * 10)
    with pytest.raises(CorruptStoreError, match="not a quizgame results database"):
        SqliteStore(path)


def test_damaged_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite3"
    s = SqliteStore(path)
    s.close()
    data = bytearray(path.read_bytes())
    data[16:100] = b"\xff" * 84  # the header after the magic string: page size and friends
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptStoreError, match="damaged"):
        SqliteStore(path)


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(CorruptStoreError, match="not quizgame results"):
        SqliteStore(path)


def test_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no results database"):
        SqliteStore(tmp_path / "none.sqlite3", create=False)
    assert not (tmp_path / "none.sqlite3").exists()


# --- rows ----------------------------------------------------------------------------------------


def test_answer_and_game_round_trip(store: SqliteStore) -> None:
    store.start_game(GameInfo("g", "ann", "bank", "h", "Bank", Mode.EXAM, 3, 3.0, 1_700_000_000.0))
    store.record_answer(_record())
    store.record_answer(_record(attempt=1))  # the same attempt twice is kept once
    (game,) = store.games()
    assert (game.status, game.ended, game.score, game.mode) == ("playing", None, None, "exam")
    store.finish_game("g", 2.5, 3.0, False, 1_700_000_100.0)
    (game,) = store.games()
    assert (game.status, game.score, game.ended) == ("abandoned", 2.5, 1_700_000_100.0)
    (a,) = store.answers()
    assert a.response == ["b", "a"]
    assert (a.response_text, a.outcome, a.fraction, a.points, a.max_points) == (
        "a; b",
        "partial",
        0.5,
        0.5,
        1.0,
    )
    assert (a.seconds, a.attempt, a.final, a.answered_at) == (3.25, 1, False, 1_700_000_000.5)


def test_filters(store: SqliteStore) -> None:
    play_fixture(store)
    play_fixture(store, bank_id="other", bank_hash="x")  # same game ids: ignored, kept once
    assert {a.player for a in store.answers(player="C")} == {"C"}
    assert len(store.answers(bank_id="quiz")) == 19
    assert store.answers(bank_id="other") == []


def test_a_real_game_is_recorded(tmp_path: Path, loaded_bank: LoadedBank) -> None:
    sink = open_sink(tmp_path / "r.sqlite3")
    assert isinstance(sink, StoreSink) and sink_problem(sink) is None
    session = GameSession(loaded_bank, player="ann", sink=sink, mode="exam")
    while (pq := session.current) is not None:
        if pq.type == "truefalse":
            session.submit(True)
        elif pq.type == "short":
            session.submit("unacceptable")
        else:
            session.time_up()
        session.next()
    store = open_store(tmp_path / "r.sqlite3")
    (game,) = store.games()
    assert game.status == "finished"
    assert game.score == pytest.approx(session.score)
    assert len(store.answers()) == len(loaded_bank.bank.questions)
    assert {a.response_json for a in store.answers() if a.question_type == "choice"} == {"null"}
    store.close()


# --- the game never crashes because of results ----------------------------------------------------


def test_open_sink_on_a_newer_database_warns_once_and_drops(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite3"
    SqliteStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 7")
    conn.close()
    warnings: list[str] = []
    sink = open_sink(path, warn=warnings.append)
    assert isinstance(sink, UnavailableSink)
    assert "newer quizgame" in (sink_problem(sink) or "")
    play_fixture(sink)
    assert len(warnings) == 1 and "not being saved" in warnings[0]
    assert sink.dropped > 10


def test_open_sink_on_garbage_keeps_the_game_playable(
    tmp_path: Path, loaded_bank: LoadedBank
) -> None:
    path = tmp_path / "r.sqlite3"
    path.write_bytes(b"\x00garbage" * 100)
    warnings: list[str] = []
    session = GameSession(loaded_bank, sink=open_sink(path, warn=warnings.append))
    result = session.submit(session.questions[0].choices[0])
    assert result.outcome in Outcome
    assert len(warnings) == 1
    assert path.read_bytes() == b"\x00garbage" * 100


def test_a_failing_write_is_reported_once(store: SqliteStore) -> None:
    warnings: list[str] = []
    sink = StoreSink(store, warn=warnings.append)
    store.close()  # every write now fails
    for n in range(3):
        sink.record_answer(_record(qid=f"q{n}"))
    assert sink.failed_writes == 3
    assert len(warnings) == 1


def test_where_the_database_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_db_path(tmp_path / "x.db") == tmp_path / "x.db"
    monkeypatch.setenv("QUIZGAME_DB", str(tmp_path / "env.db"))
    assert resolve_db_path(None) == tmp_path / "env.db"
    monkeypatch.delenv("QUIZGAME_DB")
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
        assert default_db_path() == tmp_path / "data" / "quizgame" / "results.sqlite3"
    assert resolve_db_path(None) == default_db_path()
