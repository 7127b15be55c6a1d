"""`choice`: one right answer among the choices."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from quizgame.bank.models import ChoiceQuestion
from quizgame.game.kinds.base import Form, Layout, MoodleAnswer, QuestionKind, Shuffler, pick_hint
from quizgame.game.outcome import ResponseError, Scored, choice_feedback, outcome_for

if TYPE_CHECKING:
    from quizgame.bank.checks import AnswerCheck


class ChoiceKind(QuestionKind[ChoiceQuestion]):
    name = "choice"
    model = ChoiceQuestion
    label = "Multiple choice"
    form = Form.ONE
    moodle_type: ClassVar[str | None] = "multichoice"

    def answer_rules(self) -> AnswerCheck:
        from quizgame.bank.checks import check_choice_answers  # not at import: checks pulls in YAML

        return check_choice_answers

    def score(self, q: ChoiceQuestion, response: Any) -> Scored:
        if not isinstance(response, str):
            raise ResponseError("a choice question takes the chosen text")
        frac = 1.0 if response == q.answer else 0.0
        return Scored(frac, outcome_for(frac), choice_feedback(q, {response}))

    def right_answer_text(self, q: ChoiceQuestion) -> str:
        return q.answer

    def layout(
        self, q: ChoiceQuestion, shuffled: Shuffler, rng: random.Random, shuffle: bool
    ) -> Layout:
        return Layout(choices=shuffled(q.choice_texts()))

    def answer_hint(self, option_count: int, part_b: bool = False) -> str:
        return pick_hint(option_count)

    def marked(
        self, q: ChoiceQuestion, response: Any, part_b: bool = False
    ) -> tuple[set[str], set[str]] | None:
        return {q.answer}, {response}

    def right_texts(self, data: Mapping[str, Any]) -> list[str]:
        return [str(data.get("answer", ""))]

    def moodle_answers(self, q: ChoiceQuestion) -> Sequence[MoodleAnswer]:
        return [
            MoodleAnswer(c.text, 100.0 if c.text == q.answer else 0.0, c.feedback)
            for c in q.choices
        ]
