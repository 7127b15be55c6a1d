"""`numeric`: a number, right within a tolerance; thousands separators and the unit may be typed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from quizgame.bank.models import NumericQuestion
from quizgame.game.kinds.base import Form, MoodleAnswer, QuestionKind, Shown
from quizgame.game.outcome import Outcome, ResponseError, Scored, outcome_for
from quizgame.text.numbers import format_number, parse_number

if TYPE_CHECKING:
    from quizgame.bank.checks import AnswerCheck


def number_with_unit(value: float, unit: str | None) -> str:
    return f"{format_number(value)} {unit}" if unit else format_number(value)


class NumericKind(QuestionKind[NumericQuestion]):
    name = "numeric"
    model = NumericQuestion
    label = "Number"
    form = Form.TEXT
    moodle_type: ClassVar[str | None] = "numerical"

    def answer_rules(self) -> AnswerCheck:
        from quizgame.bank.answer_checks import (
            check_numeric_answers,  # not at import: it pulls in YAML
        )

        return check_numeric_answers

    def score(self, q: NumericQuestion, response: Any) -> Scored:
        if isinstance(response, bool) or not isinstance(response, str | int | float):
            raise ResponseError("a numeric question takes the typed text (or a number)")
        value = response if not isinstance(response, str) else parse_number(response, q.unit)
        if value is None:
            unit = f", optionally followed by {q.unit!r}" if q.unit else ""
            return Scored(0.0, Outcome.WRONG, (f"That is not a number: type digits{unit}.",))
        frac = 1.0 if abs(float(value) - q.answer) <= q.tolerance + 1e-9 else 0.0
        return Scored(frac, outcome_for(frac), ())

    def right_answer_text(self, q: NumericQuestion) -> str:
        text = number_with_unit(q.answer, q.unit)
        return f"{text} (± {format_number(q.tolerance)})" if q.tolerance else text

    def options(self, pq: Shown, part_b: bool = False) -> tuple[str, ...]:
        return ()

    def answer_hint(self, option_count: int, part_b: bool = False) -> str:
        return "Type a number (1,000 and 1000 both work) and press Enter."

    def right_texts(self, data: Mapping[str, Any]) -> list[str]:
        try:
            return [format_number(float(data.get("answer", "")))]
        except (TypeError, ValueError):
            return []

    def moodle_answers(self, q: NumericQuestion) -> Sequence[MoodleAnswer]:
        return [MoodleAnswer(repr(q.answer).removesuffix(".0"), 100.0)]
