"""Exam mode as a real test: drafts that can change until submit, skip, back, flag, review lists.

The results store must see exactly what was handed in: nothing before submit, then one final
record per answered question.
"""

from __future__ import annotations

import pytest

from quizgame.bank.loaded import LoadedBank
from quizgame.game.exam import ExamPaper
from quizgame.game.outcome import Outcome
from quizgame.game.records import MemorySink
from quizgame.game.session import GameSession
from tests.answers import right_response, wrong_response


def _paper(loaded_bank: LoadedBank) -> tuple[ExamPaper, MemorySink]:
    sink = MemorySink()
    return ExamPaper(GameSession(loaded_bank, mode="exam", seed=3, sink=sink)), sink


def test_answers_are_drafts_until_submit_and_the_last_one_counts(loaded_bank: LoadedBank) -> None:
    paper, sink = _paper(loaded_bank)
    first = paper.current
    assert first is not None
    paper.answer(wrong_response(first))
    paper.next()
    paper.back()
    assert paper.current is first and paper.draft(first.id) == wrong_response(first)
    paper.answer(right_response(first))  # changed my mind before submitting
    assert sink.answers == []  # nothing recorded before submit
    paper.submit()
    assert [a.question_id for a in sink.answers] == [first.id]
    rec = sink.answers[0]
    assert rec.outcome is Outcome.CORRECT and rec.final and rec.attempt == 1
    assert paper.session.finished and paper.current is None
    assert sink.finished[0][3] is True
    summary = paper.session.summary()
    assert summary.rows[0].outcome is Outcome.CORRECT
    assert all(r.outcome is None for r in summary.rows[1:])  # skipped: not answered, 0 points


def test_skip_back_goto_and_the_review_lists(loaded_bank: LoadedBank) -> None:
    paper, _ = _paper(loaded_bank)
    n = len(paper.questions)
    assert paper.back() is paper.questions[0]  # clamped at the first
    paper.next()  # skip question 1
    q2 = paper.current
    assert q2 is not None and q2.number == 2
    paper.answer(right_response(q2))
    assert paper.toggle_flag() is True
    paper.goto(n - 1)
    assert paper.at_last and paper.next() is None  # past the last: time to review
    assert paper.unanswered() == tuple(k for k in range(1, n + 1) if k != 2)
    assert paper.flagged() == (2,)
    paper.goto(1)
    assert paper.toggle_flag() is False and paper.flagged() == ()
    assert paper.answered_count == 1


def test_every_answer_is_scored_once_in_question_order(loaded_bank: LoadedBank) -> None:
    paper, sink = _paper(loaded_bank)
    for pq in reversed(paper.questions):  # answered from the back
        paper.goto(pq.number - 1)
        paper.answer(right_response(pq))
    paper.submit()
    paper.submit()  # a second submit does nothing
    assert [a.question_id for a in sink.answers] == [pq.id for pq in paper.questions]
    assert paper.session.score == paper.session.max_score
    with pytest.raises(RuntimeError):
        paper.answer("too late")


def test_leaving_hands_in_the_drafts_as_an_abandoned_game(loaded_bank: LoadedBank) -> None:
    paper, sink = _paper(loaded_bank)
    first = paper.current
    assert first is not None
    paper.answer(right_response(first))
    paper.session.abandon()  # what the app calls on quit / leave
    assert [a.question_id for a in sink.answers] == [first.id]
    assert sink.finished[0][3] is False and paper.submitted


def test_only_exams_have_a_paper(loaded_bank: LoadedBank) -> None:
    with pytest.raises(ValueError):
        ExamPaper(GameSession(loaded_bank, mode="practice"))
    with pytest.raises(RuntimeError):
        GameSession(loaded_bank, mode="practice").goto(2)
