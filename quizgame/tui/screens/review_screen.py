"""Reviewing one answered question from the summary, its evidence highlighted in the article."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import Static

from quizgame.game.presented import PresentedQuestion
from quizgame.game.session import GameSession
from quizgame.play.presenter import choice_marks, feedback_lines, is_stacked, step_mistake
from quizgame.tui.widgets.article_view import ArticleView
from quizgame.tui.widgets.key_bar import KeyBar
from quizgame.tui.widgets.question_view import QuestionView


class ReviewScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,b", "back", "Back to summary"),
        Binding(
            "n", "mistake(1)", "Next mistake", tooltip="review the next question not fully right"
        ),
        Binding(
            "p",
            "mistake(-1)",
            "Previous mistake",
            tooltip="review the previous one not fully right",
        ),
        Binding("e", "evidence(1)", "Evidence"),
        Binding("E", "evidence(-1)", "Previous evidence", show=False),
        Binding("f2", "layout", "Layout"),
    ]

    def __init__(self, session: GameSession, pq: PresentedQuestion) -> None:
        super().__init__()
        self.session = session
        self.pq = pq
        self.layout_override: bool | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text(f"Review — {self.pq.progress_label}", style="bold"), id="review-title")
        with Container(id="main"):
            yield ArticleView(self.session.article, id="article")
            with Container(id="question-slot"):
                yield QuestionView(self.pq, id="question")
        yield KeyBar()

    async def on_mount(self) -> None:
        await self._fill()

    async def _fill(self) -> None:
        self.apply_layout()
        result = self.session.result_for(self.pq.id)
        view = self.query_one(QuestionView)
        if result is None:
            await view.show_result(None)
            view.mount(Static(Text("Not answered."), id="not-answered"))
        else:
            response = self.session.response_for(self.pq.id)
            marks = choice_marks(self.pq, response) if response is not None else None
            await view.show_result(feedback_lines(result, self.session.article, review=True), marks)
        self.query_one(ArticleView).show_evidence(self.pq.evidence)

    def on_resize(self, event: events.Resize) -> None:
        self.apply_layout()

    def apply_layout(self) -> None:
        stacked = is_stacked(self.size.width, self.layout_override)
        self.query_one("#main").set_class(stacked, "-stacked")

    def action_layout(self) -> None:
        self.layout_override = not is_stacked(self.size.width, self.layout_override)
        self.apply_layout()

    def action_back(self) -> None:
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "mistake" and parameters:
            return self._mistake(int(str(parameters[0]))) is not None
        return True

    def _mistake(self, step: int) -> PresentedQuestion | None:
        ids = [q.id for q in self.session.questions]
        target = step_mistake(ids, self.session.summary().missed, self.pq.id, step)
        return next((q for q in self.session.questions if q.id == target), None)

    async def action_mistake(self, step: int) -> None:
        """`n` / `p`: review the next / previous question not fully right, without the summary."""
        target = self._mistake(step)
        if target is None:
            return
        self.pq = target
        await self.recompose()
        await self._fill()
        # the new article pane is laid out after this: scroll to the evidence once it is
        self.call_after_refresh(self.query_one(ArticleView).scroll_to_evidence)
        self.refresh_bindings()

    def action_evidence(self, step: int) -> None:
        """`e` / `E`: the next / previous passage of the evidence, scrolled into view."""
        self.query_one(ArticleView).step_evidence(step)
