"""The question-bank format: pydantic models that are the single source of truth.

The same models validate banks (`quizgame check`), generate the JSON Schema editors use for
completion (`quizgame schema`), and type the engine's input. Every model forbids unknown keys so a
misspelt field is reported (with a suggestion) instead of being silently ignored.
Semantic rules that need the article (evidence) live in `quizgame.bank.checks`; rules that only need the
bank itself are here, as validators, so they hold wherever a bank is built.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator, model_validator


class Mode(StrEnum):
    PRACTICE = "practice"
    EXAM = "exam"
    GUIDED = "guided"


class _Model(BaseModel):
    # defer_build: validators are compiled on first use, not at import, which keeps start-up lean
    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, frozen=True, defer_build=True
    )


NonEmpty = Annotated[str, Field(min_length=1)]


class Evidence(_Model):
    """Words from the article that prove the answer; the game highlights them in place."""

    quote: NonEmpty = Field(
        description="Exact words from the article (curly/straight quotes, dashes and spacing may "
        "differ; `...` may elide words). Must occur in a body passage."
    )
    passage: str | None = Field(
        default=None,
        pattern=r"^p[1-9][0-9]*$",
        description="Optional body passage id (`p4`) the quote is in, as `quizgame article` lists.",
    )


def evidence_list(value: Any) -> Any:
    """Accept `evidence: "quote"` and `- "quote"` items as shorthand for `{quote: ...}`."""
    if isinstance(value, (str, dict)):
        value = [value]
    if isinstance(value, list):
        return [{"quote": v} if isinstance(v, str) else v for v in value]
    return value


class Choice(_Model):
    text: NonEmpty = Field(description="What the student sees.")
    feedback: str | None = Field(
        default=None, description="Shown when the student picks this choice."
    )


def _choice_list(value: Any) -> Any:
    if isinstance(value, list):
        return [{"text": v} if isinstance(v, str | int | float) else v for v in value]
    return value


class Settings(_Model):
    """How the bank plays; every option is off or gentle by default."""

    mode: Mode = Field(default=Mode.PRACTICE, description="Default mode: practice, exam or guided.")
    shuffle_choices: bool = Field(default=False, description="Shuffle choices for each player.")
    shuffle_questions: bool = Field(default=False, description="Shuffle question order.")
    max_attempts: int = Field(
        default=2, ge=1, le=10, description="Attempts per question in practice mode."
    )
    retry_credit: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="Share of the points a right answer earns on each retry (0.5: half, then a quarter).",
    )
    timer_seconds: int | None = Field(
        default=None, ge=5, le=3600, description="Per-question time limit; none by default."
    )
    speed_points: bool = Field(
        default=False,
        description="Kahoot-style: a right answer earns between 50% and 100% of its points, "
        "the faster the more (needs timer_seconds).",
    )
    spelling_help: bool | None = Field(
        default=None,
        description="A short answer one typo away from an accepted one is told “almost — check "
        "the spelling” and gets one free retry. Default: on in practice and guided, off in exams.",
    )
    streak_bonus: bool = Field(
        default=False,
        description="Each right answer in a row after the first adds 10% of the question's points "
        "(at most 50%).",
    )

    @model_validator(mode="after")
    def _speed_needs_timer(self) -> Settings:
        if self.speed_points and self.timer_seconds is None:
            raise ValueError(
                "speed_points needs timer_seconds — set timer_seconds: 20, for example"
            )
        return self


class _QuestionBase(_Model):
    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=80)] = Field(
        description="Unique id within the bank; results are stored under it, so keep it stable."
    )
    prompt: NonEmpty = Field(description="The question as the student sees it.")
    explanation: NonEmpty = Field(description="Why the answer is right; shown after answering.")
    evidence: Annotated[list[Evidence], Field(min_length=1)] = Field(
        description="One or more quotes from the article that prove the answer."
    )
    points: float = Field(default=1, gt=0, le=100, description="Points for a fully right answer.")
    tags: list[NonEmpty] = Field(
        default_factory=list, description='Skills practised, e.g. "attribution", "main idea".'
    )
    hint: str | None = Field(
        default=None,
        description="Shown after a wrong answer while a retry is on offer, the only help then "
        "(Moodle's hint): do not give the answer away.",
    )
    feedback_correct: str | None = Field(
        default=None, description="Shown after a fully right answer (Moodle's correct feedback)."
    )
    feedback_partial: str | None = Field(
        default=None, description="Shown after a partly right answer."
    )
    feedback_wrong: str | None = Field(default=None, description="Shown after a wrong answer.")

    # the shorthands stay visible in the JSON Schema, so editors accept what `check` accepts
    _normalise_evidence = field_validator(
        "evidence",
        mode="before",
        json_schema_input_type=str
        | Evidence
        | Annotated[list[str | Evidence], Field(min_length=1)],
    )(evidence_list)


class _ChoiceListMixin(BaseModel):
    model_config = ConfigDict(defer_build=True)

    choices: Annotated[list[Choice], Field(min_length=2, max_length=26)] = Field(
        description="The options, as strings or {text, feedback} objects."
    )

    _normalise_choices = field_validator(
        "choices",
        mode="before",
        json_schema_input_type=Annotated[list[str | Choice], Field(min_length=2, max_length=26)],
    )(_choice_list)

    def choice_texts(self) -> list[str]:
        return [c.text for c in self.choices]


class ChoiceQuestion(_QuestionBase, _ChoiceListMixin):
    """One right answer among the choices."""

    type: Literal["choice"]
    answer: NonEmpty = Field(description="The text of the right choice, exactly as in `choices`.")


class MultiQuestion(_QuestionBase, _ChoiceListMixin):
    """Select all that apply; partial credit for partly right selections."""

    type: Literal["multi"]
    answers: list[NonEmpty] = Field(description="The texts of all right choices.")


class TrueFalseQuestion(_QuestionBase):
    type: Literal["truefalse"]
    answer: StrictBool = Field(
        description='true or false (unquoted; "false", 0 or off are not accepted, as in the schema).'
    )
    feedback_true: str | None = Field(default=None, description="Shown when the student says true.")
    feedback_false: str | None = Field(
        default=None, description="Shown when the student says false."
    )


class ShortQuestion(_QuestionBase):
    """A typed answer, compared ignoring case, spacing and punctuation."""

    type: Literal["short"]
    answer: NonEmpty = Field(description="The model answer, shown after answering.")
    accept: list[NonEmpty] = Field(
        default_factory=list,
        description="Other answers that also count as right; `*` in one stands for any words "
        "(`*Interfax*`), as in Moodle.",
    )
    case_sensitive: bool = Field(
        default=False,
        description="Capitals count (Moodle's usecase); spacing and punctuation still do not.",
    )


class Pair(_Model):
    left: NonEmpty = Field(description="Usually a quote.")
    right: NonEmpty = Field(description="Usually the speaker who said it.")


class MatchQuestion(_QuestionBase):
    """Pair each left item (a quote) with a right item (its speaker); partial credit per pair."""

    type: Literal["match"]
    pairs: Annotated[list[Pair], Field(min_length=2, max_length=12)]
    distractors: list[NonEmpty] = Field(
        default_factory=list, description="Extra right-hand options that match nothing."
    )

    def right_options(self) -> list[str]:
        """The right-hand options in a stable order: each distinct right, then the distractors."""
        seen: dict[str, None] = {}
        for p in self.pairs:
            seen.setdefault(p.right, None)
        for d in self.distractors:
            seen.setdefault(d, None)
        return list(seen)


class NumericQuestion(_QuestionBase):
    """A number, right within a tolerance; an optional unit may follow it ("12 km")."""

    type: Literal["numeric"]
    answer: float = Field(description="The right number, as the article states it.")
    tolerance: float = Field(
        default=0,
        ge=0,
        description="How far an answer may be from `answer` and still be right (0: exactly).",
    )
    unit: str | None = Field(
        default=None,
        max_length=40,
        description='Optional unit shown after the box ("people", "km"); students may type it or not.',
    )


class OrderQuestion(_QuestionBase):
    """Put items (events, steps of an argument) in the right order; credit per correctly ordered pair."""

    type: Literal["order"]
    items: Annotated[list[NonEmpty], Field(min_length=2, max_length=12)] = Field(
        description="The items in the right order; players see them shuffled."
    )


GAP = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)


class Gap(_Model):
    """What one `[[…]]` gap of a cloze accepts besides the words written in it."""

    accept: list[NonEmpty] = Field(
        default_factory=list, description="Other typed answers that also count as right."
    )
    distractors: list[NonEmpty] = Field(
        default_factory=list,
        description="Wrong options: with them the gap is a pick from a list instead of typed.",
    )


def gap_answers(text: str) -> list[str]:
    """The right words of each `[[…]]` gap, in order."""
    return [" ".join(m.group(1).split()) for m in GAP.finditer(text)]


def filled_text(text: str) -> str:
    """The cloze text with every gap filled with its right words: the article's own sentence."""
    return GAP.sub(lambda m: " ".join(m.group(1).split()), text)


