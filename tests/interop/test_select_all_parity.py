"""Select-all scoring: the game and the exported Moodle weights give every response the same score.

Moodle scores a multiple-answer question as the sum of the weights of the ticked answers, clamped to
0…1. Each case below enumerates every subset of the choices and compares that sum (with the weights
exactly as the Moodle XML and GIFT exports write them) with the game's own score.
"""

from __future__ import annotations

import re
from itertools import chain, combinations

import pytest

from quizgame.bank.models import MultiQuestion
from quizgame.game.kinds import kind_of
from quizgame.interop.weighted import moodle_weight


def multi(n_choices: int, n_right: int) -> MultiQuestion:
    choices = [f"c{i}" for i in range(n_choices)]
    return MultiQuestion.model_validate(
        {
            "id": "m",
            "type": "multi",
            "prompt": "p",
            "choices": choices,
            "answers": choices[:n_right],
            "explanation": "e",
            "evidence": "x",
        }
    )


def moodle_score(weights: dict[str, float], ticked: set[str]) -> float:
    return min(1.0, max(0.0, sum(weights[t] for t in ticked) / 100))


@pytest.mark.parametrize(
    ("n_choices", "n_right"),
    [(2, 1), (3, 1), (4, 2), (5, 3), (5, 2), (6, 4), (7, 3), (8, 1), (9, 6), (10, 7)],
)
def test_every_response_scores_the_same_in_the_game_and_in_moodle(
    n_choices: int, n_right: int
) -> None:
    q = multi(n_choices, n_right)
    kind = kind_of(q)
    weights = {a.text: float(moodle_weight(a.fraction)) for a in kind.moodle_answers(q)}
    texts = q.choice_texts()
    subsets = chain.from_iterable(combinations(texts, k) for k in range(len(texts) + 1))
    count = 0
    for ticked in subsets:
        game = kind.score(q, set(ticked)).fraction
        assert moodle_score(weights, set(ticked)) == pytest.approx(game, abs=1e-4), ticked
        count += 1
    assert count == 2**n_choices


def test_the_issue_example_ticking_a_b_d_e() -> None:
    """3 right of 5 (A B C), ticking A B D E: 2 right − 2 wrong = 0 in both."""
    q = multi(5, 3)
    kind = kind_of(q)
    weights = {a.text: float(moodle_weight(a.fraction)) for a in kind.moodle_answers(q)}
    ticked = {"c0", "c1", "c3", "c4"}
    assert kind.score(q, ticked).fraction == 0 == moodle_score(weights, ticked)


def test_gift_export_writes_those_weights(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import BUNDLED_BANK
    from tests.interop.helpers import run_cli

    code, out, _ = run_cli(capsys, "export", str(BUNDLED_BANK), "--to", "gift")
    assert code == 0
    block = out.split("::macron-position::")[1].split("\n}")[0]
    weights = [float(w) for w in re.findall(r"~%(-?[\d.]+)%", block)]
    right = [w for w in weights if w > 0]
    assert right and all(w == pytest.approx(-right[0]) for w in weights if w < 0)
