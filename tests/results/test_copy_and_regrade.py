"""`results --copy-to postgresql://…` (without loss, checked) and `results --regrade BANK` (new
marks, per-student changes, old marks kept) — against both engines where it applies."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizgame.bank.loaded import LoadedBank
from quizgame.bank.loader import load_bank
from quizgame.cli import main
from quizgame.game.session import GameSession
from quizgame.results import open_sink, open_store
from quizgame.results.report_export import to_json
from quizgame.results.reports import build_report
from tests.conftest import BUNDLED_BANK
from tests.results.fixtures import BANK_ID, META


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["results", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _json_report(db: str) -> str:
    s = open_store(db, create=False)
    try:
        return to_json(build_report(s.games(), s.answers(), {BANK_ID: META}))
    finally:
        s.close()


def test_copy_to_postgres_loses_nothing(
    class_db: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", str(class_db), "--copy-to", pg_url)
    assert code == 0, err
    assert "copied 6 game(s) and 19 answer(s)" in out and "checked: every one is there" in out
    assert _json_report(pg_url) == _json_report(str(class_db))  # the same report, to the digit
    code, out, _ = run(capsys, "--db", str(class_db), "--copy-to", pg_url)  # again: no doubles
    assert code == 0 and "it now holds 6 games, 19 answers" in out
    code, out, _ = run(capsys, "--db", pg_url, "--report", "players", "--format", "csv")
    assert code == 0 and len(out.strip().splitlines()) == 1 + 5


def test_copy_to_needs_a_postgres_url(class_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", str(class_db), "--copy-to", "/tmp/other.sqlite3")
    assert code == 1 and "postgresql://" in err and "Traceback" not in err


def test_copy_to_an_unreachable_server_is_a_clear_error(
    class_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"postgresql://ann:pw@/x?host={tmp_path}&port=1"
    code, _, err = run(capsys, "--db", str(class_db), "--copy-to", url)
    assert code == 1 and "cannot reach the PostgreSQL results server" in err
    assert ":pw@" not in err and "Traceback" not in err


# --- regrade -----------------------------------------------------------------------------------

WAS, NOW = "The Kremlin", "French President Emmanuel Macron"


def _fixed_bank(tmp_path: Path) -> Path:
    """The bundled bank with the first question's key changed (as if it had been wrong)."""
    folder = tmp_path / "fixed"
    folder.mkdir()
    for f in BUNDLED_BANK.parent.glob(BUNDLED_BANK.stem + ".*"):
        shutil.copy(f, folder / f.name)
    bank = folder / BUNDLED_BANK.name
    text = bank.read_text(encoding="utf-8")
    bank.write_text(text.replace(f"    answer: {WAS}\n", f"    answer: {NOW}\n", 1), "utf-8")
    return bank


def _play_first(loaded: LoadedBank, db: str, player: str, choice: str) -> None:
    session = GameSession(loaded, player=player, sink=open_sink(db), mode="exam")
    session.submit(choice)
    session.next()
    while session.current is not None:
        session.time_up()
        session.next()


def test_regrade_rescores_shows_changes_and_keeps_history(
    db: str, tmp_path: Path, loaded_bank: LoadedBank, capsys: pytest.CaptureFixture[str]
) -> None:
    qid = loaded_bank.bank.questions[0].id
    for player, choice in (("kim", WAS), ("lee", NOW), ("max", "The White House")):
        _play_first(loaded_bank, db, player, choice)
    before = open_store(db, create=False)
    assert {g.player: g.score for g in before.games()} == {"kim": 1.0, "lee": 0.0, "max": 0.0}
    before.close()
    fixed = _fixed_bank(tmp_path)
    assert load_bank(fixed).loaded is not None
    code = main(["results", "--db", db, "--regrade", str(fixed)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert f"kim: 1 answer(s) changed, -1 point(s)\n  {qid} " in out
    assert "correct 1 → wrong 0 point(s)" in out and "wrong 0 → correct 1 point(s)" in out
    assert "max" not in out  # unchanged answers are not listed
    assert "2 changed, for 2 student(s)" in out and "old marks are kept" in out
    s = open_store(db, create=False)
    try:
        marks = {a.player: (a.outcome, a.points) for a in s.answers() if a.question_id == qid}
        assert marks == {"kim": ("wrong", 0.0), "lee": ("correct", 1.0), "max": ("wrong", 0.0)}
        # The games' stored scores follow (the personal best in the picker reads them).
        scores = {g.player: g.score for g in s.games()}
        assert scores == {"kim": 0.0, "lee": 1.0, "max": 0.0}
        lee = s.player_history("lee", loaded_bank.bank_id)
        assert lee is not None and lee.best_score == 1.0
        history = s.regrades()
        assert sorted((h[3], h[6], h[9]) for h in history) == [
            ("kim", "correct", "wrong"),
            ("lee", "wrong", "correct"),
        ]
    finally:
        s.close()
    code = main(["results", "--db", db, "--regrade", str(fixed)])  # again: nothing changes
    assert code == 0 and "no mark changed" in capsys.readouterr().out
    s = open_store(db, create=False)
    assert len(s.regrades()) == 2
    s.close()


def test_regrade_of_a_broken_bank_is_refused(
    class_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "quiz.yaml"
    bad.write_text("title: [unclosed\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(class_db), "--regrade", str(bad))
    assert code == 2 and "quizgame check" in err
