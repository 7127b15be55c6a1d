"""A class session's state: who joined, where each student is, how the class answered.

Pure and screen-free: the teacher's host screen (quizgame.tui.screens.host_screen) draws it, the
server feeds it the events each student's game reports, and tests drive it directly. Events come
from the games the server itself runs (never from a browser), but they are still checked: an
event that is not understood is ignored, not trusted.

Two paces:
- self-paced: each student plays at their own speed; the teacher may end the class;
- teacher-paced: everyone is on the same question (`current`); the teacher reveals the answer to
  all at once and moves on. A student who joins late starts at the current question.
"""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from quizgame.play.prefs import clean_name
from quizgame.text.safe import one_line


class Pace(StrEnum):
    SELF = "self"
    TEACHER = "teacher"


@dataclass(frozen=True)
class QuestionInfo:
    """What the host shows about one question (the answer key never leaves the host)."""

    id: str
    number: int
    prompt: str
    correct: str  # the right answer as text, shown on the host only


@dataclass
class Student:
    visitor: str
    name: str
    game_id: str = ""
    question: int = 1  # the number of the question on their screen
    answered: int = 0
    score: float = 0.0
    max_score: float = 0.0
    finished: bool = False  # answered every question
    stopped: bool = False  # the game ended before that (left, or the teacher ended the class)
    connected: bool = True
    answers: dict[str, tuple[str, str]] = field(default_factory=dict)  # qid → (text, outcome)


@dataclass(frozen=True)
class QuestionStats:
    question: QuestionInfo
    answered: int
    correct: int
    distribution: tuple[tuple[str, int], ...]  # answer text → count, most common first
    common_wrong: str | None  # the most common wrong answer, if any

    @property
    def percent_correct(self) -> float:
        return 100.0 * self.correct / self.answered if self.answered else 0.0


def new_session_id() -> str:
    """A class session's tag in the results store: short, unguessable enough, sortable by eye."""
    return "class-" + secrets.token_hex(4)


def new_join_code() -> str:
    """A 4-digit code students type to join (an extra gate, not a password)."""
    return f"{secrets.randbelow(10_000):04d}"


class ClassSession:
    def __init__(
        self,
        session_id: str,
        questions: Sequence[QuestionInfo],
        *,
        pace: Pace = Pace.SELF,
        roster: Sequence[str] = (),
    ) -> None:
        self.session_id = session_id
        self.questions = tuple(questions)
        self._by_id = {q.id: q for q in self.questions}
        self.pace = pace
        self.roster = tuple(roster)
        self.students: dict[str, Student] = {}
        self.current = 0  # teacher-paced: index of the question everyone is on
        self.revealed = False
        self.ended = False
        self.version = 0  # bumps on every change, so a screen redraws only when needed

    # events from the students' games -------------------------------------------------------

    def apply(self, visitor: str, event: Mapping[str, Any]) -> bool:
        """One event from a game; True when the state changed."""
        kind = event.get("event")
        if kind == "joined":
            name = clean_name(str(event.get("name", ""))) or "player"
            # A new game from the same browser (Play again) starts the student's row afresh.
            self.students[visitor] = Student(
                visitor,
                name,
                game_id=str(event.get("game_id", ""))[:64],
                max_score=_number(event.get("max_score")),
                question=1 if self.pace is Pace.SELF else self.current + 1,
            )
        elif kind == "answered":
            student = self.students.get(visitor)
            qid = str(event.get("question_id", ""))
            if student is None or qid not in self._by_id:
                return False
            text = one_line(str(event.get("response", "")))[:80] or "(no answer)"
            outcome = str(event.get("outcome", ""))
            # The latest attempt counts (practice mode may allow a retry after a wrong one);
            # a question the student never answered (time up, the class moved on) is no answer.
            if not event.get("skipped"):
                student.answers[qid] = (text, outcome)
                student.answered = len(student.answers)
            if event.get("final", True):
                student.question = min(len(self.questions), self._by_id[qid].number + 1)
            student.score = _number(event.get("score"))
        elif kind == "finished":
            student = self.students.get(visitor)
            if student is None:
                return False
            if event.get("completed", True):
                student.finished = True
            else:
                student.stopped = True
            student.score = _number(event.get("score", student.score))
        else:
            return False
        self.version += 1
        return True

    def gone(self, visitor: str) -> None:
        student = self.students.get(visitor)
        if student is not None and student.connected:
            student.connected = False
            self.version += 1

    # the teacher's controls ------------------------------------------------------------------

    def end(self) -> None:
        self.ended = True
        self.version += 1

    def reveal(self) -> dict[str, Any]:
        """Teacher-paced: show everyone the answer to the current question (a command to send)."""
        self.revealed = True
        self.version += 1
        return {"command": "reveal", "index": self.current}

    def advance(self) -> dict[str, Any] | None:
        """Teacher-paced: everyone moves to the next question; None after the last one."""
        if self.current + 1 >= len(self.questions):
            return None
        self.current += 1
        self.revealed = False
        self.version += 1
        return {"command": "show", "index": self.current}

    def late_join_command(self) -> dict[str, Any] | None:
        """What a student who joins now must be told (teacher-paced: the current question)."""
        if self.ended:
            return {"command": "end"}
        if self.pace is Pace.TEACHER:
            return {"command": "show", "index": self.current, "revealed": self.revealed}
        return None

    # what the host screen shows --------------------------------------------------------------

    def roster_rows(self) -> list[Student]:
        """Students by name (then join order), so a row stays where the teacher saw it."""
        return sorted(self.students.values(), key=lambda s: (s.name.casefold(), s.visitor))

    def missing(self) -> list[str]:
        """Names on the class list nobody has joined as."""
        joined = {s.name for s in self.students.values()}
        return [n for n in self.roster if n not in joined]

    def stats(self, question_id: str) -> QuestionStats:
        q = self._by_id[question_id]
        answers = [s.answers[q.id] for s in self.students.values() if q.id in s.answers]
        dist = Counter(text for text, _ in answers)
        wrong = Counter(text for text, outcome in answers if outcome != "correct")
        return QuestionStats(
            q,
            answered=len(answers),
            correct=sum(1 for _, outcome in answers if outcome == "correct"),
            distribution=tuple(sorted(dist.items(), key=lambda kv: (-kv[1], kv[0]))),
            common_wrong=min(wrong, key=lambda t: (-wrong[t], t)) if wrong else None,
        )

    def all_stats(self) -> list[QuestionStats]:
        return [self.stats(q.id) for q in self.questions]

    @property
    def joined(self) -> int:
        return len(self.students)

    @property
    def playing(self) -> int:
        return sum(
            1 for s in self.students.values() if s.connected and not s.finished and not s.stopped
        )


def _number(value: object) -> float:
    try:
        number = float(str(value))
    except ValueError:
        return 0.0
    return number if number == number and abs(number) < 1e9 else 0.0  # no NaN, no inf


def questions_of(bank: Any) -> list[QuestionInfo]:
    """The host's view of a bank's questions, in the bank's order."""
    from quizgame.game.scoring import right_answer_text

    return [
        QuestionInfo(q.id, n, one_line(q.prompt), one_line(right_answer_text(q)))
        for n, q in enumerate(bank.questions, 1)
    ]
