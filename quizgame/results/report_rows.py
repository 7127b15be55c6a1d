"""The rows a class report is made of: what the bank says, per game, per player, per question.

Plain frozen dataclasses with no logic beyond derived labels, so the report builder, the renderers
and the teacher view can share them without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quizgame.results.store import StoredAnswer

# --- what the bank says about its questions (optional: reports work without it) -----------------


@dataclass(frozen=True)
class QuestionMeta:
    id: str
    type: str
    prompt: str
    tags: tuple[str, ...] = ()
    right_answer: str = ""
    evidence: tuple[str, ...] = ()  # the quotes that prove the answer
    points: float = 1.0
    right_options: tuple[str, ...] = ()  # select-all: the right options; match: "left → right"


@dataclass(frozen=True)
class BankMeta:
    bank_id: str
    content_hash: str
    title: str
    questions: tuple[QuestionMeta, ...]
    source: str = ""  # where the bank file was found, for the report's notes

    def question(self, qid: str) -> QuestionMeta | None:
        for q in self.questions:
            if q.id == qid:
                return q
        return None


# --- report rows -------------------------------------------------------------------------------


@dataclass(frozen=True)
class GameScore:
    game_id: str
    player: str
    bank_id: str
    bank_hash: str
    bank_title: str
    mode: str
    status: str
    started: float
    score: float
    max_score: float
    answered: int
    question_count: int
    seconds: float

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0

    @property
    def complete(self) -> bool:
        return self.status == "finished" or (
            self.question_count > 0 and self.answered >= self.question_count
        )

    @property
    def state(self) -> str:
        """finished / abandoned (quit) / unfinished (killed, or still being played)."""
        if self.complete:
            return "finished"
        return "abandoned" if self.status == "abandoned" else "unfinished"


@dataclass(frozen=True)
class PlayerRow:
    player: str
    bank_id: str
    bank_title: str
    games: int
    last_score: float
    last_max: float
    last_percent: float
    best_score: float
    best_max: float
    best_percent: float
    seconds: float  # time spent answering, all games
    last_played: float
    last_state: str = "finished"  # GameScore.state of the last game
    last_answered: int = 0
    last_questions: int = 0
    last_mode: str = ""
    completed: int = 0  # finished games: "best" is the best of these


@dataclass(frozen=True)
class AnswerCount:
    response: str
    count: int
    outcome: str  # correct / partial / wrong
    timed_out: bool = False


@dataclass(frozen=True)
class ItemRow:
    bank_id: str
    bank_hash: str
    question_id: str
    question_type: str
    prompt: str
    tags: tuple[str, ...]
    answered: int  # players whose analysed game answered it
    attempts: int  # every try at it, all games, retries and replays included
    facility: float | None
    first_try: float | None
    discrimination: float | None  # D, upper minus lower 27 %
    item_rest_r: float | None
    top_wrong: str | None
    top_wrong_count: int
    mean_seconds: float | None
    distribution: tuple[AnswerCount, ...]
    right_answer: str = ""
    evidence: tuple[str, ...] = ()
    changed: str = ""  # how the question differs between bank versions; "" when it does not
    # select-all: how many chose each option; match: each pair (left → chosen right). First tries.
    option_counts: tuple[OptionCount, ...] = ()


@dataclass(frozen=True)
class OptionCount:
    label: str  # an option, or "left → right" for a match pair
    count: int
    of: int  # answers counted (first tries in analysed games)
    right: bool | None = None  # None: the bank file was not found


@dataclass(frozen=True)
class SkillRow:
    bank_id: str
    bank_hash: str
    tag: str
    player: str | None  # None: the class
    questions: int
    answers: int
    mean: float | None


@dataclass(frozen=True)
class HistogramBin:
    low: int  # percent, inclusive
    high: int  # percent, exclusive (the last bin includes 100)
    count: int

    @property
    def label(self) -> str:
        return f"{self.low}–{self.high}%" if self.high == 100 else f"{self.low}–{self.high - 1}%"


@dataclass(frozen=True)
class VersionReport:
    """Class analysis of one bank version."""

    bank_id: str
    bank_hash: str
    bank_title: str
    players: int
    games: int
    answers: int
    mean_percent: float | None
    items: tuple[ItemRow, ...]
    skills: tuple[SkillRow, ...]
    histogram: tuple[HistogramBin, ...]
    notes: tuple[str, ...] = ()
    last_played: float = 0.0  # when the latest game of this version started
    sd_percent: float | None = None
    alpha: float | None = None  # Cronbach's alpha (KR-20 for right/wrong questions)
    unfinished: int = 0  # games left out of class statistics (abandoned or unfinished)
    hashes: tuple[str, ...] = ()  # every version's content hash, oldest first

    @property
    def label(self) -> str:
        more = len(self.hashes) - 1
        earlier = f" (+{more} earlier version{'s' if more > 1 else ''})" if more > 0 else ""
        return f"{self.bank_id} @ {self.bank_hash[:8]}{earlier}"


@dataclass(frozen=True)
class Report:
    players: tuple[PlayerRow, ...]
    versions: tuple[VersionReport, ...]
    games: int
    answers: int
    notes: tuple[str, ...] = field(default=())
    game_rows: tuple[GameScore, ...] = ()  # every game, in start order (the Games section)
    responses: tuple[StoredAnswer, ...] = ()  # every attempt, for the Responses report
