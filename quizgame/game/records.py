"""Where a game's answers go: the sink protocol, the records handed to it, and two simple sinks.

The session hands every scored attempt to a `ResultSink` at once; the results store implements it
(quizgame.results), tests and plain mode use `MemorySink`, and a game nobody records uses `NullSink`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from quizgame.bank.models import Mode
from quizgame.game.outcome import Outcome


@dataclass(frozen=True, slots=True)
class GameInfo:
    game_id: str
    player: str
    bank_id: str
    bank_hash: str
    bank_title: str
    mode: Mode
    question_count: int
    max_score: float
    started: float  # wall-clock epoch seconds


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    game_id: str
    player: str
    bank_id: str
    bank_hash: str
    question_id: str
    question_type: str
    response: Any  # JSON-safe
    response_text: str
    outcome: Outcome
    fraction: float
    points: float
    max_points: float
    seconds: float
    attempt: int
    final: bool
    answered_at: float  # wall-clock epoch seconds


class ResultSink(Protocol):
    """Where answers go as they are given; the results store implements it."""

    def start_game(self, info: GameInfo) -> None: ...

    def record_answer(self, record: AnswerRecord) -> None: ...

    def finish_game(
        self, game_id: str, score: float, max_score: float, finished: bool, ended: float
    ) -> None: ...


class NullSink:
    def start_game(self, info: GameInfo) -> None:
        pass

    def record_answer(self, record: AnswerRecord) -> None:
        pass

    def finish_game(
        self, game_id: str, score: float, max_score: float, finished: bool, ended: float
    ) -> None:
        pass


@dataclass
class MemorySink:
    """Keeps everything in lists: for tests and for the plain mode's end-of-game summary."""

    games: list[GameInfo] = field(default_factory=list)
    answers: list[AnswerRecord] = field(default_factory=list)
    finished: list[tuple[str, float, float, bool]] = field(default_factory=list)

    def start_game(self, info: GameInfo) -> None:
        self.games.append(info)

    def record_answer(self, record: AnswerRecord) -> None:
        self.answers.append(record)

    def finish_game(
        self, game_id: str, score: float, max_score: float, finished: bool, ended: float
    ) -> None:
        self.finished.append((game_id, score, max_score, finished))


@dataclass(frozen=True, slots=True)
class PriorAnswer:
    """A final answer already given in a game being resumed (read back from the results store)."""

    question_id: str
    outcome: str  # an Outcome value
    fraction: float
    points: float
    attempt: int
    response_text: str
    seconds: float
