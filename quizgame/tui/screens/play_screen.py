"""Playing a bank: the article on one side, the question on the other, feedback with its proof.

All rules and all game state come from `GameSession` (what was answered, the latest verdict, the
streak, a given-up retry); this screen only shows what the session and `quizgame.play.presenter`
compute, and passes the player's responses back.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.message import Message
from textual.widgets import Static

from quizgame.bank.models import Mode
from quizgame.game.kinds import Form
from quizgame.game.presented import AnswerResult, PresentedQuestion
from quizgame.game.session import GameSession
from quizgame.play.presenter import (
    choice_marks,
    feedback_lines,
    guided_visible,
    is_stacked,
    match_marks,
    status_line,
    timer_label,
)
from quizgame.tui import textual_private
from quizgame.tui.settle import settled
from quizgame.tui.widgets.article_view import ArticleView
from quizgame.tui.widgets.choice_list import ChoiceList
from quizgame.tui.widgets.game_status import GameStatus
from quizgame.tui.widgets.key_bar import KeyBar
from quizgame.tui.widgets.question_view import QuestionView

if TYPE_CHECKING:
    from quizgame.game.exam import ExamPaper


class PlayScreen(textual_private.FocusWithoutRepaint[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter,n",
            "next",
            "Next",
            tooltip="next question (or show the answer when a retry is offered)",
        ),
        Binding("r", "retry", "Try again", tooltip="try again, for reduced credit (practice mode)"),
        Binding("e", "evidence(1)", "Evidence", tooltip="the next passage of the evidence"),
        Binding(
            "E", "evidence(-1)", "Previous evidence", show=False, tooltip="the previous passage"
        ),
        Binding("f2", "layout", "Layout", tooltip="switch layout: side by side / stacked"),
        # exam mode only (see check_action): move freely, flag, review before submitting
        Binding(
            "left_square_bracket,left",
            "exam_move(-1)",
            "Back",
            tooltip="exam: the previous question",
        ),
        Binding(
            "right_square_bracket,right",
            "exam_move(1)",
            "Skip",
            tooltip="exam: the next question (skipping is fine)",
        ),
        Binding(
            "exclamation_mark", "flag", "Flag", tooltip="exam: flag this question to come back to"
        ),
        Binding(
            "ctrl+r", "exam_review", "Review", tooltip="exam: review every question, then submit"
        ),
        Binding(
            "escape",
            "leave",
            "Leave",
            tooltip="go back (asks first, then back to the bank list, or quits)",
        ),
    ]

    # An exam is a real test (skip, go back, flag, review, submit at the end); a teacher-paced class
    # runs in exam mode with the teacher moving everyone on, so it turns this off.
    exam_navigation: ClassVar[bool] = True

    @dataclass
    class Finished(Message):
        """The last question is done: the app shows the summary."""

        session: GameSession

    def __init__(self, session: GameSession) -> None:
        super().__init__()
        self.session = session
        self.layout_override: bool | None = None
        self.revealed = 1 if session.mode is Mode.GUIDED else 0
        self._shown: PresentedQuestion | None = None
        # exam mode: answers are drafts the student may change until submitting the whole exam
        free = session.mode is Mode.EXAM and self.exam_navigation
        self.paper: ExamPaper | None = None
        if free:  # imported only for an exam: other games never need it (issue 14, start-up)
            from quizgame.game.exam import ExamPaper

            self.paper = ExamPaper(session)

    # layout ------------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield GameStatus(len(self.session.questions), id="status")
        with Container(id="main"):
            yield ArticleView(self.session.article, id="article")
            yield Container(id="question-slot")
        yield KeyBar()

    async def on_mount(self) -> None:
        self.apply_layout()
        if self.session.settings.timer_seconds is not None and self.paper is None:
            self.set_interval(0.25, self._tick)
        await self.show_question()

    def on_resize(self, event: events.Resize) -> None:
        self.apply_layout()

    @property
    def stacked(self) -> bool:
        return is_stacked(self.size.width, self.layout_override)

    def apply_layout(self) -> None:
        self.query_one("#main").set_class(self.stacked, "-stacked")

    def action_layout(self) -> None:
        self.layout_override = not self.stacked
        self.apply_layout()

    # showing questions ---------------------------------------------------------------------------------

    @property
    def article(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    @property
    def question_view(self) -> QuestionView | None:
        found = self.query(QuestionView)
        return found.first() if found else None

    @property
    def result(self) -> AnswerResult | None:
        """The session's verdict on the current question's latest attempt."""
        return self.session.last_result

    @property
    def waiting_to_read(self) -> bool:
        """Guided mode: the current question's passage has not been revealed yet."""
        pq = self.session.current
        return (
            self.session.mode is Mode.GUIDED
            and pq is not None
            and self.revealed < self.session.passages_needed(pq)
        )

    async def show_question(self) -> None:
        pq = self.session.current
        if pq is None or (self.paper is not None and self.paper.submitted):
            self.post_message(self.Finished(self.session))
            return
        self.article.clear_evidence()
        if self.session.mode is Mode.GUIDED:
            self.article.reveal(guided_visible(self.session.article, self.revealed))
        slot = self.query_one("#question-slot", Container)
        # Nothing holds the focus while the old pane goes: the focused feedback, removed, would hand
        # it to the article and the new pane take it back (two restyles, two redraws of the article).
        self.set_focus(None, scroll_visible=False)
        await slot.remove_children()
        self._shown = None
        if self.waiting_to_read:
            needed = self.session.passages_needed(pq)
            msg = (
                f"Read on: press Enter to reveal the next passage "
                f"({self.revealed} of {needed} read before {pq.progress_label.lower()})."
            )
            await slot.mount(Static(Text(msg), id="read-on"))
            self.set_focus(self.article, scroll_visible=False)
        else:
            view = QuestionView(pq, tried=self.session.tried(pq.id), id="question")
            if self.paper is None:
                await slot.mount(view)
            else:
                from quizgame.play.exam_labels import draft_line, draft_marks

                await slot.mount(Static(Text(draft_line(self.paper, pq)), id="exam-draft"))
                await slot.mount(view)
                if marks := draft_marks(self.paper, pq):
                    view.query(ChoiceList).first().mark(marks)
            self._shown = pq
            view.focus_answer()
        self.update_status()
        self.refresh_bindings()
        # GC while the player reads (see quizgame/tui/textual_private.py)
        self.call_after_refresh(textual_private.after_question_drawn, self.app)

    def update_status(self) -> None:
        status = self.query_one(GameStatus)
        answered = self.paper.answered_count if self.paper else self.session.answered
        status.show(status_line(self.session, answered), answered)
        status.show_timer(timer_label(self.session.seconds_left()) if self._shown else "")

    def _tick(self) -> None:
        if self._shown is None or self.result is not None or self.session.paused:
            return
        left = self.session.seconds_left()
        self.query_one(GameStatus).show_timer(timer_label(left))
        if left is not None and left <= 0:
            self.run_worker(self._record(self.session.time_up()), exclusive=True)

    # answering -------------------------------------------------------------------------------------------

    @on(QuestionView.Answered)
    async def _answered(self, event: QuestionView.Answered) -> None:
        event.stop()
        if self.result is not None or self._shown is None:
            return
        if self.paper is not None:  # a draft, changeable until the exam is submitted
            self.paper.answer(event.response)
            if self.paper.at_last:
                await self.show_question()
                self.action_exam_review()
            else:
                await self.action_exam_move(1)
            return
        # Everything an answer changes is drawn in one frame: the choices frozen, the feedback, the
        # highlighted proof, the score and the keys. Drawn as each part is ready, the screen would
        # be laid out and painted twice or more (slower, and flickering half-updated).
        with self.app.batch_update():
            await self._record(self.session.submit(event.response), event.response)
            await settled(self)

    async def _record(self, result: AnswerResult, response: Any = None) -> None:
        if not self.session.feedback_now:  # exam: feedback waits for the summary
            self.session.next()
            await self.show_question()
            return
        await self._show_feedback(response)

    async def _show_feedback(self, response: Any = None) -> None:
        result = self.result
        view = self.question_view
        if result is None or view is None:
            return
        gave_up = self.session.gave_up
        lines = feedback_lines(result, self.session.article, gave_up=gave_up)
        marks = None
        if response is not None or gave_up:
            if response is None:
                response = self.session.last_response
            reveal = not self.session.retry_open
            form = result.question.kind.form
            if form is Form.PAIRS:
                lines = replace(lines, pairs=match_marks(result.question, response, reveal=reveal))
            else:
                marks = choice_marks(
                    result.question,
                    response,
                    part_b=form is Form.TWO_PART,
                    reveal=reveal,
                )
        # The quick updates first: while the feedback is mounted they reach the screen, and the
        # answer is drawn in one frame rather than two.
        # The proof is highlighted only once no retry is left: before, it would give the answer away.
        self.article.show_evidence(() if self.session.retry_open else result.evidence)
        self.query_one(GameStatus).show_timer("")
        self.update_status()
        await view.show_result(lines, marks)
        self.refresh_bindings()

    # actions -------------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next":
            return self.result is not None or self.waiting_to_read
        if action == "retry":
            return self.session.retry_open
        if action == "evidence":
            return (
                self.result is not None
                and self.session.feedback_now
                and not self.session.retry_open
            )
        if action in ("exam_move", "flag", "exam_review"):
            return self.paper is not None and self._shown is not None
        return True

    def key_description(self, action: str, default: str) -> str:
        """What the key bar calls a key now, in the same words as the hint on screen."""
        if action == "exam_move" and self.paper is not None and self.paper.at_last:
            return "Review"
        if action == "next":
            if self.result is not None and self.session.retry_open:
                return "Show answer"
            if self.result is None and self.waiting_to_read:
                return "Read on"
        return default

    # the timer stands still while help or a dialog covers the question -------------------------------

    def on_screen_suspend(self) -> None:
        self.session.pause()

    def on_screen_resume(self) -> None:
        self.session.resume()

    def action_next(self) -> None:
        if self.result is None:
            if self.waiting_to_read:
                self.in_one_frame(self.read_on)
            return
        if self.session.retry_open:
            self.session.give_up()  # show the answer; moving on from here ends the attempts
            self.in_one_frame(self._show_feedback)
            return
        self.session.next()
        self.in_one_frame(self.show_question)

    def in_one_frame(self, change: Callable[[], Awaitable[None]]) -> None:
        """Make `change` on this screen's queue, inside one batch that ends once every widget has
        handled what it was sent, so it is laid out and drawn once (see quizgame.tui.settle).

        A key's action runs on the app's queue, and a change sends work there too (a removed pane
        is pruned from it): waited for from the app's own queue, that work would come after the
        frame and lay the screen out a second time."""

        async def batched() -> None:
            with self.app.batch_update():
                await change()
                await settled(self)

        self.call_later(batched)

    async def read_on(self) -> None:
        body = self.session.article.body
        if self.revealed < len(body):
            self.revealed += 1
        await self.show_question()

    def action_retry(self) -> None:
        if not self.session.retry_open:
            return
        self.session.retry()
        self.in_one_frame(self.show_question)

    def action_evidence(self, step: int) -> None:
        """`e` / `E`: the next / previous passage of this question's evidence, scrolled into view."""
        if self.result is None:
            return
        self.article.step_evidence(step)

    async def action_leave(self) -> None:
        await self.app.run_action("leave_game")

    # exam mode: skip, go back, flag, review and submit -------------------------------------------

    async def action_exam_move(self, step: int) -> None:
        """`]` / `→`: the next question (skipping is fine; past the last, the review); `[` / `←`: back."""
        if self.paper is None:
            return
        if step > 0 and self.paper.at_last:
            self.action_exam_review()
            return
        self.paper.goto(self.paper.index + step)
        await self.show_question()

    async def action_flag(self) -> None:
        if self.paper is None or self._shown is None:
            return
        self.paper.toggle_flag()
        draft = self.query("#exam-draft")
        if draft:
            from quizgame.play.exam_labels import draft_line

            draft.first(Static).update(Text(draft_line(self.paper, self._shown)))

    def action_exam_review(self) -> None:
        from quizgame.tui.screens.exam_review_screen import SUBMIT, ExamReviewScreen

        paper = self.paper
        if paper is None:
            return

        async def chosen(choice: int | str | None) -> None:
            if choice == SUBMIT:
                paper.submit()
                self.post_message(self.Finished(self.session))
            elif isinstance(choice, int):
                paper.goto(choice)
                await self.show_question()

        self.app.push_screen(ExamReviewScreen(paper), chosen)
