"""A student's game in a teacher-paced class: everyone on the same question, answers revealed
together.

The teacher's host decides which question the class is on and when its answer is shown; this
screen follows (`follow(index, revealed)`), whatever it was doing. The game runs in exam mode (one
attempt, no feedback on answering), so nothing about the right answer reaches the student's
browser before the teacher reveals it; then the feedback and the highlighted proof appear for
everyone at once. A question the class moves past unanswered is recorded as not answered (the
session's time-up), and a student who joins late starts at the class's current question.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rich.text import Text
from textual.widgets import Static

from quizgame.game.kinds import Form
from quizgame.game.presented import AnswerResult
from quizgame.play.presenter import choice_marks, feedback_lines, match_marks
from quizgame.tui.screens.play_screen import PlayScreen

WAITING = "✓ Answer sent. Your teacher will show the answer to the whole class."
NEXT_HINT = "Your teacher moves the class on · e: jump to the evidence"


class PacedPlayScreen(PlayScreen):
    exam_navigation = False  # the teacher moves the class on: each answer is sent at once

    def __init__(self, session: Any, index: int = 0, revealed: bool = False) -> None:
        super().__init__(session)
        self.class_index = index
        self.class_revealed = revealed
        self.shown_revealed = False

    async def on_mount(self) -> None:
        await super().on_mount()
        await self.follow(self.class_index, self.class_revealed)

    async def follow(self, index: int, revealed: bool) -> None:
        """Catch up with the class: move to question `index`, show its answer if revealed."""
        self.class_index, self.class_revealed = index, revealed
        session = self.session
        moved = False
        while session.index < index and not session.finished:
            if session.last_result is None:
                session.time_up()  # the class moved on before this student answered
            session.next()
            moved = True
        if session.finished:
            await self.show_question()  # posts Finished: the summary
            return
        if moved:
            self.shown_revealed = False
            await self.show_question()
        if revealed and session.index == index and not self.shown_revealed:
            if session.last_result is None and self._shown is not None:
                session.time_up()
            await self._reveal()

    async def _record(self, result: AnswerResult, response: Any = None) -> None:
        """Answered: lock the question and wait for the teacher (no verdict yet)."""
        view = self.question_view
        if view is None:
            return
        await view.show_result(None)
        await view.mount(Static(Text(WAITING, style="bold"), id="paced-waiting"))
        self.update_status()
        self.refresh_bindings()
        if self.class_revealed and self.session.index == self.class_index:
            await self._reveal()

    async def _reveal(self) -> None:
        result = self.result
        view = self.question_view
        if result is None or view is None:
            return
        self.shown_revealed = True
        for waiting in self.query("#paced-waiting"):
            await waiting.remove()
        lines = replace(feedback_lines(result, self.session.article), next_hint=NEXT_HINT)
        response = self.session.last_response
        marks = None
        if response is not None:
            if result.question.kind.form is Form.PAIRS:
                lines = replace(lines, pairs=match_marks(result.question, response, reveal=True))
            else:
                two_part = result.question.kind.form is Form.TWO_PART
                marks = choice_marks(result.question, response, part_b=two_part, reveal=True)
        self.article.show_evidence(result.evidence)
        self.update_status()
        await view.show_result(lines, marks)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next", "retry"):
            return False  # the teacher moves the class on
        if action == "jump":
            return self.shown_revealed
        return super().check_action(action, parameters)