class ClozeQuestion(_QuestionBase):
    """A passage from the article with gaps to fill, each scored; the passage is its own evidence."""

    type: Literal["cloze"]
    prompt: NonEmpty = Field(
        default="Fill in the gaps.", description="The instruction above the passage."
    )
    text: NonEmpty = Field(
        description="The article's words with each gap written as `[[the missing words]]`."
    )
    gaps: list[Gap] = Field(
        default_factory=list,
        description="Optional, one per gap in order: other accepted answers or distractors.",
    )
    evidence: list[Evidence] = Field(
        default_factory=list,
        description="Optional: the filled-in `text` is the evidence (it must be a quote from the "
        "article); list more quotes here if they help.",
    )

    @model_validator(mode="before")
    @classmethod
    def _text_is_evidence(cls, data: Any) -> Any:
        """The filled-in passage becomes the first evidence quote (once, so a dump reloads as is)."""
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            return data
        filled = " ".join(filled_text(data["text"]).split())
        evidence = evidence_list(data.get("evidence", []))
        if not isinstance(evidence, list):
            return data  # the field's own validation reports it
        first = evidence[0] if evidence else None
        if not (isinstance(first, dict) and first.get("quote") == filled):
            evidence = [{"quote": filled}, *evidence]
        return {**data, "evidence": evidence}

    @model_validator(mode="after")
    def _gaps_fit(self) -> ClozeQuestion:
        answers = gap_answers(self.text)
        rest = GAP.sub("", self.text)
        if "[[" in rest or "]]" in rest:
            raise ValueError("a gap is not closed — every `[[` needs its `]]`")
        if not answers:
            raise ValueError("a cloze needs at least one gap — write it as [[the missing words]]")
        if any(not a for a in answers):
            raise ValueError("a gap is empty — write the missing words inside [[ ]]")
        if self.gaps and len(self.gaps) != len(answers):
            raise ValueError(
                f"`gaps` lists {len(self.gaps)} but the text has {len(answers)} gap"
                f"{'s' if len(answers) != 1 else ''} — give one entry per gap, in order"
            )
        return self

    def gap_specs(self) -> list[tuple[str, Gap]]:
        """(right words, what else the gap takes) for each gap, in order."""
        answers = gap_answers(self.text)
        extra = list(self.gaps) or [Gap() for _ in answers]
        return list(zip(answers, extra, strict=True))


