"""The hostile corpus in results: stored exactly, reported safely.

Players with raw escape sequences in their names (a database written by another tool or an older
version: the game itself cleans names) and answers typed full of hostile text. The table and CSV
show control characters as pictures (quizgame.text.safe), JSON keeps the exact text with every
control character escaped, and the teacher view shows it all without a stray control character.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Static, TabbedContent

from quizgame.bank.loader import load_bank
from quizgame.cli import main
from quizgame.game.session import GameSession
from quizgame.play.plain import PlainGame
from quizgame.results import open_sink
from quizgame.text.safe import one_line
from quizgame.tui.screens.teacher_screen import TeacherScreen
from tests.data.hostile import HOSTILE, write_hostile_bank
from tests.results.test_teacher_screen import TeacherOnly, cells, plain
from tests.text.test_hostile_text import reply

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
PLAYERS = [HOSTILE["ansi-colour"], HOSTILE["markup-click"], HOSTILE["rtl-hebrew"], "Ada"]


@pytest.fixture
def hostile_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Four games of the hostile bank; the bank sits in ./questions so reports find it."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "questions"
    folder.mkdir()
    result = load_bank(write_hostile_bank(folder))
    assert result.loaded is not None
    db = tmp_path / "results.sqlite3"
    for n, player in enumerate(PLAYERS):
        sink = open_sink(db)
        session = GameSession(result.loaded, player=player, sink=sink, seed=n)
        PlainGame(session, read=reply, write=lambda _line: None).play()
        sink.close()  # type: ignore[attr-defined]
    return db


def test_table_report_shows_controls_as_pictures(
    hostile_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["results", "--db", str(hostile_db)]) == 0
    out = capsys.readouterr().out
    assert not CONTROL.search(out)
    assert "␛[31mred" in out  # the player's name, visible, not red
    assert "[@click=app.quit]" in out


def test_csv_report_shows_controls_as_pictures(
    hostile_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["results", "--db", str(hostile_db), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert not CONTROL.search(out.replace("\r", ""))
    assert one_line(HOSTILE["ansi-colour"]) in out
    assert "'" + HOSTILE["markup-click"] not in out  # markup is no formula: left alone
    assert HOSTILE["rtl-hebrew"] in out


def test_json_report_is_exact_and_escapes_every_control(
    hostile_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["results", "--db", str(hostile_db), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert not CONTROL.search(out)
    data: Any = json.loads(out)
    assert sorted(p["player"] for p in data["players"]) == sorted(PLAYERS)  # lossless
    wrong = {q["top_wrong"] for b in data["banks"] for q in b["questions"] if q["top_wrong"]}
    assert HOSTILE["ansi-osc8"] in wrong or HOSTILE["controls"] in wrong


async def test_teacher_view_shows_hostile_results_literally(hostile_db: Path) -> None:
    from tests.tui.test_hostile import stray_controls

    app = TeacherOnly(hostile_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TeacherScreen)
        players = [r[0] for r in cells(screen.query_one("#teacher-players", DataTable))]
        assert sorted(players) == sorted(one_line(p) for p in PLAYERS)
        assert not stray_controls(app)
        screen.query_one("#teacher-tabs", TabbedContent).active = "tab-questions"
        await pilot.pause()
        table = screen.query_one("#teacher-questions", DataTable)
        for row in range(table.row_count):
            table.move_cursor(row=row)
            await pilot.pause()
            heading = plain(screen.query_one("#detail-heading", Static))
            evidence = plain(screen.query_one("#detail-evidence", Static))
            assert "(" in heading and "] Passage about" in evidence
            assert not CONTROL.search(heading + evidence)
            assert not stray_controls(app)
        assert "␛" in " ".join(r[7] for r in cells(table))  # hostile wrong answers, visible
        for tab in ("tab-skills", "tab-scores"):
            screen.query_one("#teacher-tabs", TabbedContent).active = tab
            await pilot.pause()
            assert not stray_controls(app)
