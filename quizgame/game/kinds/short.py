"""`short`: a typed answer, compared ignoring case, spacing and punctuation.

Numbers match whatever thousands separators they are typed with: `400,000,000`, `400 000 000`,
`400'000'000` and `400000000` are one answer (a dot is a decimal point, never a separator).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from quizgame.bank.checks import AnswerCheck, check_nothing
from quizgame.bank.models import ShortQuestion
from quizgame.game.kinds.base import Form, MoodleAnswer, QuestionKind, Shown
from quizgame.game.outcome import ResponseError, Scored, outcome_for
from quizgame.text.normalise import loose_key

# a separator between digit groups: a digit before, exactly three digits (then no digit) after
_THOUSANDS = re.compile(r"(?<=\d)[,'’_ \u00a0\u202f](?=\d{3}(?!\d))")


def short_key(text: str) -> str:
    """The comparison key for a typed answer: `loose_key` after joining digit groups."""
    return loose_key(_THOUSANDS.sub("", text))


def near_miss(typed: str, accepted: tuple[str, ...]) -> bool:
    """One typo from an accepted answer (a letter added, dropped, changed or two swapped), on
    answers of four characters or more (a short word one letter off is another word)."""
    key = short_key(typed)
    for answer in accepted:
        want = short_key(answer)
        if min(len(key), len(want)) >= 4 and key != want and _one_edit(key, want):
            return True
    return False


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diff) == 1:
            return True
        i = diff[0] if len(diff) == 2 else -1
        return len(diff) == 2 and diff[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return short[i:] == long[i + 1 :]


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
        key = short_key(response)
        accepted = {short_key(a) for a in (q.answer, *q.accept)}
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