class PartB(_Model, _ChoiceListMixin):
    prompt: NonEmpty = Field(
        default="Which passage from the article best supports the answer to Part A?",
        description="Part B's question.",
    )
    answer: NonEmpty = Field(description="The text of the right choice (a quote from the article).")


class EvidenceQuestion(_QuestionBase, _ChoiceListMixin):
    """CommonLit-style two parts: a claim (Part A), then the passage that proves it (Part B).

    Part B only counts when Part A is right: guessing the proof without the claim earns nothing.
    """

    type: Literal["evidence"]
    answer: NonEmpty = Field(description="Part A: the text of the right choice.")
    part_b: PartB


AnyQuestion = (
    ChoiceQuestion
    | MultiQuestion
    | TrueFalseQuestion
    | ShortQuestion
    | MatchQuestion
    | EvidenceQuestion
    | NumericQuestion
    | OrderQuestion
    | ClozeQuestion
)
Question = Annotated[AnyQuestion, Field(discriminator="type")]

QUESTION_TYPES: dict[str, type[BaseModel]] = {
    "choice": ChoiceQuestion,
    "multi": MultiQuestion,
    "truefalse": TrueFalseQuestion,
    "short": ShortQuestion,
    "match": MatchQuestion,
    "evidence": EvidenceQuestion,
    "numeric": NumericQuestion,
    "order": OrderQuestion,
    "cloze": ClozeQuestion,
}


class Bank(_Model):
    """A question bank about one article."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        frozen=True,
        defer_build=True,
        json_schema_extra={"title": "quizgame question bank"},
    )

    title: NonEmpty = Field(description="Shown in the bank picker.")
    article: NonEmpty = Field(description="Path of the article file, relative to this bank file.")
    author: str | None = None
    level: str | None = Field(default=None, description='Free text, e.g. "Grade 9" or "B2".')
    tags: list[NonEmpty] = Field(default_factory=list)
    settings: Settings = Field(default_factory=Settings)
    questions: Annotated[list[Question], Field(min_length=1)]
