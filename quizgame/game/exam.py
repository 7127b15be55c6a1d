"""Exam mode as a real test: skip, go back, flag, review, then submit everything at once.

An `ExamPaper` holds the student's answers as drafts: answering a question only writes (or
rewrites) its draft, so no key press commits an exam answer. Nothing reaches the results store
until `submit()` scores every draft in question order through `GameSession.submit_exam` — one
final record per answered question, the one the student handed in. Leaving an exam unsubmitted
hands in the drafts so far (the game is recorded as abandoned), so nothing answered is lost.
"""

from __future__ import annotations

from typing import Any

from quizgame.bank.models import Mode
from quizgame.game.presented import PresentedQuestion
from quizgame.game.session import GameSession


class ExamPaper:
    """Navigation and drafts over an exam-mode `GameSession` (which it keeps on the same question)."""

    def __init__(self, session: GameSession) -> None:
        if session.mode is not Mode.EXAM:
            raise ValueError("an exam paper needs a session in exam mode")
        self.session = session
        self._drafts: dict[str, Any] = {}
        self._flags: set[str] = set()
        self._seconds: dict[str, float] = {}  # time spent on each question, over every visit
        self.submitted = False
        session.on_abandon = self.abandon

    # where we are ---------------------------------------------------------------------------------

    @property
    def questions(self) -> tuple[PresentedQuestion, ...]:
        return self.session.questions

    @property
    def index(self) -> int:
        return self.session.index

    @property
    def current(self) -> PresentedQuestion | None:
        return None if self.submitted else self.session.current

    @property
    def at_last(self) -> bool:
        return self.index >= len(self.questions) - 1

    def goto(self, index: int) -> PresentedQuestion | None:
        """Show question `index` (0-based, clamped); the time on the one left is kept."""
        if self.submitted:
            return None
        cur = self.session.current
        if cur is not None:
            spent = self.session.seconds_on_question()
            self._seconds[cur.id] = self._seconds.get(cur.id, 0.0) + spent
        return self.session.goto(index)

    def next(self) -> PresentedQuestion | None:
        """The next question (skipping this one is allowed); None past the last: time to review."""
        if self.at_last:
            return None
        return self.goto(self.index + 1)

    def back(self) -> PresentedQuestion | None:
        return self.goto(self.index - 1)

    # answers and flags ----------------------------------------------------------------------------

    def answer(self, response: Any) -> None:
        """Write (or rewrite) the current question's draft: nothing is scored or recorded."""
        cur = self.current
        if cur is None:
            raise RuntimeError("the exam was submitted")
        self._drafts[cur.id] = response

    def draft(self, question_id: str) -> Any:
        return self._drafts.get(question_id)

    def is_answered(self, question_id: str) -> bool:
        return question_id in self._drafts

    def toggle_flag(self) -> bool:
        """Flag the current question to come back to (or unflag it); returns the new state."""
        cur = self.current
        if cur is None:
            return False
        if cur.id in self._flags:
            self._flags.discard(cur.id)
            return False
        self._flags.add(cur.id)
        return True

    def is_flagged(self, question_id: str) -> bool:
        return question_id in self._flags

    def unanswered(self) -> tuple[int, ...]:
        """Question numbers (1-based, as shown) with no answer yet."""
        return tuple(pq.number for pq in self.questions if pq.id not in self._drafts)

    def flagged(self) -> tuple[int, ...]:
        return tuple(pq.number for pq in self.questions if pq.id in self._flags)

    @property
    def answered_count(self) -> int:
        return len(self._drafts)

    # handing in -----------------------------------------------------------------------------------

    def submit(self, *, finished: bool = True) -> None:
        """Score and record every draft once, in question order, and end the game."""
        if self.submitted:
            return
        self.goto(self.index)  # count the time on the question on screen
        self.submitted = True
        self.session.on_abandon = None
        self.session.submit_exam(self._drafts, self._seconds, finished=finished)

    def abandon(self) -> None:
        """The student left without submitting: the drafts so far are handed in, unfinished."""
        self.submit(finished=False)
