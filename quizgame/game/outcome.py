"""What scoring one attempt yields: the outcome (right, partly right, wrong), its fraction and notes.

These are the values every question kind returns from `score`, so they live below the kinds.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


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


def choice_feedback(q: Any, chosen: Collection[str]) -> tuple[str, ...]:
    """The authors' notes on the choices that were picked, in choice order."""
    return tuple(c.feedback for c in q.choices if c.text in chosen and c.feedback)
