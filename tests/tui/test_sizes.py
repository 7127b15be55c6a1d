"""Every main screen survives every terminal size from 20×8 to 300×100.

One app run per screen; the terminal is resized through the whole sweep inside it (cheaper than
a new app per size). The play screens use the hostile bank at its worst question: a 10,000-
character line of words, so wrapping and the stacked layout are pushed at every width.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from quizgame.tui.app import QuizApp
from quizgame.tui.screens.picker_screen import BankPickerScreen
from quizgame.tui.screens.play_screen import PlayScreen
from quizgame.tui.screens.player_screen import PlayerScreen
from quizgame.tui.screens.review_screen import ReviewScreen
from quizgame.tui.screens.summary_screen import SummaryScreen
from quizgame.tui.screens.teacher_screen import TeacherScreen
from quizgame.tui.widgets.feedback_view import FeedbackView
from tests.data.hostile import write_hostile_bank
from tests.results.fixtures import play_fixture
from tests.tui.driver import Game, answer, answer_exam

WIDTHS = (20, 21, 24, 30, 32, 40, 47, 60, 64, 80, 99, 100, 101, 120, 160, 200, 240, 300)
HEIGHTS = (8, 9, 10, 12, 16, 24, 33, 50, 75, 100)
MUST = [(20, 8), (300, 100), (20, 100), (300, 8), (40, 12), (80, 24), (99, 24), (100, 24)]
SIZES = list(
    dict.fromkeys(
        MUST
        + list(zip(WIDTHS, itertools.cycle(HEIGHTS), strict=False))
        + list(zip(WIDTHS, itertools.cycle(HEIGHTS[5:] + HEIGHTS[:5]), strict=False))
        + [(w, h) for h, w in zip(HEIGHTS, reversed(WIDTHS), strict=False)]
    )
)
# The 10,000-character question re-wraps at every size (slow): the corners and the usual sizes.
LONG_SIZES = [*MUST, (24, 16), (60, 50), (160, 33), (240, 75)]


def test_the_sweep_covers_the_range() -> None:
    assert len(SIZES) >= 40
    assert {(20, 8), (300, 100), (40, 12), (80, 24)} <= set(SIZES)
    assert min(w for w, _ in SIZES) == 20 and max(w for w, _ in SIZES) == 300
    assert min(h for _, h in SIZES) == 8 and max(h for _, h in SIZES) == 100


async def sweep(
    pilot: Pilot[Any], app: QuizApp, screen_type: type, sizes: list[tuple[int, int]] = SIZES
) -> None:
    screen = app.screen
    assert isinstance(screen, screen_type)
    for width, height in sizes:
        await pilot.resize_terminal(width, height)
        await pilot.pause()
        assert app.screen is screen, (width, height)
        assert app.size == (width, height)
        assert app.is_running
    # back to a usual size: the screen still works after the abuse
    await pilot.resize_terminal(100, 30)
    await pilot.pause()


async def test_picker_and_player_screens(game: Game) -> None:
    app = game.app([], name=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await sweep(pilot, app, BankPickerScreen)
        await pilot.press("enter")
        await pilot.pause()
        await sweep(pilot, app, PlayerScreen)
        await pilot.press("A", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)


LONG = ("long-line", "long-word")  # tests/data/hostile.py: 2,000 words; one 10,000-letter word
FEW = (*LONG, "rtl-arabic", "emoji", "ansi-colour", "markup-click")


@pytest.mark.parametrize("bank", ["bundled", "longest"])
async def test_play_screen_question_then_feedback(game: Game, tmp_path: Path, bank: str) -> None:
    banks = None if bank == "bundled" else [write_hostile_bank(tmp_path, keys=LONG)]
    sizes = SIZES if bank == "bundled" else LONG_SIZES
    app = game.app(banks)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        pq = screen.session.current
        assert pq is not None
        await sweep(pilot, app, PlayScreen, sizes)
        assert screen.query_one("#q-prompt", Static).size.height >= 1
        await answer(pilot, pq, "wrong")
        await pilot.pause()
        assert screen.query(FeedbackView)
        await sweep(pilot, app, PlayScreen, sizes)
        if screen.session.retry_open:  # the proof comes with the answer
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("e")  # step to the evidence at a usual size: still works
        await pilot.pause()
        assert screen.article.current_stop is not None


async def test_summary_and_review_screens(game: Game, tmp_path: Path) -> None:
    app = game.app([write_hostile_bank(tmp_path, keys=FEW)], mode="exam")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        await answer_exam(pilot, lambda pq: "wrong")
        await pilot.pause()
        await sweep(pilot, app, SummaryScreen)
        await pilot.press("home", "enter")  # the first row: the longest prompt
        await pilot.pause()
        await sweep(pilot, app, ReviewScreen, LONG_SIZES)


async def test_teacher_screen(game: Game, tmp_path: Path) -> None:
    from quizgame.results.sqlite_store import SqliteStore

    db = tmp_path / "class.sqlite3"
    store = SqliteStore(db)
    play_fixture(store)
    store.close()
    app = game.app([], name=None, db=str(db), open_teacher=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await sweep(pilot, app, TeacherScreen)
        await pilot.press("right")  # the questions tab, with its drill-down
        await pilot.pause()
        await sweep(pilot, app, TeacherScreen, LONG_SIZES)
