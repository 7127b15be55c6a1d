"""Issue 16's faults: a damaged page loses only its rows, a read-only filesystem can be reported on,
and "saved" is said only when it is true (plain mode, the TUI's quit dialog)."""

from __future__ import annotations

import io
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizgame.bank.models import Mode
from quizgame.cli import main
from quizgame.game.records import AnswerRecord, GameInfo
from quizgame.game.scoring import Outcome
from quizgame.results import open_store
from quizgame.results.salvage import salvage
from quizgame.results.sqlite_store import SqliteStore
from quizgame.results.store import DamagedStoreError
from quizgame.tui.app import QuizApp
from quizgame.tui.screens.confirm_screen import ConfirmScreen
from tests.conftest import BUNDLED_BANK
from tests.storage_faults import set_up
from tests.tui.driver import FrozenClock, answer, write_bank

ANSWERS = 3000


def _filled(path: Path) -> Path:
    s = SqliteStore(path)
    for g in range(ANSWERS // 30):
        game = f"game-{g:04d}"
        s.start_game(GameInfo(game, f"p{g}", "bank", "h", "Bank", Mode.EXAM, 30, 30.0, 1e9 + g))
        for n in range(30):
            fields = (
                game, f"p{g}", "bank", "h", f"q{n:02d}", "short", "marker-response",
                "marker-response", Outcome.CORRECT, 1.0, 1.0, 1.0, 2.0, 1, True, 1e9 + g,
            )  # fmt: skip
            s.record_answer(AnswerRecord(*fields))
        s.finish_game(game, 30.0, 30.0, True, 1e9 + g + 1)
    s.close()  # checkpoints the WAL into the file
    return path


def _damage_one_answers_page(path: Path) -> None:
    """Overwrite one leaf page of the answers table (one holding answer rows) with garbage."""
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    leaves = [
        n
        for n in range(1, len(data) // size)
        if data[n * size] == 0x0D and b"marker-response" in data[n * size : (n + 1) * size]
    ]
    assert len(leaves) > 10
    n = leaves[len(leaves) // 2]
    data[n * size : (n + 1) * size] = b"\xa5" * size
    path.write_bytes(bytes(data))


def test_a_damaged_page_loses_only_its_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _filled(tmp_path / "r.sqlite3")
    _damage_one_answers_page(db)
    before = db.read_bytes()
    store = SqliteStore(db, create=False, read_only=True)
    with pytest.raises(DamagedStoreError):
        store.answers()  # a plain read walks through the damaged page
    store.close()
    found = salvage(db)
    assert 0 < found.lost_answers < 100  # one page's worth
    assert len(found.answers) + found.lost_answers == ANSWERS and found.exact
    assert len(found.games) == ANSWERS // 30 and found.lost_games == 0
    code = main(["results", "--db", str(db), "--report", "players", "--format", "csv"])
    out, err = capsys.readouterr()
    assert code == 0 and len(out.strip().splitlines()) == 1 + ANSWERS // 30
    assert f"{found.lost_answers} answer(s) and 0 game(s) could not be read" in err
    assert "Keep the file" in err and "Move it aside" not in err and "Traceback" not in err
    assert db.read_bytes() == before  # read only, never "repaired" in place


def test_a_game_on_a_damaged_file_is_told_to_keep_it(tmp_path: Path) -> None:
    db = _filled(tmp_path / "r.sqlite3")
    _damage_one_answers_page(db)
    store = SqliteStore(db)
    with pytest.raises(DamagedStoreError) as info:
        store.answers()
    store.close()
    assert "Keep the file" in str(info.value) and "Move it aside" not in str(info.value)


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[Path]:
    """A real read-only filesystem (a tmpfs remounted ro); skipped where mounting is not allowed."""
    where = tmp_path / "ro"
    where.mkdir()
    if shutil.which("mount") is None:
        pytest.skip("no mount command")
    done = subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a filesystem here: {done.stderr.decode().strip()}")
    yield where
    subprocess.run(["umount", "-l", str(where)], check=False)


def test_results_and_teacher_read_a_database_on_a_read_only_filesystem(
    tmp_path: Path, read_only_mount: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from quizgame.tui.screens.teacher_screen import load_results
    from tests.results.fixtures import play_fixture

    db = read_only_mount / "class.sqlite3"
    s = SqliteStore(db)
    play_fixture(s)
    s.close()
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_mount)], check=True)
    with pytest.raises(OSError):
        (read_only_mount / "probe").write_text("x")  # truly read-only, even for root
    assert not Path(f"{db}-shm").exists()  # so SQLite cannot make its WAL index here
    assert main(["results", "--db", str(db), "--format", "csv", "--report", "players"]) == 0
    out, err = capsys.readouterr()
    assert len(out.strip().splitlines()) == 1 + 5 and "Traceback" not in err
    loaded = load_results(str(db))
    assert loaded.report is not None and loaded.report.answers == 19


# --- saying "saved" only when it is true --------------------------------------------------------


@pytest.mark.parametrize("scenario", ["read-only-database", "disk-full"])
def test_plain_mode_never_claims_an_unsaved_answer_saved(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    scenario: str,
) -> None:
    db = set_up(scenario, tmp_path, monkeypatch)
    monkeypatch.setattr("sys.stdin", io.StringIO("A\nA\n"))  # two answers, then input ends
    argv = ["play", "--plain", str(BUNDLED_BANK), "--name", "Ada", "--mode", "exam"]
    assert main([*argv, "--db", str(db)]) == 0
    out = capsys.readouterr().out
    # leaving the exam hands in the two drafts: the store refuses them, and the game says so
    assert "answers are saved" not in out and "Your answers were NOT saved" in out
    assert "Your answers were NOT saved" in out and "answers so far are saved" not in out


def test_plain_mode_says_saved_when_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("A\n"))
    argv = ["play", "--plain", str(BUNDLED_BANK), "--name", "Ada", "--mode", "exam"]
    assert main([*argv, "--db", str(tmp_path / "r.sqlite3")]) == 0
    out = capsys.readouterr().out
    assert "Answer kept" in out and "Game stopped. Your answers so far are saved." in out
    s = open_store(tmp_path / "r.sqlite3", create=False)
    assert len(s.answers()) == 1
    s.close()


