"""`order`: put items in the article's order; credit is the share of pairs in the right order.

Each of the n·(n−1)/2 pairs of items counts once: a response with one item out of place by one
still earns most of the credit, a reversed list earns none. This is Moodle's ordering question
graded "relative to all previous and next items", so an exported question scores the same there.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import TYPE_CHECKING, Any, ClassVar

from quizgame.bank.models import OrderQuestion
from quizgame.game.kinds.base import Form, Layout, MoodleAnswer, QuestionKind, Shown, Shuffler
from quizgame.game.outcome import ResponseError, Scored, outcome_for

if TYPE_CHECKING:
    from quizgame.bank.checks import AnswerCheck


def ordered_pairs(right: Sequence[str], response: Sequence[str]) -> int:
    """How many pairs of items the response puts in the same order as `right`."""
    where = {item: i for i, item in enumerate(response)}
    return sum(1 for a, b in combinations(right, 2) if where[a] < where[b])


class OrderKind(QuestionKind[OrderQuestion]):
    name = "order"
    model = OrderQuestion
    label = "Put in order"
    form = Form.ORDER
    moodle_type: ClassVar[str | None] = "ordering"

    def answer_rules(self) -> AnswerCheck:
        from quizgame.bank.answer_checks import (
            check_order_answers,  # not at import: it pulls in YAML
        )

        return check_order_answers

    def score(self, q: OrderQuestion, response: Any) -> Scored:
        if isinstance(response, str | bytes) or not isinstance(response, Sequence):
            raise ResponseError("an order question takes the items in the chosen order")
        if sorted(response) != sorted(q.items):
            raise ResponseError("an order question takes every item exactly once")
        n = len(q.items)
        frac = ordered_pairs(q.items, response) / (n * (n - 1) // 2)
        return Scored(frac, outcome_for(frac), ())

    def right_answer_text(self, q: OrderQuestion) -> str:
        return " → ".join(q.items)

    def response_text(self, q: OrderQuestion, response: Any) -> str:
        return " → ".join(response)

    def response_json(self, q: OrderQuestion, response: Any) -> Any:
        return list(response)

    def layout(
        self, q: OrderQuestion, shuffled: Shuffler, rng: random.Random, shuffle: bool
    ) -> Layout:
        items = list(q.items)
        if shuffle:
            rng.shuffle(items)
        else:  # a stable order that is not the answer: alphabetical
            items.sort(key=str.casefold)
        if items == list(q.items):  # never show the answer as the starting order
            items.reverse()
        return Layout(order_items=tuple(items))

    def options(self, pq: Shown, part_b: bool = False) -> tuple[str, ...]:
        return ()

    def answer_hint(self, option_count: int, part_b: bool = False) -> str:
        return "↑↓ pick an item, Shift+↑↓ (or - and +) move it; Enter on Submit (or ctrl+s)."

    def right_texts(self, data: Mapping[str, Any]) -> list[str]:
        return [str(i) for i in data.get("items", [])]

    def moodle_answers(self, q: OrderQuestion) -> Sequence[MoodleAnswer]:
        return [MoodleAnswer(item, 100.0) for item in q.items]
