"""What the screens show: a question as presented to one player, the verdict on an attempt, the summary.

Plain values the session computes and both front ends render; none of them holds game state.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from quizgame.article.evidence import ResolvedEvidence
from quizgame.game.kinds import AnyQuestion, QuestionKind, kind_of
from quizgame.game.outcome import Outcome
from quizgame.text.formatting import format_points


@dataclass(frozen=True)
class PresentedQuestion:
    """A question as this player sees it (choices possibly shuffled), with its proof resolved."""

    number: int  # 1-based position in this game
    total: int
    question: AnyQuestion
    choices: tuple[str, ...] = ()  # choice / multi / evidence Part A, in display order
    part_b_choices: tuple[str, ...] = ()
    match_left: tuple[str, ...] = ()
    match_right: tuple[str, ...] = ()
    order_items: tuple[str, ...] = ()  # an order question's items as first shown
    gap_options: tuple[tuple[str, ...], ...] = ()  # per cloze gap: its options, () when typed
    evidence: tuple[ResolvedEvidence, ...] = ()
    part_b_evidence: Mapping[str, ResolvedEvidence] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def type(self) -> str:
        return self.question.type

    @property
    def kind(self) -> QuestionKind[Any]:
        """Everything this question's type does (scoring, hints, its input form)."""
        return kind_of(self.question)

    @property
    def passage_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.passage_id for e in self.evidence))

    @property
    def progress_label(self) -> str:
        return f"Question {self.number} of {self.total}"


@dataclass(frozen=True)
class AnswerResult:
    """The verdict on one attempt, with everything feedback needs."""

    question: PresentedQuestion
    outcome: Outcome
    fraction: float
    points: float
    max_points: float
    attempt: int
    can_retry: bool
    feedback: tuple[str, ...]
    explanation: str
    evidence: tuple[ResolvedEvidence, ...]
    right_answer: str
    response_text: str
    seconds: float
    timed_out: bool = False
    streak: int = 0
    bonus: float = 0.0
    kept_earlier: bool = False  # an earlier attempt scored more: its points are the ones kept
    near_miss: bool = False  # a short answer one typo off: "almost", and a free retry

    @property
    def final(self) -> bool:
        return not self.can_retry

    @property
    def headline(self) -> str:
        """`✓ Correct`, `◐ Partly right` or `✗ Wrong` — symbol and word, never colour alone."""
        label = "Time's up" if self.timed_out else self.outcome.label
        if self.near_miss:
            label = "Almost — check the spelling"
        return f"{self.outcome.symbol} {label}"

    @property
    def points_label(self) -> str:
        text = f"+{format_points(self.points)} of {format_points(self.max_points)} point{'s' if self.max_points != 1 else ''}"
        if self.bonus:
            text += f" (incl. streak bonus +{format_points(self.bonus)})"
        if self.kept_earlier:
            text += " (your best attempt counts)"
        return text


@dataclass(frozen=True)
class SummaryRow:
    number: int
    question_id: str
    prompt: str
    outcome: Outcome | None  # None: not answered
    points: float
    max_points: float
    attempts: int
    tags: tuple[str, ...] = ()  # the skills the question practises


@dataclass(frozen=True)
class Summary:
    score: float
    max_score: float
    seconds: float
    rows: tuple[SummaryRow, ...]

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0

    @property
    def label(self) -> str:
        return f"{format_points(round(self.score, 2))} / {format_points(self.max_score)} points ({self.percent:.0f}%)"

    @property
    def correct_count(self) -> int:
        return sum(1 for r in self.rows if r.outcome is Outcome.CORRECT)

    @property
    def missed(self) -> tuple[str, ...]:
        """Question ids not fully right (wrong, partly right or unanswered): what to practise."""
        return tuple(r.question_id for r in self.rows if r.outcome is not Outcome.CORRECT)

    @property
    def skills(self) -> tuple[SkillRow, ...]:
        """Points per tag, in the order tags first appear; a question counts under each of its tags."""
        out: dict[str, SkillRow] = {}
        for r in self.rows:
            for tag in dict.fromkeys(r.tags):
                old = out.get(tag, SkillRow(tag, 0.0, 0.0, 0, 0))
                out[tag] = SkillRow(
                    tag,
                    old.points + r.points,
                    old.max_points + r.max_points,
                    old.right + (r.outcome is Outcome.CORRECT),
                    old.questions + 1,
                )
        return tuple(out.values())


@dataclass(frozen=True)
class SkillRow:
    """One skill (a question tag) on the summary: its points and how many of its questions were right."""

    tag: str
    points: float
    max_points: float
    right: int
    questions: int

    @property
    def percent(self) -> float:
        return 100.0 * self.points / self.max_points if self.max_points else 0.0