TWO_QUESTIONS = """  - id: q1
    type: truefalse
    prompt: The White House answered The Post on Tuesday.
    answer: false
    explanation: It did not respond.
    evidence: The White House did not respond to an inquiry from The Post on Tuesday.
  - id: q2
    type: truefalse
    prompt: The Post asked the White House a question.
    answer: true
    explanation: It sent an inquiry.
    evidence: The White House did not respond to an inquiry from The Post on Tuesday.
"""


@pytest.mark.parametrize("scenario", [None, "disk-full"])
async def test_the_quit_dialog_says_what_is_true(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scenario: str | None
) -> None:
    bank = write_bank(tmp_path, TWO_QUESTIONS)
    db = set_up(scenario, tmp_path, monkeypatch) if scenario else tmp_path / "r.sqlite3"
    app = QuizApp([bank], name="Ada", db=str(db), clock=FrozenClock(), remember_player=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pq = app.session.current if app.session else None
        assert pq is not None
        await answer(pilot, pq, "right")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        if scenario is None:
            assert dialog.detail == "Your answers so far are saved."
        else:
            assert dialog.detail.startswith("Your answers were NOT saved (results are not being")
            assert "disk is full" in dialog.detail
        await pilot.press("n")


def test_sqlite_header_checked_in_one_snapshot(tmp_path: Path) -> None:
    """The opening check is one statement (one read snapshot): see the thirty-writers test."""
    path = tmp_path / "r.sqlite3"
    SqliteStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE extra (x)")  # a quizgame file with an extra table is still ours
    conn.close()
    SqliteStore(path).close()
