"""Scoring rules per type, including partial credit and Part B gating."""

from __future__ import annotations

from typing import Any

import pytest

from quizgame.bank.models import (
    EvidenceQuestion,
    MatchQuestion,
    MultiQuestion,
    ShortQuestion,
    TrueFalseQuestion,
)
from quizgame.game.scoring import Outcome, ResponseError, response_text, right_answer_text, score

EV = {"explanation": "x", "evidence": ["q"]}


def multi() -> MultiQuestion:
    return MultiQuestion(
        id="m", type="multi", prompt="p", choices=["a", "b", "c", "d"], answers=["a", "b"], **EV
    )


@pytest.mark.parametrize(
    ("chosen", "fraction", "outcome"),
    [
        ({"a", "b"}, 1.0, Outcome.CORRECT),
        ({"a"}, 0.5, Outcome.PARTIAL),
        ({"a", "c"}, 0.0, Outcome.WRONG),
        ({"a", "b", "c"}, 0.5, Outcome.PARTIAL),
        (set(), 0.0, Outcome.WRONG),
        ({"c", "d"}, 0.0, Outcome.WRONG),
    ],
)
def test_multi_partial_credit(chosen: set[str], fraction: float, outcome: Outcome) -> None:
    s = score(multi(), chosen)
    assert (s.fraction, s.outcome) == (fraction, outcome)


def test_short_ignores_case_space_and_punctuation() -> None:
    q = ShortQuestion(
        id="s", type="short", prompt="p", answer="Interfax", accept=["Interfax news agency"], **EV
    )
    assert score(q, "  interfax. ").outcome is Outcome.CORRECT
    assert score(q, "INTERFAX  NEWS-AGENCY!").outcome is Outcome.CORRECT
    assert score(q, "TASS").outcome is Outcome.WRONG
    assert score(q, "").outcome is Outcome.WRONG


def test_truefalse_feedback_follows_the_response() -> None:
    q = TrueFalseQuestion(
        id="t", type="truefalse", prompt="p", answer=False, feedback_true="Look again", **EV
    )
    assert score(q, True).feedback == ("Look again",)
    assert score(q, False).outcome is Outcome.CORRECT
    assert right_answer_text(q) == "False"


def test_match_partial_credit_per_pair() -> None:
    q = MatchQuestion(
        id="m",
        type="match",
        prompt="p",
        pairs=[
            {"left": "q1", "right": "A"},
            {"left": "q2", "right": "B"},
            {"left": "q3", "right": "A"},
        ],
        distractors=["C"],
        **EV,
    )
    assert q.right_options() == ["A", "B", "C"]
    assert score(q, {"q1": "A", "q2": "B", "q3": "A"}).outcome is Outcome.CORRECT
    s = score(q, {"q1": "A", "q2": "C"})
    assert s.outcome is Outcome.PARTIAL and s.fraction == pytest.approx(1 / 3)
    assert response_text(q, {"q1": "A"}) == "q1 → A; q2 → —; q3 → —"


def test_evidence_part_b_counts_only_when_part_a_is_right() -> None:
    q = EvidenceQuestion(
        id="e",
        type="evidence",
        prompt="A?",
        choices=["yes", "no"],
        answer="yes",
        part_b={"choices": ["proof", "other"], "answer": "proof"},
        **EV,
    )
    assert score(q, ("yes", "proof")).fraction == 1.0
    assert score(q, ("yes", "other")).fraction == 0.5
    assert score(q, ("yes", "other")).outcome is Outcome.PARTIAL
    assert score(q, ("no", "proof")).fraction == 0.0


@pytest.mark.parametrize("bad", [3, None, ["a"]])
def test_wrong_response_shape_is_a_response_error(bad: Any) -> None:
    q = ShortQuestion(id="s", type="short", prompt="p", answer="x", **EV)
    with pytest.raises(ResponseError):
        score(q, bad)
    with pytest.raises(ResponseError):
        score(multi(), "a")


def test_outcome_symbols_and_words() -> None:
    assert [(o.symbol, o.label) for o in Outcome] == [
        ("✓", "Correct"),
        ("◐", "Partly right"),
        ("✗", "Wrong"),
    ]
