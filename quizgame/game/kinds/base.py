"""What a question kind is: everything the core does differently per question type, in one object.

A kind wraps one pydantic model from `quizgame.bank.models` (the bank format stays there, below the
game) and answers, for questions of that model: how a response is scored and what shape it has, how
the right answer and a response read in words, how the question is laid out for one player, what
the front ends call it and how they tell a student to answer, and how it maps to Moodle. The front
ends pick an input widget by `form`, so a new kind with an existing form needs no front-end change.
Bank checks that need a kind's rules stay in `quizgame.bank.checks` keyed by model class (the bank
layer may not import the game); `answer_rules` returns that function so the registry test sees it.
"""

from __future__ import annotations

import random
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Protocol, TypeVar

from pydantic import BaseModel

from quizgame.bank.models import AnyQuestion as AnyQuestion  # every question model, one union
from quizgame.game.outcome import Scored

Q = TypeVar("Q", bound=BaseModel)

if TYPE_CHECKING:  # checks pulls in YAML, which a game from the play cache never needs
    from quizgame.bank.checks import AnswerCheck


class Form(StrEnum):
    """How a student gives an answer; each front end has one input per form."""

    ONE = "one"  # pick one of the choices (a list of texts)
    MANY = "many"  # tick any of the choices
    TRUEFALSE = "truefalse"  # True or False (the TUI lists them as two choices)
    TEXT = "text"  # type a short text
    PAIRS = "pairs"  # pick a right-hand item for each left-hand item
    TWO_PART = "two_part"  # pick one in Part A, then one in Part B
    ORDER = "order"  # put the items in order
    GAPS = "gaps"  # fill each gap of a passage (typed, or picked from its own list)


@dataclass(frozen=True, slots=True)
class Layout:
    """How one question is laid out for one player (choices possibly shuffled)."""

    choices: tuple[str, ...] = ()
    part_b_choices: tuple[str, ...] = ()
    match_left: tuple[str, ...] = ()
    match_right: tuple[str, ...] = ()
    order_items: tuple[str, ...] = ()  # an order question's items as first shown
    gap_options: tuple[tuple[str, ...], ...] = ()  # per cloze gap: its options, () when typed


class Shown(Protocol):
    """What the presenter hooks read from a question as presented (PresentedQuestion has it)."""

    @property
    def choices(self) -> tuple[str, ...]: ...

    @property
    def part_b_choices(self) -> tuple[str, ...]: ...


@dataclass(frozen=True, slots=True)
class MoodleAnswer:
    """One answer line in Moodle terms: its text, its grade in percent and its feedback.

    Matching questions use `left` for the sub-question ("" for a distractor) and `text` for its match.
    """

    text: str
    fraction: float
    feedback: str | None = None
    left: str | None = None


Shuffler = Callable[[list[str]], tuple[str, ...]]


class QuestionKind(ABC, Generic[Q]):
    """One question type. Subclasses fill in every hook; the registry test checks none is missing."""

    name: ClassVar[str]  # the `type:` value in a bank
    model: ClassVar[type[BaseModel]]
    label: ClassVar[str]  # what the front ends call it: "Multiple choice"
    form: ClassVar[Form]
    # Moodle: the question type it maps to, or None when it travels as two choice questions
    moodle_type: ClassVar[str | None]

    @abstractmethod
    def answer_rules(self) -> AnswerCheck:
        """This model's answer rules in quizgame.bank.checks (what `quizgame check` applies)."""

    # scoring and the response's shape ------------------------------------------------------------

    @abstractmethod
    def score(self, q: Q, response: Any) -> Scored:
        """Score a response; raises ResponseError if its shape does not fit the kind."""

    @abstractmethod
    def right_answer_text(self, q: Q) -> str:
        """The right answer in words, for feedback, plain mode and reports."""

    def response_text(self, q: Q, response: Any) -> str:
        """A student's response in words (stored with results and shown in reviews)."""
        return str(response)

    def response_json(self, q: Q, response: Any) -> Any:
        """A JSON-safe form of the response, for the results store."""
        return response

    # laying out for one player -------------------------------------------------------------------

    def layout(self, q: Q, shuffled: Shuffler, rng: random.Random, shuffle: bool) -> Layout:
        """Choices in display order; `shuffled` shuffles a list when the bank asks for it."""
        return Layout()

    # presenter hooks ------------------------------------------------------------------------------

    def options(self, pq: Shown, part_b: bool = False) -> tuple[str, ...]:
        """The options a choice-like input lists (none for typed and matched answers)."""
        return pq.part_b_choices if part_b else pq.choices

    def prompt(self, q: Q, part_b: bool = False) -> str:
        return str(getattr(q, "prompt", ""))

    @abstractmethod
    def answer_hint(self, option_count: int, part_b: bool = False) -> str:
        """One line telling the student how to answer."""

    def part_b_proofs(self, q: Q) -> tuple[str, ...]:
        """Answer texts whose proof is resolved separately (`LoadedBank.part_b`), for reports."""
        return ()

    def marked(self, q: Q, response: Any, part_b: bool = False) -> tuple[set[str], set[str]] | None:
        """(right options, chosen options) for marking a choice-like input; None when not one."""
        return None

    # interop --------------------------------------------------------------------------------------

    @abstractmethod
    def right_texts(self, data: Mapping[str, Any]) -> list[str]:
        """The right answers' texts in an imported question dict (to find its evidence)."""

    @abstractmethod
    def moodle_answers(self, q: Q) -> Sequence[MoodleAnswer]:
        """The answers as Moodle grades them (empty when the kind travels as two questions)."""


def letter(index: int) -> str:
    """The letter shown beside a choice: A, B, C… (the presenter's choice_key, for hints)."""
    return chr(ord("A") + index) if 0 <= index < 26 else "?"


def pick_hint(option_count: int) -> str:
    last = letter(option_count - 1)
    return f"Press A–{last} (or 1–{min(option_count, 9)}), or ↑↓ and Enter, or click."
