"""`short`: a typed answer, compared ignoring case, spacing and punctuation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from quizgame.bank.checks import AnswerCheck, check_nothing
from quizgame.bank.models import ShortQuestion
from quizgame.game.kinds.base import Form, MoodleAnswer, QuestionKind, Shown
from quizgame.game.outcome import ResponseError, Scored, outcome_for
from quizgame.text.normalise import loose_key


class ShortKind(QuestionKind[ShortQuestion]):
    name = "short"
    model = ShortQuestion
    label = "Short answer"
    form = Form.TEXT
    moodle_type: ClassVar[str | None] = "shortanswer"

    def answer_rules(self) -> AnswerCheck:
        return check_nothing

    def score(self, q: ShortQuestion, response: Any) -> Scored:
        if not isinstance(response, str):
            raise ResponseError("a short question takes the typed text")
        key = loose_key(response)
        accepted = {loose_key(a) for a in (q.answer, *q.accept)}
        frac = 1.0 if key and key in accepted else 0.0
        return Scored(frac, outcome_for(frac), ())

    def right_answer_text(self, q: ShortQuestion) -> str:
        return q.answer

    def options(self, pq: Shown, part_b: bool = False) -> tuple[str, ...]:
        return ()

    def answer_hint(self, option_count: int, part_b: bool = False) -> str:
        return "Type your answer and press Enter."

    def right_texts(self, data: Mapping[str, Any]) -> list[str]:
        return [str(data.get("answer", "")), *(str(a) for a in data.get("accept", []))]

    def moodle_answers(self, q: ShortQuestion) -> Sequence[MoodleAnswer]:
        return [MoodleAnswer(a, 100.0) for a in (q.answer, *q.accept)]
