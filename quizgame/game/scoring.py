"""Scoring one response to one question: pure functions, no session state.

Each type has a response shape the UI (TUI, plain mode, tests) builds:
choice → the chosen text; multi → the set of chosen texts; truefalse → bool; short → the typed text;
match → {left: chosen right}; evidence → (Part A text, Part B text or None).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from quizgame.bank.models import (
    ChoiceQuestion,
    EvidenceQuestion,
    MatchQuestion,
    MultiQuestion,
    ShortQuestion,
    TrueFalseQuestion,
)
from quizgame.text.normalise import loose_key

AnyQuestion = (
    ChoiceQuestion
    | MultiQuestion
    | TrueFalseQuestion
    | ShortQuestion
    | MatchQuestion
    | EvidenceQuestion
)
Response = str | bool | Collection[str] | Mapping[str, str] | tuple[str, str | None]


class Outcome(StrEnum):
    CORRECT = "correct"
    PARTIAL = "partial"
    WRONG = "wrong"

    @property
    def symbol(self) -> str:
        return {"correct": "✓", "partial": "◐", "wrong": "✗"}[self.value]

    @property
    def label(self) -> str:
        return {"correct": "Correct", "partial": "Partly right", "wrong": "Wrong"}[self.value]


class ResponseError(ValueError):
    """The response has the wrong shape for the question type (a UI bug, not a student error)."""


@dataclass(frozen=True, slots=True)
class Scored:
    fraction: float
    outcome: Outcome
    feedback: tuple[str, ...]


def outcome_for(fraction: float) -> Outcome:
    if fraction >= 1 - 1e-9:
        return Outcome.CORRECT
    if fraction <= 1e-9:
        return Outcome.WRONG
    return Outcome.PARTIAL


def _choice_feedback(q: Any, chosen: Collection[str]) -> tuple[str, ...]:
    return tuple(c.feedback for c in q.choices if c.text in chosen and c.feedback)


def score(q: AnyQuestion, response: Any) -> Scored:
    """Score a response; raises ResponseError if its shape does not fit the question type."""
    if isinstance(q, ChoiceQuestion):
        if not isinstance(response, str):
            raise ResponseError("a choice question takes the chosen text")
        frac = 1.0 if response == q.answer else 0.0
        return Scored(frac, outcome_for(frac), _choice_feedback(q, {response}))
    if isinstance(q, MultiQuestion):
        if isinstance(response, str | bytes) or not isinstance(response, Collection):
            raise ResponseError("a multi question takes the set of chosen texts")
        chosen = set(response)
        right = set(q.answers)
        hits = len(chosen & right)
        misses = len(chosen - right)
        frac = max(0.0, (hits - misses) / len(right)) if right else 0.0
        return Scored(frac, outcome_for(frac), _choice_feedback(q, chosen))
    if isinstance(q, TrueFalseQuestion):
        if not isinstance(response, bool):
            raise ResponseError("a truefalse question takes True or False")
        frac = 1.0 if response == q.answer else 0.0
        fb = q.feedback_true if response else q.feedback_false
        return Scored(frac, outcome_for(frac), (fb,) if fb else ())
    if isinstance(q, ShortQuestion):
        if not isinstance(response, str):
            raise ResponseError("a short question takes the typed text")
        key = loose_key(response)
        accepted = {loose_key(a) for a in (q.answer, *q.accept)}
        frac = 1.0 if key and key in accepted else 0.0
        return Scored(frac, outcome_for(frac), ())
    if isinstance(q, MatchQuestion):
        if not isinstance(response, Mapping):
            raise ResponseError("a match question takes {left: right}")
        right_pairs = sum(1 for p in q.pairs if response.get(p.left) == p.right)
        frac = right_pairs / len(q.pairs)
        return Scored(frac, outcome_for(frac), ())
    if isinstance(q, EvidenceQuestion):
        if not (isinstance(response, tuple) and len(response) == 2):
            raise ResponseError("an evidence question takes (part A, part B)")
        part_a, part_b = response
        ev_fb = _choice_feedback(q, {part_a}) + _choice_feedback(
            q.part_b, {part_b} if part_b else set()
        )
        if part_a != q.answer:
            return Scored(0.0, Outcome.WRONG, ev_fb)
        frac = 1.0 if part_b == q.part_b.answer else 0.5
        return Scored(frac, outcome_for(frac), ev_fb)
    raise ResponseError(f"unknown question type {type(q).__name__}")  # pragma: no cover


def right_answer_text(q: AnyQuestion) -> str:
    """The right answer in words, for feedback and the summary."""
    if isinstance(q, ChoiceQuestion):
        return q.answer
    if isinstance(q, MultiQuestion):
        return "; ".join(q.answers)
    if isinstance(q, TrueFalseQuestion):
        return "True" if q.answer else "False"
    if isinstance(q, ShortQuestion):
        return q.answer
    if isinstance(q, MatchQuestion):
        return "; ".join(f"{p.left} → {p.right}" for p in q.pairs)
    return f"Part A: {q.answer} / Part B: {q.part_b.answer}"


def response_text(q: AnyQuestion, response: Any) -> str:
    """A student's response in words (stored with results and shown in reviews)."""
    if isinstance(q, TrueFalseQuestion):
        return "True" if response else "False"
    if isinstance(q, MultiQuestion):
        order = q.choice_texts()
        return "; ".join(
            sorted(response, key=lambda t: order.index(t) if t in order else len(order))
        )
    if isinstance(q, MatchQuestion):
        return "; ".join(f"{p.left} → {response.get(p.left, '—')}" for p in q.pairs)
    if isinstance(q, EvidenceQuestion):
        a, b = response
        return f"Part A: {a} / Part B: {b or '—'}"
    return str(response)


def response_json(q: AnyQuestion, response: Any) -> Any:
    """A JSON-safe form of the response, for the results store."""
    if isinstance(q, MultiQuestion):
        return sorted(response)
    if isinstance(q, MatchQuestion):
        return dict(response)
    if isinstance(q, EvidenceQuestion):
        return list(response)
    return response
