"""Exam mode like a real test, driven by keys: skip, go back, flag, change an answer, review, submit.

Nothing reaches the results store before the exam is submitted, and what is stored is the answer
the student left in place.
"""

from __future__ import annotations

from typing import Any

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from quizgame.game.outcome import Outcome
from quizgame.play.exam_labels import SAVED_MARK
from quizgame.tui.screens.confirm_screen import ConfirmScreen
from quizgame.tui.screens.exam_review_screen import ExamReviewScreen
from quizgame.tui.screens.play_screen import PlayScreen
from quizgame.tui.screens.summary_screen import SummaryScreen
from quizgame.tui.widgets.choice_list import ChoiceList
from quizgame.tui.widgets.feedback_view import FeedbackView
from quizgame.tui.widgets.game_status import GameStatus
from quizgame.tui.widgets.question_view import QuestionView
from tests.tui.driver import Game, answer, answer_exam

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def draft(screen: PlayScreen) -> str:
    rendered = screen.query_one("#exam-draft", Static).render()
    return rendered.plain if isinstance(rendered, Text) else str(rendered)


def review_rows(app: Any) -> list[list[str]]:
    table = app.screen.query_one("#exam-review-table", DataTable)
    return [[c.plain for c in table.get_row_at(i)] for i in range(table.row_count)]


def on_screen(app: Any) -> Any:
    """The screen now on top (typed loosely: it changes under mypy's narrowing)."""
    return app.screen


async def press(pilot: Pilot[Any], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
async def test_skip_flag_go_back_change_review_and_submit(game: Game, size: Any) -> None:
    app = game.app(mode="exam")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        s = screen.session
        q1 = s.current
        assert q1 is not None and draft(screen) == "Not answered yet."
        wrong = await answer(pilot, q1, "wrong")
        await pilot.pause()
        assert s.current is not None and s.current.number == 2  # saved, on to the next
        assert (
            not screen.query(FeedbackView) and "Answered 1 of" in screen.query_one(GameStatus).text
        )
        await press(pilot, "right_square_bracket")  # skip question 2
        assert s.current.number == 3
        await press(pilot, "exclamation_mark")  # flag question 3
        assert draft(screen).startswith("⚑ Flagged · Not answered yet.")
        await press(pilot, "left_square_bracket")
        await press(pilot, "left")  # ← works as well as [
        assert s.current is q1 and screen.query_one(QuestionView).pq is q1
        shown = draft(screen)
        assert shown.startswith("Your answer: ") and "answer again to change it" in shown
        listed = screen.query_one(ChoiceList)  # the saved choice is marked, still pickable
        assert SAVED_MARK in listed.marks.values() and not listed.locked
        assert game.sink.answers == []  # nothing recorded: the answer can still change
        right = await answer(pilot, q1, "right")  # change my mind
        await pilot.pause()
        assert right != wrong and s.current.number == 2
        await press(pilot, "ctrl+r")
        review = app.screen
        assert isinstance(review, ExamReviewScreen)
        rows = review_rows(app)
        assert rows[0][:3] == ["1", "✓ Answered", ""]
        assert rows[1][:3] == ["2", "– Unanswered", ""]
        assert rows[2][:3] == ["3", "– Unanswered", "⚑ Flagged"]
        counts = review.query_one("#exam-review-counts", Static).render()
        assert "Unanswered: 2–" in str(counts) and "Flagged: 3" in str(counts)
        assert review.query_one("#exam-review-table", DataTable).cursor_row == 1  # first to look at
        await press(pilot, "down", "enter")  # jump to question 3
        assert app.screen is screen and s.current.number == 3
        await press(pilot, "ctrl+r", "s")  # unanswered and flagged: asks first
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "n")
        assert isinstance(app.screen, ExamReviewScreen) and game.sink.answers == []
        await press(pilot, "s", "y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert [a.question_id for a in game.sink.answers] == [q1.id]  # one record, the last answer
        assert game.sink.answers[0].outcome is Outcome.CORRECT and game.sink.answers[0].final
        assert game.sink.finished[0][3] is True


@pytest.mark.parametrize("size", SIZES)
async def test_the_last_answer_opens_the_review_and_esc_returns(game: Game, size: Any) -> None:
    app = game.app(mode="exam")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        await answer_exam(pilot, lambda pq: "right", submit=False)
        assert isinstance(app.screen, ExamReviewScreen)
        assert all(r[1] == "✓ Answered" for r in review_rows(app))
        last = screen.session.questions[-1]
        await press(pilot, "escape")  # back to the question on screen, nothing submitted
        assert on_screen(app) is screen and screen.session.current is last
        assert game.sink.answers == []
        await press(pilot, "right")  # → past the last question: the review again
        assert isinstance(app.screen, ExamReviewScreen)
        await press(pilot, "s")  # all answered, none flagged: submits at once
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert len(game.sink.answers) == len(screen.session.questions)
        assert screen.session.score == screen.session.max_score


async def test_exam_keys_only_in_exams(game: Game) -> None:
    app = game.app(mode="practice")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        assert screen.paper is None
        assert screen.check_action("flag", ()) is False
        assert screen.check_action("exam_review", ()) is False
        first = screen.session.current
        await press(pilot, "right_square_bracket", "ctrl+r")
        assert on_screen(app) is screen and screen.session.current is first


async def test_leaving_mid_exam_hands_in_the_drafts(game: Game) -> None:
    app = game.app(mode="exam")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        q1 = screen.session.current
        assert q1 is not None
        await answer(pilot, q1, "right")
        await press(pilot, "ctrl+q", "y")
    assert [a.question_id for a in game.sink.answers] == [q1.id]
    assert game.sink.finished[0][3] is False
