"""`truefalse`: a statement the student says is true or false."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from quizgame.bank.models import TrueFalseQuestion
from quizgame.game.kinds.base import Form, MoodleAnswer, QuestionKind, Shown
from quizgame.game.outcome import ResponseError, Scored, outcome_for

OPTIONS = ("True", "False")

if TYPE_CHECKING:
    from quizgame.bank.checks import AnswerCheck


def _word(value: Any) -> str:
    return "True" if value else "False"


class TrueFalseKind(QuestionKind[TrueFalseQuestion]):
    name = "truefalse"
    model = TrueFalseQuestion
    label = "True or false"
    form = Form.TRUEFALSE
    moodle_type: ClassVar[str | None] = "truefalse"

    def answer_rules(self) -> AnswerCheck:
        from quizgame.bank.checks import check_nothing  # not at import: checks pulls in YAML

        return check_nothing

    def score(self, q: TrueFalseQuestion, response: Any) -> Scored:
        if not isinstance(response, bool):
            raise ResponseError("a truefalse question takes True or False")
        frac = 1.0 if response == q.answer else 0.0
        fb = q.feedback_true if response else q.feedback_false
        return Scored(frac, outcome_for(frac), (fb,) if fb else ())

    def right_answer_text(self, q: TrueFalseQuestion) -> str:
        return _word(q.answer)

    def response_text(self, q: TrueFalseQuestion, response: Any) -> str:
        return _word(response)

    def options(self, pq: Shown, part_b: bool = False) -> tuple[str, ...]:
        return OPTIONS

    def answer_hint(self, option_count: int, part_b: bool = False) -> str:
        return "Press T or F (or 1 / 2), or ↑↓ and Enter, or click."

    def marked(
        self, q: TrueFalseQuestion, response: Any, part_b: bool = False
    ) -> tuple[set[str], set[str]] | None:
        return {_word(q.answer)}, {_word(response)}

    def right_texts(self, data: Mapping[str, Any]) -> list[str]:
        return []

    def moodle_answers(self, q: TrueFalseQuestion) -> Sequence[MoodleAnswer]:
        return [
            MoodleAnswer("true", 100.0 if q.answer else 0.0, q.feedback_true),
            MoodleAnswer("false", 0.0 if q.answer else 100.0, q.feedback_false),
        ]
