"""`quizgame results`: the three formats, spreadsheet-safe CSV, friendly and unfriendly databases."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from quizgame.bank.loaded import LoadedBank
from quizgame.cli import main
from quizgame.game.session import GameSession
from quizgame.results import open_sink
from quizgame.results.report_export import neutralise
from quizgame.results.sqlite_store import SqliteStore
from tests.conftest import BUNDLED_BANK
from tests.results.test_results_store import _record


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["results", *argv])
    out, err = capsys.readouterr()
    return code, out, err


# --- CSV neutralisation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("plain = text", "plain = text"),
        ("", ""),
        (None, ""),
        (-0.25, "-0.25"),  # numbers stay numbers
        (3, "3"),
        ("-0.25", "-0.25"),  # a plain numeral is not a formula
    ],
)
def test_neutralise(cell: str | float | None, expected: str) -> None:
    assert neutralise(cell) == expected


def test_csv_neutralises_what_students_typed(
    capsys: pytest.CaptureFixture[str], class_db: Path
) -> None:
    s = SqliteStore(class_db)
    evil = _record(game="evil-game", qid="q1")
    from dataclasses import replace

    s.record_answer(
        replace(evil, player="=cmd|' /C calc'!A0", bank_id="quiz", bank_hash="hash0001")
    )
    s.close()
    code, out, _ = run(capsys, "--db", str(class_db), "--format", "csv", "--report", "players")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][0] == "player"
    names = [r[0] for r in rows[1:]]
    assert "'=cmd|' /C calc'!A0" in names
    assert not any(n.startswith(("=", "+", "-", "@")) for n in names)


# --- formats -----------------------------------------------------------------------------------------


def test_table(capsys: pytest.CaptureFixture[str], class_db: Path) -> None:
    code, out, _ = run(capsys, "--db", str(class_db))
    assert code == 0
    for text in ("Players", "Questions", "Score distribution", "q1", "2× Paris", "0.60", "1.00"):
        assert text in out
    assert "--bank PATH" in out  # the bank "quiz" has no file: the skills note says how to get one
    assert "\x1b[" not in out  # no colour codes when not writing to a terminal


def test_table_shows_names_literally(capsys: pytest.CaptureFixture[str], class_db: Path) -> None:
    s = SqliteStore(class_db)
    from dataclasses import replace

    s.record_answer(replace(_record(game="m"), player="[bold red]Zed[/]", bank_id="quiz"))
    s.close()
    code, out, _ = run(capsys, "--db", str(class_db), "--report", "players")
    assert code == 0
    assert "[bold red]Zed[/]" in out


def test_csv_all_sections(capsys: pytest.CaptureFixture[str], class_db: Path) -> None:
    code, out, _ = run(capsys, "--db", str(class_db), "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    titles = [r[0] for r in rows if len(r) == 1]
    assert titles == ["players", "questions", "skills", "histogram"]
    head = rows.index(["questions"]) + 1
    q = [dict(zip(rows[head], r, strict=True)) for r in rows[head + 1 : head + 4]]
    assert [(r["question_id"], r["facility"], r["discrimination"]) for r in q] == [
        ("q1", "0.6", "1"),
        ("q2", "0.6", "1"),
        ("q3", "0.5", "0.5"),
    ]


def test_json(capsys: pytest.CaptureFixture[str], class_db: Path) -> None:
    code, out, _ = run(capsys, "--db", str(class_db), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == "quizgame-results-report/1"
    assert [p["player"] for p in data["players"]] == ["A", "B", "C", "D", "E"]
    (bank,) = data["banks"]
    q1 = bank["questions"][0]
    assert (q1["question_id"], q1["facility"], q1["top_wrong"]) == (
        "q1",
        pytest.approx(0.6),
        "Paris",
    )
    assert q1["distribution"][0] == {
        "response": "London",
        "count": 3,
        "outcome": "correct",
        "timed_out": False,
    }
    assert sum(b["count"] for b in bank["histogram"]) == 5


def test_output_file_is_written_whole(
    capsys: pytest.CaptureFixture[str], class_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "report.csv"
    target.parent.mkdir()
    code, out, _ = run(capsys, "--db", str(class_db), "--format", "csv", "-o", str(target))
    assert code == 0 and out == ""
    # a BOM, so Excel reads the file as UTF-8 (names with accents, the – in bin labels)
    assert target.read_bytes().startswith("\ufeffplayers\r\n".encode())
    assert [p.name for p in target.parent.iterdir()] == ["report.csv"]  # no temp file left


def test_output_to_a_missing_folder_fails_cleanly(
    capsys: pytest.CaptureFixture[str], class_db: Path, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "--db", str(class_db), "-o", str(tmp_path / "nope" / "r.txt"))
    assert code == 1
    assert "cannot write" in err
    assert not (tmp_path / "nope").exists()


def test_bank_filter_and_bank_file_for_skills(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, loaded_bank: LoadedBank, class_db: Path
) -> None:
    sink = open_sink(class_db)
    session = GameSession(loaded_bank, player="kim", sink=sink)
    session.submit(session.questions[0].choices[1])  # "The Kremlin": right
    session.next()
    while session.current is not None:  # the rest timed out: a finished game counts
        session.time_up()
        session.next()
    main_idea = sum("main idea" in q.tags for q in loaded_bank.bank.questions)
    code, out, _ = run(
        capsys, "--db", str(class_db), "--bank", str(BUNDLED_BANK), "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    assert [b["bank_id"] for b in data["banks"]] == ["kremlin-peacekeepers"]
    skills = {(s["tag"], s["player"]): s["mean"] for s in data["banks"][0]["skills"]}
    assert skills[("main idea", "kim")] == round(1 / main_idea, 3)
    assert skills[("main idea", None)] == round(1 / main_idea, 3)
    code, out, _ = run(capsys, "--db", str(class_db), "--bank", "quiz", "--format", "json")
    assert [b["bank_id"] for b in json.loads(out)["banks"]] == ["quiz"]


def test_player_filter(capsys: pytest.CaptureFixture[str], class_db: Path) -> None:
    code, out, _ = run(capsys, "--db", str(class_db), "--player", "C", "--format", "json")
    assert code == 0
    assert [p["player"] for p in json.loads(out)["players"]] == ["C"]
    code, out, _ = run(capsys, "--db", str(class_db), "--player", "c")
    assert code == 0
    assert "No results for player 'c'" in out and "'C'" in out


# --- friendly and unfriendly databases ----------------------------------------------------------------


def test_missing_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "--db", str(tmp_path / "none.sqlite3"))
    assert code == 0
    assert "No results yet" in out
    assert not (tmp_path / "none.sqlite3").exists()


def test_empty_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "empty.sqlite3"
    db.write_bytes(b"")
    code, out, _ = run(capsys, "--db", str(db))
    assert (code, out.startswith("No results yet")) == (0, True)
    SqliteStore(db).close()
    code, out, _ = run(capsys, "--db", str(db), "--format", "json")
    assert code == 0


def test_unknown_bank_lists_the_known_ones(
    capsys: pytest.CaptureFixture[str], class_db: Path
) -> None:
    code, out, _ = run(capsys, "--db", str(class_db), "--bank", "nothing")
    assert code == 0
    assert "No results yet for bank 'nothing' (results exist for: quiz)" in out


def test_default_database_comes_from_the_environment(
    capsys: pytest.CaptureFixture[str], class_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUIZGAME_DB", str(class_db))
    code, out, _ = run(capsys, "--report", "players")
    assert code == 0 and "A" in out and "E" in out


def test_newer_database_is_refused_without_traceback(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite3"
    SqliteStore(db).close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 42")
    conn.close()
    proc = subprocess.run(
        [sys.executable, "-m", "quizgame", "results", "--db", str(db)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert "newer quizgame" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_damaged_database_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "bad.sqlite3"
    db.write_text("not a database")
    code, _, err = run(capsys, "--db", str(db))
    assert code == 1
    assert "not a quizgame results database" in err


def test_teacher_refuses_a_newer_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "new.sqlite3"
    SqliteStore(db).close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 42")
    conn.close()
    assert main(["teacher", "--db", str(db)]) == 1
    assert "newer quizgame" in capsys.readouterr().err
