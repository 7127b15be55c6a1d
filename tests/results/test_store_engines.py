"""What every results engine guarantees, tested against each: SQLite and a real PostgreSQL server.

Rows round-trip, migrations run in order and a newer schema is refused untouched, a failing write is
reported and never claimed saved, killing a player mid-game loses nothing it reported as answered,
and thirty players writing at once lose nothing.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from quizgame.bank.models import Mode
from quizgame.game.records import AnswerRecord, GameInfo
from quizgame.game.scoring import Outcome
from quizgame.results import (
    NewerSchemaError,
    ResultStore,
    StoreSink,
    UnavailableSink,
    open_sink,
    open_store,
    save_summary,
    sink_problem,
)
from quizgame.results.pg_migrations import PG_MIGRATIONS
from quizgame.results.postgres_store import PostgresStore
from quizgame.results.sqlite_migrations import MIGRATIONS, SCHEMA_VERSION
from quizgame.results.sqlite_store import SqliteStore
from quizgame.results.urls import is_postgres_url
from tests.results.fixtures import play_fixture

HERE = Path(__file__).resolve().parent


def _record(game: str = "g", qid: str = "q1", attempt: int = 1) -> AnswerRecord:
    return AnswerRecord(
        game, "ann", "bank", "h", qid, "multi", ["b", "a"], "a; b",
        Outcome.PARTIAL, 0.5, 0.5, 1.0, 3.25, attempt, False, 1_700_000_000.5,
    )  # fmt: skip


def _reopen(db: str, migrations: tuple[tuple[str, ...], ...] | None = None) -> ResultStore:
    if is_postgres_url(db):
        return PostgresStore(db, migrations=migrations or PG_MIGRATIONS)
    return SqliteStore(db, migrations=migrations or MIGRATIONS)


def _set_version(db: str, version: int) -> None:
    if is_postgres_url(db):
        import psycopg

        with psycopg.connect(db, autocommit=True) as conn:
            conn.execute(
                "UPDATE quizgame.meta SET value = %s WHERE key = 'schema_version'", (str(version),)
            )
    else:
        import sqlite3

        lite = sqlite3.connect(db)
        lite.execute(f"PRAGMA user_version = {version}")
        lite.close()


def test_rows_round_trip(any_store: ResultStore) -> None:
    any_store.start_game(
        GameInfo("g", "ann", "bank", "h", "Bank", Mode.EXAM, 3, 3.0, 1_700_000_000.25)
    )
    any_store.record_answer(_record())
    any_store.record_answer(_record(attempt=1))  # the same attempt twice is kept once
    (game,) = any_store.games()
    assert (game.status, game.ended, game.score, game.mode) == ("playing", None, None, "exam")
    assert game.started == 1_700_000_000.25 and game.class_session is None
    any_store.finish_game("g", 2.5, 3.0, False, 1_700_000_100.0)
    (game,) = any_store.games()
    assert (game.status, game.score, game.ended) == ("abandoned", 2.5, 1_700_000_100.0)
    (a,) = any_store.answers()
    assert a.response == ["b", "a"]
    assert (a.response_text, a.outcome, a.fraction, a.points, a.max_points) == (
        "a; b", "partial", 0.5, 0.5, 1.0,
    )  # fmt: skip
    assert (a.seconds, a.attempt, a.final, a.answered_at) == (3.25, 1, False, 1_700_000_000.5)


def test_filters_and_order(any_store: ResultStore) -> None:
    play_fixture(any_store)
    play_fixture(any_store, bank_id="other", bank_hash="x")  # same game ids: ignored, kept once
    assert {a.player for a in any_store.answers(player="C")} == {"C"}
    assert len(any_store.answers(bank_id="quiz")) == 19
    assert any_store.answers(bank_id="other") == []
    assert [g.game_id for g in any_store.games()] == [
        "g-a1",
        "g-b1",
        "g-c1",
        "g-d1",
        "g-e1",
        "g-a2",
    ]


def test_class_session_is_stored_when_the_game_carries_one(any_store: ResultStore) -> None:
    info = GameInfo("g", "ann", "bank", "h", "Bank", Mode.EXAM, 3, 3.0, 1.0)
    tagged = type("Tagged", (), {})()  # what class mode's GameInfo will carry: class_session
    for name in GameInfo.__dataclass_fields__:
        setattr(tagged, name, getattr(info, name))
    tagged.class_session = "period-3"
    any_store.start_game(tagged)
    assert any_store.games()[0].class_session == "period-3"


def test_migrations_run_in_order_and_keep_the_data(db: str) -> None:
    s = open_store(db)
    assert s.schema_version == SCHEMA_VERSION == len(PG_MIGRATIONS)
    s.record_answer(_record())
    s.close()
    base = PG_MIGRATIONS if is_postgres_url(db) else MIGRATIONS
    table = "quizgame.answers" if is_postgres_url(db) else "answers"
    v_next = (*base, (f"ALTER TABLE {table} ADD COLUMN note TEXT DEFAULT 'next'",))
    s = _reopen(db, v_next)
    assert s.schema_version == SCHEMA_VERSION + 1
    assert len(s.answers()) == 1
    s.close()
    s = _reopen(db, v_next)  # a second ALTER would fail: the version is honoured
    s.close()


def test_a_newer_schema_is_refused_and_left_untouched(db: str) -> None:
    open_store(db).close()
    _set_version(db, 99)
    for opener in (open_store, lambda d: open_store(d, create=False)):
        with pytest.raises(NewerSchemaError, match=r"newer quizgame .*version 99"):
            opener(db)
    sink = open_sink(db, warn=lambda _: None)
    assert isinstance(sink, UnavailableSink)
    sink.record_answer(_record())
    assert "NOT saved" in save_summary(sink, 1)


def test_a_failing_write_is_reported_once_and_never_claimed_saved(any_store: ResultStore) -> None:
    warnings: list[str] = []
    sink = StoreSink(any_store, warn=warnings.append)
    sink.record_answer(_record(qid="ok"))
    assert save_summary(sink, 1) == "Your answers so far are saved."
    any_store.close()  # every write now fails
    for n in range(3):
        sink.record_answer(_record(qid=f"q{n}"))
    assert (sink.failed_writes, sink.unsaved_answers, len(warnings)) == (3, 3, 1)
    assert save_summary(sink, 4).startswith("3 of your answers could NOT be saved (results are")


# --- durability and concurrency ----------------------------------------------------------------


@pytest.mark.slow
def test_answers_survive_sigkill(db: str) -> None:
    child = subprocess.Popen(
        [sys.executable, str(HERE / "child_play.py"), db, "kim"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    printed: list[tuple[str, str, int]] = []
    try:
        while len({g for g, _, _ in printed}) < 2:  # into the second game
            line = child.stdout.readline()
            assert line, f"the child stopped early: {child.stderr.read() if child.stderr else ''}"
            game, qid, attempt = line.split()
            printed.append((game, qid, int(attempt)))
        os.kill(child.pid, signal.SIGKILL)  # mid-game, possibly mid-write
    finally:
        child.kill()
        child.wait()
    assert child.returncode == -signal.SIGKILL
    store = open_store(db, create=False)
    try:
        if isinstance(store, SqliteStore):
            assert store.integrity_check() == "ok"
        saved = {(a.game_id, a.question_id, a.attempt) for a in store.answers()}
        assert set(printed) <= saved  # every answer the child reported is there
        games = store.games()
        assert len(games) >= 2
        assert games[0].status == "finished"
        assert games[0].game_id == printed[0][0]
    finally:
        store.close()


@pytest.mark.slow
def test_thirty_writers_at_once_lose_nothing(db: str) -> None:
    # fresh: the writers also race to create the schema
    workers = [
        subprocess.Popen(
            [sys.executable, str(HERE / "child_write.py"), db, str(n)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(30)
    ]
    try:
        for w in workers:  # wait until every one has the database open
            assert w.stdout is not None
            assert w.stdout.readline().strip() == "ready", w.stderr.read() if w.stderr else ""
        for w in workers:  # then let them all write at once
            assert w.stdin is not None
            w.stdin.write("go\n")
            w.stdin.close()
        outcomes = [(w.wait(timeout=120), w.stderr.read() if w.stderr else "") for w in workers]
    finally:
        for w in workers:
            w.kill()
            w.wait()
    assert [code for code, _ in outcomes] == [0] * 30, [err for _, err in outcomes if err]
    assert not any("locked" in err for _, err in outcomes)
    store = open_store(db, create=False)
    try:
        answers = store.answers()
        assert len(answers) == 30 * 100
        assert len({(a.game_id, a.question_id) for a in answers}) == 3000
        assert {g.status for g in store.games()} == {"finished"}
        if isinstance(store, SqliteStore):
            assert store.integrity_check() == "ok"
    finally:
        store.close()
    assert sink_problem(None) is None


# --- PostgreSQL only: the server itself fails -----------------------------------------------------


def test_an_unreachable_server_is_a_clear_message_and_the_game_goes_on(tmp_path: Path) -> None:
    url = f"postgresql://nobody@/quizgame?host={tmp_path}&port=1"  # no server listens there
    warnings: list[str] = []
    sink = open_sink(url, warn=warnings.append)
    assert isinstance(sink, UnavailableSink)
    problem = sink_problem(sink) or ""
    assert "cannot reach the PostgreSQL results server" in problem and str(tmp_path) in problem
    play_fixture(sink)
    assert len(warnings) == 1 and "Traceback" not in warnings[0]
    assert save_summary(sink, 19).startswith("Your answers were NOT saved")


def test_a_password_never_appears_in_messages(tmp_path: Path) -> None:
    url = f"postgresql://ann:s3cret@/quizgame?host={tmp_path}&port=1"
    sink = open_sink(url, warn=lambda _: None)
    assert "s3cret" not in (sink_problem(sink) or "") and "ann:***@" in (sink_problem(sink) or "")


def test_a_server_that_drops_the_connection_mid_game(pg_url: str) -> None:
    import psycopg

    store = PostgresStore(pg_url)
    store.reconnect_seconds = 0.0  # try again at once (a game waits RECONNECT_SECONDS)
    warnings: list[str] = []
    sink = StoreSink(store, warn=warnings.append)
    sink.record_answer(_record(qid="before"))
    with psycopg.connect(pg_url, autocommit=True) as admin:  # the server ends our session
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    sink.record_answer(_record(qid="lost"))  # fails: reported, counted, never claimed saved
    assert sink.unsaved_answers == 1 and "lost the PostgreSQL results server" in warnings[0]
    sink.record_answer(_record(qid="after"))  # reconnected
    assert {a.question_id for a in store.answers()} == {"before", "after"}
    store.close()


def test_a_schema_of_another_program_is_refused(pg_url: str) -> None:
    import psycopg

    from quizgame.results import CorruptStoreError

    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("CREATE SCHEMA quizgame")
        admin.execute("CREATE TABLE quizgame.games (name TEXT)")
    with pytest.raises(CorruptStoreError, match="not quizgame results"):
        open_store(pg_url)


def test_missing_driver_is_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    from quizgame.results import StoreError

    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now raises ImportError
    with pytest.raises(StoreError, match=r"pip install 'quizgame\[postgres\]'"):
        open_store("postgresql://localhost/quizgame")


def test_a_damaged_server_schema_is_reported_and_never_claimed_saved(pg_url: str) -> None:
    import psycopg

    warnings: list[str] = []
    sink = open_sink(pg_url, warn=warnings.append)
    assert isinstance(sink, StoreSink)
    sink.record_answer(_record(qid="before"))
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("DROP TABLE quizgame.answers")  # someone damaged the database
    sink.record_answer(_record(qid="after"))
    assert sink.unsaved_answers == 1 and len(warnings) == 1
    assert 'relation "quizgame.answers" does not exist' in warnings[0]
    assert save_summary(sink, 2).startswith("1 of your answers could NOT be saved")
    sink.close()


@pytest.mark.slow
@pytest.mark.parametrize(("ci", "outcome"), [("true", "failed"), ("", "skipped")])
def test_without_postgres_binaries_ci_fails_and_elsewhere_skips(
    ci: str, outcome: str, tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QUIZGAME_TEST_PG", "CI")}
    env |= {"QUIZGAME_TEST_PG_BIN": str(tmp_path), "CI": ci}  # a folder without initdb
    test = f"{Path(__file__).name}::test_rows_round_trip[postgres]"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0", test, "-rs"],
        cwd=HERE,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert f"1 {outcome}" in done.stdout or "1 error" in done.stdout, done.stdout
    if outcome == "failed":
        assert done.returncode != 0 and "CI must test PostgreSQL" in done.stdout
    else:
        assert done.returncode == 0 and "PostgreSQL is not installed" in done.stdout
