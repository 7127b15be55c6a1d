"""The teacher view, driven with Textual's Pilot on fixture databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from rich.text import Text
from textual.app import App
from textual.widgets import DataTable, Static, TabbedContent

from quizgame.bank.loaded import LoadedBank
from quizgame.game.session import GameSession
from quizgame.results import open_sink
from quizgame.results.sqlite_store import SqliteStore
from quizgame.tui.screens.teacher_screen import TeacherScreen
from quizgame.tui.widgets.teacher_bars import TeacherBarChart

CSS = Path(__file__).resolve().parents[2] / "quizgame" / "tui" / "app.tcss"


class TeacherOnly(App[None]):
    CSS_PATH = str(CSS)

    def __init__(self, db: Path) -> None:
        super().__init__()
        self.db = db

    def on_mount(self) -> None:
        self.push_screen(TeacherScreen(str(self.db)))


def cells(table: DataTable[Text]) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def plain(widget: Static) -> str:
    rendered = widget.render()
    return rendered.plain if isinstance(rendered, Text) else str(rendered)


async def test_tables_histogram_and_drill_down(class_db: Path) -> None:
    app = TeacherOnly(class_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TeacherScreen)
        players = cells(screen.query_one("#teacher-players", DataTable))
        assert [r[0] for r in players] == ["A", "B", "C", "D", "E"]
        assert players[0][2:5] == ["2", "2/3 (67%)", "3/3 (100%)"]

        screen.query_one("#teacher-tabs", TabbedContent).active = "tab-questions"
        await pilot.pause()
        questions = screen.query_one("#teacher-questions", DataTable)
        rows = cells(questions)
        assert [r[0] for r in rows] == ["q1", "q2", "q3"]
        assert rows[0][3:6] == ["0.60", "0.60", "1.00"]  # facility, first try, D
        assert rows[0][7] == "2× Paris"

        bars = screen.query_one("#detail-bars", TeacherBarChart)
        assert [(b.label, b.count, b.mark) for b in bars.bars] == [
            ("London", 3, "✓"),
            ("Paris", 2, "✗"),
        ]
        questions.focus()
        await pilot.press("down")  # drill into q2
        await pilot.pause()
        assert [(b.label, b.count) for b in bars.bars] == [("y", 2), ("z", 2), ("x", 1)]
        assert "q2" in plain(screen.query_one("#detail-heading", Static))

        summary = plain(screen.query_one("#teacher-histogram-title", Static))
        assert (
            "class mean 53% · SD 32.1 points · reliability (Cronbach's α / KR-20) 0.16" in summary
        )
        histogram = screen.query_one("#teacher-histogram", TeacherBarChart)
        assert sum(b.count for b in histogram.bars) == 5
        assert [b.label for b in histogram.bars if b.count] == [
            "10–19%",
            "30–39%",
            "50–59%",
            "60–69%",
            "90–100%",
        ]


async def test_evidence_and_skills_from_the_bundled_bank(
    tmp_path: Path, loaded_bank: LoadedBank
) -> None:
    db = tmp_path / "r.sqlite3"
    for player, choice in (("kim", 1), ("lee", 0), ("max", 1)):
        session = GameSession(loaded_bank, player=player, sink=open_sink(db), mode="exam")
        session.submit(session.questions[0].choices[choice])
        session.next()
        while session.current is not None:  # the rest timed out: a finished game counts
            session.time_up()
            session.next()
    main_idea = sum("main idea" in q.tags for q in loaded_bank.bank.questions)
    app = TeacherOnly(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        screen.query_one("#teacher-tabs", TabbedContent).active = "tab-questions"
        await pilot.pause()
        evidence = plain(screen.query_one("#detail-evidence", Static))
        assert "[p1] The Kremlin on Tuesday refuted" in evidence
        figures = plain(screen.query_one("#detail-figures", Static))
        assert "Right answer: The Kremlin" in figures
        skills = cells(screen.query_one("#teacher-skills", DataTable))
        by_tag = {r[0]: r for r in skills}
        # kim and max got the first "main idea" question right, lee none
        assert by_tag["main idea"][2] == f"{100 * 2 / (3 * main_idea):.0f}%"
        assert by_tag["main idea"][3] == str(1 + 2 * (1 / main_idea < 0.5))  # below 50 %


async def test_missing_database_says_no_results(tmp_path: Path) -> None:
    app = TeacherOnly(tmp_path / "none.sqlite3")
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = app.screen.query_one("#teacher-status", Static)
        assert "No results yet" in plain(status)
        assert not app.screen.query_one("#teacher-tabs", TabbedContent).display
    assert not (tmp_path / "none.sqlite3").exists()


async def test_newer_database_is_an_error_not_a_crash(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    SqliteStore(db).close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 50")
    conn.close()
    app = TeacherOnly(db)
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = app.screen.query_one("#teacher-status", Static)
        assert "newer quizgame" in plain(status)
        assert status.has_class("-error")


async def test_quizapp_opens_the_teacher_view(class_db: Path, tmp_path: Path) -> None:
    from quizgame.tui.app import QuizApp

    app = QuizApp(db=str(class_db), open_teacher=True, cwd=tmp_path, remember_player=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, TeacherScreen)
        assert app.screen.query_one("#teacher-players", DataTable).row_count == 5
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, TeacherScreen)  # back to the bank picker


async def test_responses_tab_follows_the_picked_player(class_db: Path) -> None:
    app = TeacherOnly(class_db)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        players = screen.query_one("#teacher-players", DataTable)
        players.focus()
        await pilot.press("down")  # A → B
        await pilot.pause()
        screen.query_one("#teacher-tabs", TabbedContent).active = "tab-responses"
        await pilot.pause()
        rows = cells(screen.query_one("#teacher-responses", DataTable))
        assert {r[0] for r in rows} == {"B"}
        # every attempt, the retry included: q2 wrong ("x"), then right for half the points
        assert [(r[2], r[3], r[4], r[5], r[6]) for r in rows] == [
            ("q1", "1", "London", "✓ right", "1/1"),
            ("q2", "1", "x", "✗ wrong", "0/1"),
            ("q2", "2", "z", "✓ right", "0.5/1"),  # right, at the retry credit
            ("q3", "1", "False", "✗ wrong", "0/1"),
        ]
        assert rows[0][1] == "#1 practice"
