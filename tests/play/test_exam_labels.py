"""The words exam mode shows: saved answers, review rows, counts and the submit warning."""

from __future__ import annotations

from quizgame.bank.loaded import LoadedBank
from quizgame.game.exam import ExamPaper
from quizgame.game.session import GameSession
from quizgame.play.exam_labels import (
    SAVED_MARK,
    draft_line,
    draft_marks,
    numbers,
    review_cells,
    review_title,
    submit_warning,
)
from tests.answers import right_response


def test_numbers_are_short_ranges() -> None:
    assert numbers(()) == "none"
    assert numbers((2, 3)) == "2, 3"
    assert numbers((1, 3, 4, 5, 6, 9)) == "1, 3–6, 9"


def test_labels_say_status_in_words_and_symbols(loaded_bank: LoadedBank) -> None:
    paper = ExamPaper(GameSession(loaded_bank, mode="exam", seed=3))
    q1 = paper.questions[0]
    n = len(paper.questions)
    assert draft_line(paper, q1) == "Not answered yet."
    assert submit_warning(paper) == f"{n} unanswered (1–{n}) — they score 0"
    paper.answer(right_response(q1))
    paper.toggle_flag()
    assert draft_line(paper, q1).startswith("⚑ Flagged · Your answer: ")
    assert review_cells(paper, q1)[:3] == ("1", "✓ Answered", "⚑ Flagged")
    assert review_cells(paper, paper.questions[1])[1:3] == ("– Unanswered", "")
    assert review_title(paper) == f"Answered 1 of {n} · Unanswered: 2–{n} · Flagged: 1"
    assert submit_warning(paper) == f"{n - 1} unanswered (2–{n}) — they score 0; 1 flagged (1)"


def test_the_saved_choice_is_marked_neither_right_nor_wrong(loaded_bank: LoadedBank) -> None:
    paper = ExamPaper(GameSession(loaded_bank, mode="exam", seed=3))
    q1 = paper.questions[0]
    assert draft_marks(paper, q1) == {}
    paper.answer(q1.choices[1])
    assert draft_marks(paper, q1) == {1: SAVED_MARK}
    assert "✓" not in SAVED_MARK and "✗" not in SAVED_MARK
