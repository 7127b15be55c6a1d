"""Picker, player screen, small terminals, and untrusted text shown literally."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static

from quizgame.tui.screens.picker_screen import BankPickerScreen
from quizgame.tui.screens.play_screen import PlayScreen
from quizgame.tui.screens.player_screen import PlayerScreen
from quizgame.tui.screens.summary_screen import SummaryScreen
from quizgame.tui.widgets.choice_list import ChoiceList
from tests.tui.driver import BANK, Game, answer, screen_text, write_bank

HOSTILE = """  - id: hostile
    type: choice
    prompt: "[@click=app.quit]y[/] and [bold red]x[/]"
    choices: ["[b]bold?[/b]", "[link=http://evil]z[/link]"]
    answer: "[b]bold?[/b]"
    explanation: "[reverse]literal[/] explanation"
    evidence: The White House did not respond to an inquiry from The Post on Tuesday.
"""


def visible(widget: Static) -> str:
    return str(getattr(widget.visual, "plain", widget.visual))


async def test_picker_lists_banks_and_broken_ones_with_their_error(
    game: Game, tmp_path: Path
) -> None:
    good = write_bank(tmp_path, HOSTILE, title="Good one")
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: Broken\narticle: nowhere.txt\nquestions: []\n", encoding="utf-8")
    app = game.app([good, broken], name=None, cwd=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, BankPickerScreen)
        titles = [e.title for e in picker.entries]
        assert titles[0] == "Kremlin denies Trump's peacekeeper claim"  # bundled first
        assert "Good one" in titles and "Broken" in titles
        bad = next(e for e in picker.entries if e.title == "Broken")
        assert not bad.playable and bad.error and "broken.yaml" in bad.error
        assert bad.details.startswith("✗ cannot be played:")
        bundled = picker.entries[0]
        assert bundled.details.startswith("21 questions · Grades 8–10")
        assert bundled.headline.startswith("Kremlin denies Trump’s claim")
        text = screen_text(app)
        assert "✗ Broken" in text and "21 questions" in text
        # choosing the broken bank explains instead of crashing
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, BankPickerScreen)
        # the bundled bank goes on to the player screen
        await pilot.press("home", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        name = app.screen.query_one("#name", Input)
        assert name.has_focus
        await pilot.press("Z", "o", "e", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert app.screen.session.player == "Zoe"


async def test_player_screen_esc_goes_back(game: Game) -> None:
    app = game.app([], name=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BankPickerScreen)


async def test_markup_in_bank_and_name_is_shown_literally(game: Game, tmp_path: Path) -> None:
    bank = write_bank(tmp_path, HOSTILE, title='"[bold red]Title[/]"')
    app = game.app([bank], name="[b]Bob[/b]")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        prompt = screen.query_one("#q-prompt", Static)
        assert visible(prompt) == "[@click=app.quit]y[/] and [bold red]x[/]"
        choices = screen.query_one(ChoiceList)
        assert choices.prompt_text(0).plain == "[b]bold?[/b]"
        assert choices.prompt_text(1).plain == "[link=http://evil]z[/link]"
        text = screen_text(app)
        assert "[@click=app.quit]y[/] and [bold red]x[/]" in text
        assert "[link=http://evil]z[/link]" in text
        pq = screen.session.current
        assert pq is not None
        await answer(pilot, pq, "right")
        await pilot.pause()
        assert "[reverse]literal[/] explanation" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        text = screen_text(app)
        assert "[bold red]Title[/]" in text and "[b]Bob[/b]" in text
        assert app.is_running  # the [@click=app.quit] never became an action


async def test_tiny_terminal_never_crashes(game: Game) -> None:
    app = game.app([], name=None)
    async with app.run_test(size=(40, 12)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # player screen: remembered name is empty → a notice
        await pilot.press("A", "l", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        assert screen.stacked
        for size in [(40, 12), (200, 60), (41, 13), (80, 24), (40, 12)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
        pq = screen.session.current
        assert pq is not None
        await answer(pilot, pq, "wrong")
        await pilot.pause()
        if screen.result is None:  # the choice was below the fold: the first press showed it
            await answer(pilot, pq, "wrong")
            await pilot.pause()
        assert screen.result is not None
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press("escape", "enter", "enter")
        await pilot.pause()
        assert screen.session.index == 1
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert not screen.stacked
        await pilot.press("f2")  # the layout key stacks even when wide
        await pilot.pause()
        assert screen.stacked


def test_bundled_bank_path_is_the_fixture_bank() -> None:
    assert BANK.is_file()


async def test_picker_ignores_missing_questions_dir(game: Game, tmp_path: Path) -> None:
    app = game.app([], name=None, cwd=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, BankPickerScreen)
        assert len(picker.entries) == 1
        assert picker.query_one("#banks", OptionList).option_count == 1


TEACHER = "quizgame.tui.screens.teacher_screen"


async def test_teacher_key_without_teacher_view_notifies(
    game: Game, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, TEACHER, None)  # importing it now fails
    app = game.app([], name=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, BankPickerScreen)
        assert [n.message for n in app._notifications] == ["teacher view not available"]


class FakeTeacher(Screen[None]):
    def __init__(self, db: str | None) -> None:
        super().__init__()
        self.db = db


async def test_teacher_hooks_push_the_teacher_screen(
    game: Game, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = types.ModuleType(TEACHER)
    fake.TeacherScreen = FakeTeacher  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, TEACHER, fake)
    app = game.app([], name=None, db="/tmp/x.sqlite3", open_teacher=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FakeTeacher) and app.screen.db == "/tmp/x.sqlite3"
        app.pop_screen()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, BankPickerScreen)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, FakeTeacher)


async def test_the_mode_a_player_picks_is_offered_next_time_unless_the_bank_sets_one(
    game: Game, tmp_path: Path
) -> None:
    from quizgame.play.prefs import load_prefs, remember

    remember(mode="guided")
    app = game.app([BANK], name=None, remember_player=True)  # the bundled bank sets no mode
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayerScreen)
        assert screen.mode == "guided"  # the last mode picked, not the bank's default
        await pilot.press("A", "l", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert app.screen.session.mode.value == "guided"
    assert load_prefs().mode == "guided" and load_prefs().name == "Al"

    exam = write_bank(tmp_path, HOSTILE, extra="settings:\n  mode: exam\n")
    app = game.app([exam], name=None, remember_player=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayerScreen)
        assert screen.mode == "exam"  # the teacher's explicit mode holds
