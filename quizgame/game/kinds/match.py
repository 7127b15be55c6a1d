"""`match`: pair each left item (a quote) with a right item (its speaker); credit per pair."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from quizgame.bank.models import MatchQuestion
from quizgame.game.kinds.base import Form, Layout, MoodleAnswer, QuestionKind, Shown, Shuffler
from quizgame.game.outcome import ResponseError, Scored, outcome_for

if TYPE_CHECKING:
    from quizgame.bank.checks import AnswerCheck


class MatchKind(QuestionKind[MatchQuestion]):
    name = "match"
    model = MatchQuestion
    label = "Match"
    form = Form.PAIRS
    moodle_type: ClassVar[str | None] = "matching"

    def answer_rules(self) -> AnswerCheck:
        from quizgame.bank.checks import check_match_answers  # not at import: checks pulls in YAML

        return check_match_answers

    def score(self, q: MatchQuestion, response: Any) -> Scored:
        if not isinstance(response, Mapping):
            raise ResponseError("a match question takes {left: right}")
        right_pairs = sum(1 for p in q.pairs if response.get(p.left) == p.right)
        frac = right_pairs / len(q.pairs)
        return Scored(frac, outcome_for(frac), ())

    def right_answer_text(self, q: MatchQuestion) -> str:
        return "; ".join(f"{p.left} → {p.right}" for p in q.pairs)

    def response_text(self, q: MatchQuestion, response: Any) -> str:
        return "; ".join(f"{p.left} → {response.get(p.left, '—')}" for p in q.pairs)

    def response_json(self, q: MatchQuestion, response: Any) -> Any:
        return dict(response)

    def layout(
        self, q: MatchQuestion, shuffled: Shuffler, rng: random.Random, shuffle: bool
    ) -> Layout:
        lefts = [p.left for p in q.pairs]
        rights = q.right_options()
        if shuffle:
            rng.shuffle(lefts)
        else:  # never leave the rights lined up with the lefts: that would give the answers away
            rights = sorted(rights, key=str.casefold)
        return Layout(match_left=tuple(lefts), match_right=shuffled(rights))

    def options(self, pq: Shown, part_b: bool = False) -> tuple[str, ...]:
        return ()

    def answer_hint(self, option_count: int, part_b: bool = False) -> str:
        return (
            "For each item press the letter of its match (or Enter to open the list), "
            "then Enter on Submit (or ctrl+s)."
        )

    def right_texts(self, data: Mapping[str, Any]) -> list[str]:
        return [str(p.get("left", "")) for p in data.get("pairs", [])]

    def moodle_answers(self, q: MatchQuestion) -> Sequence[MoodleAnswer]:
        pairs = [MoodleAnswer(p.right, 100.0, left=p.left) for p in q.pairs]
        return pairs + [MoodleAnswer(d, 0.0, left="") for d in q.distractors]
