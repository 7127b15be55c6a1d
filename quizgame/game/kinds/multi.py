"""`multi`: select all that apply; partial credit for partly right selections.

The one rule, in the game and in the exported Moodle weights alike: with R right choices, each right
choice ticked earns 1/R of the points and each wrong choice ticked takes 1/R away; the total is never
below zero (and cannot pass 1).
"""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from quizgame.bank.models import MultiQuestion
from quizgame.game.kinds.base import Form, Layout, MoodleAnswer, QuestionKind, Shuffler, letter
from quizgame.game.outcome import ResponseError, Scored, choice_feedback, outcome_for

if TYPE_CHECKING:
    from quizgame.bank.checks import AnswerCheck


class MultiKind(QuestionKind[MultiQuestion]):
    name = "multi"
    model = MultiQuestion
    label = "Select all that apply"
    form = Form.MANY
    moodle_type: ClassVar[str | None] = "multichoice"

    def answer_rules(self) -> AnswerCheck:
        from quizgame.bank.checks import check_multi_answers  # not at import: checks pulls in YAML

        return check_multi_answers

    def score(self, q: MultiQuestion, response: Any) -> Scored:
        if isinstance(response, str | bytes) or not isinstance(response, Collection):
            raise ResponseError("a multi question takes the set of chosen texts")
        chosen = set(response)
        right = set(q.answers)
        hits = len(chosen & right)
        misses = len(chosen - right)
        frac = max(0.0, (hits - misses) / len(right)) if right else 0.0
        return Scored(frac, outcome_for(frac), choice_feedback(q, chosen))

    def right_answer_text(self, q: MultiQuestion) -> str:
        return "; ".join(q.answers)

    def response_text(self, q: MultiQuestion, response: Any) -> str:
        order = q.choice_texts()
        return "; ".join(
            sorted(response, key=lambda t: order.index(t) if t in order else len(order))
        )

    def response_json(self, q: MultiQuestion, response: Any) -> Any:
        return sorted(response)

    def layout(
        self, q: MultiQuestion, shuffled: Shuffler, rng: random.Random, shuffle: bool
    ) -> Layout:
        return Layout(choices=shuffled(q.choice_texts()))

    def answer_hint(self, option_count: int, part_b: bool = False) -> str:
        last = letter(option_count - 1)
        return f"Select all that apply: A–{last} or space to tick, Enter to submit."

    def marked(
        self, q: MultiQuestion, response: Any, part_b: bool = False
    ) -> tuple[set[str], set[str]] | None:
        return set(q.answers), set(response)

    def right_texts(self, data: Mapping[str, Any]) -> list[str]:
        return [str(a) for a in data.get("answers", [])]

    def moodle_answers(self, q: MultiQuestion) -> Sequence[MoodleAnswer]:
        # The game's rule in Moodle's terms: each right tick +1/R, each wrong tick −1/R, the sum
        # clamped to 0…1 (as Moodle clamps it), so both give every response the same score.
        share = 100 / len(set(q.answers))
        right = set(q.answers)
        return [
            MoodleAnswer(c.text, share if c.text in right else -share, c.feedback)
            for c in q.choices
        ]
