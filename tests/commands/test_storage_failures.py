"""Storage failures outside the TUI: plain mode warns once and plays on; no file is half-written."""

from __future__ import annotations

import errno
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from quizgame.bank.loader import load_bank
from quizgame.cli import main
from quizgame.play.prefs import Prefs, load_prefs, save_prefs
from quizgame.results.sqlite_store import SqliteStore
from quizgame.text.atomic import write_atomic
from tests.conftest import BUNDLED_BANK
from tests.play.test_plain import right_answers
from tests.results.fixtures import play_fixture
from tests.storage_faults import SCENARIOS, expected_reason, set_up


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_plain_mode_warns_once_on_stderr_and_plays_to_the_end(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    scenario: str,
) -> None:
    db = set_up(scenario, tmp_path, monkeypatch)
    loaded = load_bank(BUNDLED_BANK).loaded
    assert loaded is not None
    answers = "\n".join(right_answers(loaded)) + "\n"  # all right: never a retry
    monkeypatch.setattr("sys.stdin", io.StringIO(answers))
    code = main(["play", "--plain", str(BUNDLED_BANK), "--name", "Ada", "--db", str(db)])
    out, err = capsys.readouterr()
    assert code == 0
    assert "Score:" in out and "Game stopped" not in out  # every question was played
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert lines[0].startswith("quizgame: warning: results are not being saved: ")
    assert expected_reason(scenario) in lines[0]
    assert "Traceback" not in err


def disk_full(*args: Any) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_write_atomic_on_a_full_disk_keeps_the_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "bank.yaml"
    target.write_text("old: content\n", encoding="utf-8")
    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, "new: content\n" * 1000)
    assert target.read_text(encoding="utf-8") == "old: content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank.yaml"]


def test_prefs_on_a_full_disk_are_kept_and_never_fail_the_game(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "prefs.json"
    assert save_prefs(Prefs(name="Ada", mode="exam"), path)
    monkeypatch.setattr(os, "fsync", disk_full)
    assert save_prefs(Prefs(name="Bob"), path) is False
    assert load_prefs(path) == Prefs(name="Ada", mode="exam")
    assert [p.name for p in tmp_path.iterdir()] == ["prefs.json"]


def test_results_export_on_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "class.sqlite3"
    store = SqliteStore(db)
    play_fixture(store)
    store.close()
    out = tmp_path / "report.json"
    assert main(["results", "--db", str(db), "--format", "json", "-o", str(out)]) == 0
    good = out.read_text(encoding="utf-8")
    assert json.loads(good)["games"] == 6
    capsys.readouterr()
    monkeypatch.setattr(os, "fsync", disk_full)
    assert main(["results", "--db", str(db), "--format", "csv", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"cannot write {out}" in err and "No space left on device" in err
    assert "Traceback" not in err
    assert out.read_text(encoding="utf-8") == good
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_results_report_on_a_damaged_database_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = set_up("damaged-database", tmp_path, monkeypatch)
    before = db.read_bytes()
    assert main(["results", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    # nothing in it is readable: said so, and the file is kept (never advised away)
    assert "damaged" in err and "Keep the file" in err and "Traceback" not in err
    assert db.read_bytes() == before
