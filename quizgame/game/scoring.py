"""Scoring one response to one question: pure functions, no session state.

Each kind in `quizgame.game.kinds` scores its own type and knows its response shape:
choice → the chosen text; multi → the set of chosen texts; truefalse → bool; short → the typed text;
match → {left: chosen right}; evidence → (Part A text, Part B text or None). These functions are the
entry points the session, plain mode and the reports call; they hand each question to its kind.
"""

from __future__ import annotations

from typing import Any

from quizgame.game.kinds import AnyQuestion, kind_of
from quizgame.game.outcome import Outcome, ResponseError, Scored, outcome_for

__all__ = [
    "AnyQuestion",
    "Outcome",
    "ResponseError",
    "Scored",
    "outcome_for",
    "response_json",
    "response_text",
    "right_answer_text",
    "score",
]


def score(q: AnyQuestion, response: Any) -> Scored:
    """Score a response; raises ResponseError if its shape does not fit the question type.

    The author's feedback for the outcome (`feedback_correct`/`_partial`/`_wrong`) follows the
    kind's own notes.
    """
    scored = kind_of(q).score(q, response)
    extra = {
        Outcome.CORRECT: q.feedback_correct,
        Outcome.PARTIAL: q.feedback_partial,
        Outcome.WRONG: q.feedback_wrong,
    }[scored.outcome]
    if extra:
        return Scored(scored.fraction, scored.outcome, (*scored.feedback, extra))
    return scored


def right_answer_text(q: AnyQuestion) -> str:
    """The right answer in words, for feedback and the summary."""
    return kind_of(q).right_answer_text(q)


def response_text(q: AnyQuestion, response: Any) -> str:
    """A student's response in words (stored with results and shown in reviews)."""
    return kind_of(q).response_text(q, response)


def response_json(q: AnyQuestion, response: Any) -> Any:
    """A JSON-safe form of the response, for the results store."""
    return kind_of(q).response_json(q, response)
