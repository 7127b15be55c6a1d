"""The kind registry is the one list of question types, and every kind has every part.

A new type is a module in quizgame/game/kinds/; these tests fail when it is not registered, when
the bank format and the registry disagree, or when a hook is missing or answers nonsense for a real
question of that type (the bundled bank has every type).
"""

from __future__ import annotations

import inspect
import random
import typing
from typing import Any

import pytest

from quizgame.bank.checks import ANSWER_CHECKS
from quizgame.bank.loaded import LoadedBank
from quizgame.bank.models import QUESTION_TYPES, Question
from quizgame.game.kinds import KINDS, Form, QuestionKind, kind_named, kind_of
from quizgame.game.outcome import Outcome, Scored
from quizgame.game.presented import PresentedQuestion
from tests.answers import right_response

NAMES = [k.name for k in KINDS]


def _union_models() -> set[type]:
    union = typing.get_args(Question)[0]
    return set(typing.get_args(union))


def test_the_registry_and_the_bank_format_list_the_same_types() -> None:
    models = {k.model for k in KINDS}
    assert len(models) == len(KINDS) == len(set(NAMES))
    assert models == _union_models()
    assert models == set(QUESTION_TYPES.values())
    assert models == set(ANSWER_CHECKS)
    for k in KINDS:
        assert QUESTION_TYPES[k.name] is k.model
        assert kind_named(k.name) is k


@pytest.mark.parametrize("kind", KINDS, ids=NAMES)
def test_every_kind_fills_in_every_part(kind: QuestionKind[Any]) -> None:
    assert not inspect.isabstract(type(kind))
    assert kind.label and isinstance(kind.form, Form)
    assert kind.answer_rules() is ANSWER_CHECKS[kind.model]
    assert kind.moodle_type in (
        None,
        "multichoice",
        "truefalse",
        "shortanswer",
        "matching",
        "numerical",
        "ordering",
        "cloze",
    )


@pytest.mark.parametrize("kind", KINDS, ids=NAMES)
def test_every_hook_works_on_a_real_question(
    kind: QuestionKind[Any], loaded_bank: LoadedBank
) -> None:
    questions = [q for q in loaded_bank.bank.questions if kind_of(q) is kind]
    assert questions, f"the bundled bank has no {kind.name!r} question to exercise the kind with"
    q = questions[0]
    layout = kind.layout(q, tuple, random.Random(1), False)
    pq = PresentedQuestion(
        1,
        1,
        q,
        layout.choices,
        part_b_choices=layout.part_b_choices,
        match_left=layout.match_left,
        match_right=layout.match_right,
        order_items=layout.order_items,
        gap_options=layout.gap_options,
    )
    response = right_response(pq)
    scored = kind.score(q, response)
    assert isinstance(scored, Scored) and scored.outcome is Outcome.CORRECT
    assert kind.right_answer_text(q)
    assert kind.response_text(q, response)
    kind.response_json(q, response)
    assert kind.prompt(q) == q.prompt
    options = kind.options(pq)
    assert kind.answer_hint(max(len(options), 1))
    marked = kind.marked(q, response)
    if kind.form in (Form.ONE, Form.MANY, Form.TRUEFALSE, Form.TWO_PART):
        assert marked is not None and marked[0] == marked[1] and marked[0] <= set(options)
    dumped = q.model_dump()
    assert all(isinstance(t, str) for t in kind.right_texts(dumped))
    assert set(kind.part_b_proofs(q)) <= set(loaded_bank.part_b.get(q.id, {}))
    answers = kind.moodle_answers(q)
    assert bool(answers) == (kind.moodle_type is not None)
