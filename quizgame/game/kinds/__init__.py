"""The question kinds: the only place that lists the question types the game knows.

Adding a type is one module here (a `QuestionKind` subclass wrapping its model from
`quizgame.bank.models`), one line in `KINDS`, its answer rules in `quizgame.bank.checks`, and a
widget when its `form` is new. `tests/game/test_kinds.py` fails if a registered kind lacks a part.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from quizgame.game.kinds.base import AnyQuestion, Form, Layout, MoodleAnswer, QuestionKind
from quizgame.game.kinds.choice import ChoiceKind
from quizgame.game.kinds.cloze import ClozeKind
from quizgame.game.kinds.evidence import EvidenceKind
from quizgame.game.kinds.match import MatchKind
from quizgame.game.kinds.multi import MultiKind
from quizgame.game.kinds.numeric import NumericKind
from quizgame.game.kinds.order import OrderKind
from quizgame.game.kinds.short import ShortKind
from quizgame.game.kinds.truefalse import TrueFalseKind

KINDS: tuple[QuestionKind[Any], ...] = (
    ChoiceKind(),
    MultiKind(),
    TrueFalseKind(),
    ShortKind(),
    MatchKind(),
    EvidenceKind(),
    NumericKind(),
    OrderKind(),
    ClozeKind(),
)

_BY_MODEL: dict[type[BaseModel], QuestionKind[Any]] = {k.model: k for k in KINDS}
_BY_NAME: dict[str, QuestionKind[Any]] = {k.name: k for k in KINDS}


def kind_of(q: AnyQuestion | BaseModel) -> QuestionKind[Any]:
    """The kind of a question model instance."""
    return _BY_MODEL[type(q)]


def kind_named(name: str) -> QuestionKind[Any] | None:
    """The kind for a bank's `type:` value (None for an unknown one)."""
    return _BY_NAME.get(name)


__all__ = [
    "KINDS",
    "AnyQuestion",
    "Form",
    "Layout",
    "MoodleAnswer",
    "QuestionKind",
    "kind_named",
    "kind_of",
]
