"""A game that was left resumes where it stopped; the summary and the bank list show the player's
own best (issue 13, beyond). Real SQLite store, real key presses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quizgame.tui.app import QuizApp
from quizgame.tui.screens.confirm_screen import ConfirmScreen
from quizgame.tui.screens.picker_screen import BankPickerScreen
from quizgame.tui.screens.play_screen import PlayScreen
from quizgame.tui.screens.resume_screen import ResumeScreen
from quizgame.tui.screens.summary_screen import SummaryScreen
from tests.tui.driver import FrozenClock, screen_text, write_bank
from tests.tui.test_fair_play import MULTI, SHORT, TRUEFALSE
from tests.tui.test_learn_from_mistakes import play_through

THREE = TRUEFALSE + SHORT + MULTI


def _app(bank: Path, db: Path, **kwargs: Any) -> QuizApp:
    kwargs.setdefault("name", "Ada")
    return QuizApp([bank], db=str(db), seed=7, clock=FrozenClock(), remember_player=False, **kwargs)


async def _leave_after_one(bank: Path, db: Path) -> str:
    app = _app(bank, db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        await play_through(pilot, ["right"])
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        return screen.session.game_id


async def test_a_left_game_resumes_at_the_first_unanswered_question(tmp_path: Path) -> None:
    bank, db = write_bank(tmp_path, THREE), tmp_path / "results.sqlite3"
    left_id = await _leave_after_one(bank, db)
    app = _app(bank, db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        assert "Resume (question 2 of 3)" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        s = screen.session
        assert s.game_id == left_id and s.answered == 1 and s.current is not None
        assert s.current.number == 2
        await play_through(pilot, ["right", "right"])
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.summary.correct_count == 3  # the earlier answer counts
        assert "personal best" in screen_text(app)
    again = _app(bank, db)  # finished now: nothing to resume, straight into a new game
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, PlayScreen)
        assert again.screen.session.game_id != left_id


async def test_start_again_and_escape(tmp_path: Path) -> None:
    bank, db = write_bank(tmp_path, THREE), tmp_path / "results.sqlite3"
    left_id = await _leave_after_one(bank, db)
    app = _app(bank, db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        assert screen.session.game_id != left_id and screen.session.answered == 0


async def test_the_picker_shows_the_players_own_best(tmp_path: Path) -> None:
    bank, db = write_bank(tmp_path, THREE), tmp_path / "results.sqlite3"
    app = _app(bank, db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await play_through(pilot, ["right", "wrong", "right"])
        assert "First finished game" in screen_text(app)
    picker = _app(bank, db)
    picker.bank_paths = [bank, bank.with_name("other.yaml")]  # two paths: the bank list shows
    async with picker.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(picker.screen, BankPickerScreen)
        await picker.screen.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(picker)
        assert "Best: 2/3 (67 %)" in text, text
        assert "last played" in text
    stranger = _app(bank, db, name="Bea")
    stranger.bank_paths = [bank, bank.with_name("other.yaml")]
    async with stranger.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await stranger.screen.workers.wait_for_complete()
        await pilot.pause()
        assert "Best:" not in screen_text(stranger)  # nobody else's history
