"""`short`: a typed answer, compared ignoring case, spacing and punctuation.

Numbers match whatever thousands separators they are typed with: `400,000,000`, `400 000 000`,
`400'000'000` and `400000000` are one answer (a dot is a decimal point, never a separator).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from quizgame.bank.models import ShortQuestion
from quizgame.game.kinds.base import Form, MoodleAnswer, QuestionKind, Shown
from quizgame.game.outcome import ResponseError, Scored, outcome_for
from quizgame.text.normalise import loose_key, normalise_text


def _key(text: str, case_sensitive: bool) -> str:
    """loose_key (spacing and punctuation do not count), keeping capitals when they count."""
    text = _THOUSANDS.sub("", text)  # 1,200 and 1200 are the same answer
    if not case_sensitive:
        return loose_key(text)
    folded = normalise_text(text, fold_case=False)
    return " ".join(_PUNCT.sub(" ", folded).split())


_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)


def _pattern(accepted: str, case_sensitive: bool) -> re.Pattern[str]:
    """An accepted answer with `*` (any words) as a regular expression over loose keys."""
    parts = [re.escape(_key(p, case_sensitive)) for p in accepted.split("*")]
    return re.compile(r"\s*.*?\s*".join(parts), 0 if case_sensitive else re.IGNORECASE)


def short_answer_right(q: ShortQuestion, typed: str) -> bool:
    """Moodle's short-answer matching: loose, `*` a wildcard in `accept`, capitals by `case_sensitive`."""
    cs = q.case_sensitive
    key = _key(typed, cs)
    if not key:
        return False
    for accepted in (q.answer, *q.accept):
        if "*" in accepted and accepted is not q.answer:
            if _pattern(accepted, cs).fullmatch(key):
                return True
        elif key == _key(accepted, cs):
            return True
    return False


if TYPE_CHECKING:
    from quizgame.bank.checks import AnswerCheck

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
        from quizgame.bank.checks import check_nothing  # not at import: checks pulls in YAML

        return check_nothing

    def score(self, q: ShortQuestion, response: Any) -> Scored:
        if not isinstance(response, str):
            raise ResponseError("a short question takes the typed text")
        frac = 1.0 if short_answer_right(q, response) else 0.0
        return Scored(frac, outcome_for(frac), ())

    def right_answer_text(self, q: ShortQuestion) -> str:
        return q.answer

    def options(self, pq: Shown, part_b: bool = False) -> tuple[str, ...]:
        return ()

    def answer_hint(self, option_count: int, part_b: bool = False) -> str:
        return "Type your answer and press Enter."

    def right_texts(self, data: Mapping[str, Any]) -> list[str]:
        accepted = (str(a) for a in data.get("accept", []))
        return [str(data.get("answer", "")), *(a for a in accepted if "*" not in a)]

    def moodle_answers(self, q: ShortQuestion) -> Sequence[MoodleAnswer]:
        return [MoodleAnswer(a, 100.0) for a in (q.answer, *q.accept)]
