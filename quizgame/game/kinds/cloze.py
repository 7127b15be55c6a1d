"""`cloze`: a passage of the article with gaps; each gap typed (or picked from its list) and scored.

A typed gap is compared like a short answer (case, spacing and punctuation ignored); a gap with
distractors is a pick from a list. Credit is the share of gaps filled right.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from quizgame.bank.models import GAP, ClozeQuestion, filled_text
from quizgame.game.kinds.base import Form, Layout, MoodleAnswer, QuestionKind, Shown, Shuffler
from quizgame.game.outcome import ResponseError, Scored, outcome_for
from quizgame.text.normalise import loose_key

if TYPE_CHECKING:
    from quizgame.bank.checks import AnswerCheck


def gap_right(q: ClozeQuestion, index: int, given: str) -> bool:
    answer, gap = q.gap_specs()[index]
    if gap.distractors:
        return given == answer
    key = loose_key(given)
    return bool(key) and key in {loose_key(a) for a in (answer, *gap.accept)}


def with_gaps(text: str, fills: Sequence[str]) -> str:
    """The passage with each gap shown as `[fill]` (`[___]` where nothing was given)."""
    it = iter(fills)
    return GAP.sub(lambda m: f"[{next(it, '') or '___'}]", text)


def numbered_gaps(text: str) -> str:
    """The passage as a student sees it: `… we (1) ______ the Americans …`."""
    counter = iter(range(1, 1000))
    return GAP.sub(lambda m: f"({next(counter)}) ______", text)


class ClozeKind(QuestionKind[ClozeQuestion]):
    name = "cloze"
    model = ClozeQuestion
    label = "Fill the gaps"
    form = Form.GAPS
    moodle_type: ClassVar[str | None] = "cloze"

    def answer_rules(self) -> AnswerCheck:
        from quizgame.bank.answer_checks import (
            check_cloze_answers,  # not at import: it pulls in YAML
        )

        return check_cloze_answers

    def score(self, q: ClozeQuestion, response: Any) -> Scored:
        n = len(q.gap_specs())
        if isinstance(response, str | bytes) or not isinstance(response, Sequence):
            raise ResponseError("a cloze question takes one text per gap")
        if len(response) != n or not all(isinstance(r, str) for r in response):
            raise ResponseError(f"a cloze question takes {n} texts, one per gap")
        right = sum(1 for i, given in enumerate(response) if gap_right(q, i, given))
        frac = right / n
        return Scored(frac, outcome_for(frac), ())

    def right_answer_text(self, q: ClozeQuestion) -> str:
        return with_gaps(q.text, [a for a, _ in q.gap_specs()])

    def response_text(self, q: ClozeQuestion, response: Any) -> str:
        return with_gaps(q.text, list(response))

    def response_json(self, q: ClozeQuestion, response: Any) -> Any:
        return list(response)

    def layout(
        self, q: ClozeQuestion, shuffled: Shuffler, rng: random.Random, shuffle: bool
    ) -> Layout:
        options: list[tuple[str, ...]] = []
        for answer, gap in q.gap_specs():
            if not gap.distractors:
                options.append(())
                continue
            listed = [answer, *gap.distractors]
            if shuffle:
                rng.shuffle(listed)
            else:  # stable, and the answer is not always first
                listed.sort(key=str.casefold)
            options.append(tuple(listed))
        return Layout(gap_options=tuple(options))

    def options(self, pq: Shown, part_b: bool = False) -> tuple[str, ...]:
        return ()

    def answer_hint(self, option_count: int, part_b: bool = False) -> str:
        return "Fill each gap (type, or pick from its list); Tab moves on, Enter on Submit."

    def right_texts(self, data: Mapping[str, Any]) -> list[str]:
        text = data.get("text")
        return [filled_text(text)] if isinstance(text, str) else []

    def moodle_answers(self, q: ClozeQuestion) -> Sequence[MoodleAnswer]:
        return [
            MoodleAnswer(answer, 100.0, left=str(i + 1))
            for i, (answer, _) in enumerate(q.gap_specs())
        ]
