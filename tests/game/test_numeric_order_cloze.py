"""The numeric, order and cloze kinds: scoring rules, response shapes and what `check` says."""

from __future__ import annotations

from itertools import combinations, permutations
from pathlib import Path

import pytest
from pydantic import ValidationError

from quizgame.bank.loader import load_bank
from quizgame.bank.models import ClozeQuestion, NumericQuestion, OrderQuestion
from quizgame.game.kinds import kind_of
from quizgame.game.outcome import Outcome, ResponseError
from quizgame.play.plain_inputs import parse_order
from quizgame.text.numbers import format_number, parse_number
from tests.bank.test_check import HEADER, write_bank

BASE = {"id": "q", "prompt": "p?", "explanation": "e", "evidence": ["x"]}


def numeric(**kw: object) -> NumericQuestion:
    return NumericQuestion.model_validate({**BASE, "type": "numeric", "answer": 1200, **kw})


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1200", 1200),
        ("1,200", 1200),
        ("1 200", 1200),
        ("1\u202f200", 1200),
        ("1,200.5", 1200.5),
        ("-3", -3),
        ("2,5", 2.5),
        ("12 people", 12),
        ("12 PERSON", None),
        ("1,2345,6", None),
        ("twelve", None),
        ("", None),
        ("1e9", None),
    ],
)
def test_numbers_are_read_with_thousands_separators(typed: str, value: float | None) -> None:
    assert parse_number(typed, "people") == value


def test_numbers_are_written_with_thousands_separators() -> None:
    assert (format_number(1200), format_number(2.5), format_number(-0.25)) == (
        "1,200",
        "2.5",
        "-0.25",
    )


def test_numeric_scoring_tolerance_and_unit() -> None:
    q = numeric(tolerance=50, unit="people")
    kind = kind_of(q)
    assert kind.score(q, "1,250 people").outcome is Outcome.CORRECT
    assert kind.score(q, "1150").outcome is Outcome.CORRECT
    assert kind.score(q, "1251").outcome is Outcome.WRONG
    scored = kind.score(q, "about a thousand")
    assert scored.outcome is Outcome.WRONG and "not a number" in scored.feedback[0]
    assert kind.right_answer_text(q) == "1,200 people (± 50)"
    with pytest.raises(ResponseError):
        kind.score(q, True)


def order() -> OrderQuestion:
    return OrderQuestion.model_validate({**BASE, "type": "order", "items": list("ABCD")})


def test_order_credit_is_the_share_of_pairs_in_order() -> None:
    q = order()
    kind = kind_of(q)
    for response in permutations("ABCD"):
        in_order = sum(
            1 for a, b in combinations("ABCD", 2) if response.index(a) < response.index(b)
        )
        assert kind.score(q, list(response)).fraction == pytest.approx(in_order / 6)
    assert kind.score(q, list("BACD")).fraction == pytest.approx(5 / 6)
    assert kind.score(q, list("DCBA")).outcome is Outcome.WRONG
    with pytest.raises(ResponseError):
        kind.score(q, list("ABC"))


def test_order_never_starts_in_the_right_order() -> None:
    import random

    q = OrderQuestion.model_validate({**BASE, "type": "order", "items": ["a", "b", "c"]})
    for seed in range(20):
        layout = kind_of(q).layout(q, tuple, random.Random(seed), True)
        assert sorted(layout.order_items) == ["a", "b", "c"]
        assert list(layout.order_items) != q.items
    assert kind_of(q).layout(q, tuple, random.Random(1), False).order_items == ("c", "b", "a")


def test_plain_order_input() -> None:
    assert parse_order("3 1 2 4", 4) == [2, 0, 1, 3]
    assert parse_order("3,1,2,4", 4) == [2, 0, 1, 3]
    assert parse_order("C A B D", 4) == [2, 0, 1, 3]
    assert parse_order("3 1 2", 4) is None
    assert parse_order("3 3 2 1", 4) is None
    assert parse_order("5 1 2 3", 4) is None


def cloze(**kw: object) -> ClozeQuestion:
    data = {
        "id": "c",
        "type": "cloze",
        "explanation": "e",
        "text": "we [[trust]] the [[Americans]]",
        **kw,
    }
    return ClozeQuestion.model_validate(data)


def test_cloze_scores_each_gap_and_its_text_is_its_evidence() -> None:
    q = cloze(gaps=[{"distractors": ["fear"]}, {"accept": ["US"]}])
    kind = kind_of(q)
    assert q.evidence[0].quote == "we trust the Americans"
    assert kind.score(q, ("trust", "the americans!")).fraction == 0.5  # gap 2: its words only
    assert kind.score(q, ("trust", "americans")).outcome is Outcome.CORRECT
    assert kind.score(q, ("trust", " us ")).outcome is Outcome.CORRECT
    assert kind.score(q, ("Trust", "US")).fraction == 0.5  # a picked gap is exact
    assert kind.right_answer_text(q) == "we [trust] the [Americans]"
    assert kind.response_text(q, ("fear", "")) == "we [fear] the [___]"
    with pytest.raises(ResponseError):
        kind.score(q, ("trust",))
    assert ClozeQuestion.model_validate(q.model_dump()) == q  # the evidence is not added twice


@pytest.mark.parametrize(
    ("text", "gaps", "message"),
    [
        ("no gaps here", [], "at least one gap"),
        ("an [[]] gap", [], "a gap is empty"),
        ("an [[open gap", [], "not closed"),
        ("one [[gap]]", [{}, {}], "`gaps` lists 2 but the text has 1 gap"),
    ],
)
def test_cloze_text_must_fit_its_gaps(text: str, gaps: list[object], message: str) -> None:
    with pytest.raises(ValidationError, match=message.replace("[", r"\[")):
        cloze(text=text, gaps=gaps)


NEW_TYPES = """\
  - id: n
    type: numeric
    prompt: How many?
    answer: 2
    tolerance: 5
    explanation: e
    evidence: The Kremlin on Tuesday refuted President Trump's claim
  - id: o
    type: order
    prompt: Order them
    items: [First, Second, first]
    explanation: e
    evidence: The Kremlin on Tuesday refuted President Trump's claim
  - id: c
    type: cloze
    text: The Kremlin on [[Tuesday]] refuted President [[Biden]]'s claim
    gaps:
      - distractors: [Monday, tuesday]
        accept: [tue]
      - {}
    explanation: e
"""


def test_check_rules_for_the_new_types(tmp_path: Path) -> None:
    result = load_bank(write_bank(tmp_path, HEADER + NEW_TYPES))
    found = [(d.line, d.severity.value, d.message) for d in result.diagnostics]
    assert found == [
        (8, "warning", "tolerance 5 is as large as the answer 2"),
        (14, "error", "item 'first' appears twice"),
        (19, "error", "the cloze text with its gaps filled in is not in the article"),
        (21, "error", "gap 1: distractor 'tuesday' is the gap's answer"),
        (22, "warning", "gap 1: `accept` has no effect on a gap with distractors"),
    ]
