"""`evidence`: CommonLit-style two parts — a claim (Part A), then the passage that proves it (Part B).

Part B only counts when Part A is right: guessing the proof without the claim earns nothing. Moodle
has no two-part type, so interop exports it as two choice questions and joins them on import.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from quizgame.bank.models import EvidenceQuestion
from quizgame.game.kinds.base import Form, Layout, MoodleAnswer, QuestionKind, Shuffler, letter
from quizgame.game.outcome import Outcome, ResponseError, Scored, choice_feedback, outcome_for

if TYPE_CHECKING:
    from quizgame.bank.checks import AnswerCheck


class EvidenceKind(QuestionKind[EvidenceQuestion]):
    name = "evidence"
    model = EvidenceQuestion
    label = "Two-part question"
    form = Form.TWO_PART
    moodle_type: ClassVar[str | None] = None

    def answer_rules(self) -> AnswerCheck:
        from quizgame.bank.checks import (
            check_evidence_answers,  # not at import: checks pulls in YAML
        )

        return check_evidence_answers

    def score(self, q: EvidenceQuestion, response: Any) -> Scored:
        if not (isinstance(response, tuple) and len(response) == 2):
            raise ResponseError("an evidence question takes (part A, part B)")
        part_a, part_b = response
        ev_fb = choice_feedback(q, {part_a}) + choice_feedback(
            q.part_b, {part_b} if part_b else set()
        )
        if part_a != q.answer:
            return Scored(0.0, Outcome.WRONG, ev_fb)
        frac = 1.0 if part_b == q.part_b.answer else 0.5
        return Scored(frac, outcome_for(frac), ev_fb)

    def right_answer_text(self, q: EvidenceQuestion) -> str:
        return f"Part A: {q.answer} / Part B: {q.part_b.answer}"

    def response_text(self, q: EvidenceQuestion, response: Any) -> str:
        a, b = response
        return f"Part A: {a} / Part B: {b or '—'}"

    def response_json(self, q: EvidenceQuestion, response: Any) -> Any:
        return list(response)

    def layout(
        self, q: EvidenceQuestion, shuffled: Shuffler, rng: random.Random, shuffle: bool
    ) -> Layout:
        return Layout(
            choices=shuffled(q.choice_texts()), part_b_choices=shuffled(q.part_b.choice_texts())
        )

    def prompt(self, q: EvidenceQuestion, part_b: bool = False) -> str:
        return q.part_b.prompt if part_b else q.prompt

    def answer_hint(self, option_count: int, part_b: bool = False) -> str:
        part = "Part B" if part_b else "Part A"
        last = letter(option_count - 1)
        return f"{part}: press A–{last} (or 1–{min(option_count, 9)}), or ↑↓ and Enter."

    def part_b_proofs(self, q: EvidenceQuestion) -> tuple[str, ...]:
        return (q.part_b.answer,)

    def marked(
        self, q: EvidenceQuestion, response: Any, part_b: bool = False
    ) -> tuple[set[str], set[str]] | None:
        a, b = response
        return ({q.part_b.answer}, {b}) if part_b else ({q.answer}, {a})

    def right_texts(self, data: Mapping[str, Any]) -> list[str]:
        return []

    def moodle_answers(self, q: EvidenceQuestion) -> Sequence[MoodleAnswer]:
        return []
