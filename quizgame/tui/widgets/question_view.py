"""The question pane: prompt, the right input for the type, then feedback.

It only collects a response in the shape `quizgame.game.scoring` expects and posts it upward
(`QuestionView.Answered`); the screen asks the engine for the verdict and hands back what to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from quizgame.game.kinds import Form
from quizgame.game.presented import PresentedQuestion
from quizgame.play.presenter import (
    FeedbackLines,
    answer_hint,
    choice_texts,
    part_prompt,
    ruled_out,
    type_label,
)
from quizgame.text.formatting import format_points
from quizgame.text.safe import visible
from quizgame.tui.textual_private import LaidOutOnce
from quizgame.tui.widgets.choice_list import ChoiceList
from quizgame.tui.widgets.feedback_view import FeedbackView

if TYPE_CHECKING:  # imported where a question of their kind is shown (issue 14, start-up)
    from quizgame.tui.widgets.cloze_gaps import ClozeGaps
    from quizgame.tui.widgets.match_pairs import MatchPairs
    from quizgame.tui.widgets.order_list import OrderList


class PaneText(LaidOutOnce, Static):
    """A line of the question pane (type and points, prompt, hint): an auto-height Static whose
    first sizing does not lay the screen out a second time (see `LaidOutOnce`)."""

    DEFAULT_CSS = "PaneText { height: auto; }"  # as Static's (LaidOutOnce, first, brings Widget's)


class QuestionView(LaidOutOnce, VerticalScroll):
    DEFAULT_CSS = """
    QuestionView { padding: 0 1; }
    QuestionView > .q-meta { color: $text-muted; }
    QuestionView > #q-prompt { text-style: bold; margin-top: 1; }
    QuestionView > #q-hint { color: $text-muted; }
    QuestionView > #q-part-a { color: $text-muted; margin-top: 1; }
    QuestionView > #short-input { margin: 1 0; }
    QuestionView > #submit { margin-bottom: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "submit",
            "Submit",
            show=False,
            tooltip="submit (match, select-all, put-in-order and fill-the-gaps questions)",
        )
    ]

    @dataclass
    class Answered(Message):
        question_view: QuestionView
        response: Any

    def __init__(
        self, pq: PresentedQuestion, *, tried: tuple[Any, ...] = (), id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.pq = pq
        self.tried = tried  # earlier attempts at this question: their wrong options are ruled out
        self.part_a: str | None = None
        self.locked = False

    # building ----------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        pq = self.pq
        pts = format_points(pq.question.points)
        meta = f"{pq.progress_label} · {type_label(pq)} · {pts} point{'s' if pts != '1' else ''}"
        yield PaneText(Text(meta), classes="q-meta")
        yield PaneText(Text(visible(part_prompt(pq, False))), id="q-prompt")
        yield PaneText(Text(answer_hint(pq)), id="q-hint")
        # Feedback is mounted after the hint, above the choices: its place never moves, so showing
        # it needs no scrolling.
        form = pq.kind.form
        if form in (Form.ONE, Form.MANY, Form.TRUEFALSE, Form.TWO_PART):
            yield ChoiceList(
                choice_texts(pq),
                multi=form is Form.MANY,
                keys=("T", "F") if form is Form.TRUEFALSE else None,
                ruled_out=frozenset(ruled_out(pq, self.tried)),
                id="choices",
            )
        elif form is Form.TEXT:
            yield Input(placeholder="Type your answer, then Enter", id="short-input")
        # The widgets of the rarer forms are imported when a question needs one: a bank without
        # them never loads them (their messages are handled by name below, `on_…`, for that).
        elif form is Form.PAIRS:
            from quizgame.tui.widgets.match_pairs import MatchPairs

            yield MatchPairs(pq.match_left, pq.match_right, id="match")
        elif form is Form.ORDER:
            from quizgame.tui.widgets.order_list import OrderList

            yield OrderList(pq.order_items, id="order")
        elif form is Form.GAPS:
            from quizgame.tui.widgets.cloze_gaps import ClozeGaps

            yield ClozeGaps(getattr(pq.question, "text", ""), pq.gap_options, id="cloze")
        if form in (Form.MANY, Form.PAIRS, Form.ORDER, Form.GAPS):
            submit = Button("Submit answer", id="submit", variant="primary")
            # No press animation: the feedback that replaces the button is the response, and the
            # flash would be drawn a frame before it.
            submit.active_effect_duration = 0
            yield submit

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Whatever takes focus here (a match item, Submit, the answer field) is scrolled into view:
        the pane hides its scrollbar, so it is scrolled for the student (`force`). A choice list
        scrolls its highlighted option into view itself."""
        widget = event.widget
        if self.locked or isinstance(widget, ChoiceList | FeedbackView):
            return
        self.call_after_refresh(
            self.scroll_to_widget, widget, animate=False, force=True, immediate=True
        )

    def answer_widget(self) -> Widget | None:
        for selector in ("#choices-b", "#choices", "#short-input", "#match-0", "#order", "#gap-0"):
            found = self.query(selector)
            if found:
                return found.first()
        return None

    def focus_answer(self) -> None:
        target = self.answer_widget()
        if target is not None and not self.locked:
            # At once (not `target.focus()`, which waits for the app's queue): the focus is then
            # part of the question's one frame.
            self.screen.set_focus(target)

    # collecting the response -----------------------------------------------------------------------------

    @on(ChoiceList.Answered)
    async def _choice(self, event: ChoiceList.Answered) -> None:
        event.stop()
        if self.locked:
            return
        pq = self.pq
        texts = event.choice_list.texts
        form = pq.kind.form
        if form is Form.MANY:
            self._answer({texts[i] for i in event.indices})
        elif form is Form.TRUEFALSE:
            self._answer(event.indices[0] == 0)
        elif form is Form.TWO_PART and self.part_a is None:
            await self._to_part_b(texts[event.indices[0]])
        elif form is Form.TWO_PART:
            self._answer((self.part_a, texts[event.indices[0]]))
        else:
            self._answer(texts[event.indices[0]])

    async def _to_part_b(self, part_a: str) -> None:
        self.part_a = part_a
        old = self.query_one("#choices", ChoiceList)
        await self.mount(
            PaneText(Text(visible(f"Part A — your answer: {part_a}")), id="q-part-a"),
            before="#q-prompt",
        )
        self.query_one("#q-prompt", Static).update(Text(visible(part_prompt(self.pq, True))))
        self.query_one("#q-hint", Static).update(Text(answer_hint(self.pq, part_b=True)))
        new = ChoiceList(
            choice_texts(self.pq, part_b=True),
            ruled_out=frozenset(ruled_out(self.pq, self.tried, part_b=True)),
            id="choices-b",
        )
        await self.mount(new, after=old)
        await old.remove()
        new.focus()
        self.scroll_home(animate=False)

    @on(Input.Submitted, "#short-input")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self.notify("Type an answer first.")
            return
        self._answer(text)

    @on(Button.Pressed, "#submit")
    def _submit_button(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_submit()

    def on_match_pairs_changed(self, event: MatchPairs.Changed) -> None:
        event.stop()
        if event.complete:
            self.query_one("#submit", Button).focus()

    def action_submit(self) -> None:
        if self.locked:
            return
        form = self.pq.kind.form
        if form is Form.MANY:
            self.query_one("#choices", ChoiceList).submit()
        elif form is Form.PAIRS:
            from quizgame.tui.widgets.match_pairs import MatchPairs

            pairs = self.query_one(MatchPairs)
            if not pairs.complete:
                missing = len(pairs.lefts) - len(pairs.pairs)
                self.notify(f"Pick a match for every item first ({missing} left).")
                return
            self._answer(pairs.pairs)
        elif form is Form.ORDER:
            from quizgame.tui.widgets.order_list import OrderList

            self._answer(self.query_one(OrderList).order)
        elif form is Form.GAPS:
            from quizgame.tui.widgets.cloze_gaps import ClozeGaps

            gaps = self.query_one(ClozeGaps)
            if gaps.missing:
                self.notify(f"Fill every gap first ({gaps.missing} left).")
                return
            self._answer(gaps.fills)

    def on_order_list_submitted(self, event: OrderList.Submitted) -> None:
        event.stop()
        self.action_submit()

    def on_cloze_gaps_filled(self, event: ClozeGaps.Filled) -> None:
        event.stop()
        self.action_submit()

    def _answer(self, response: Any) -> None:
        self.post_message(self.Answered(self, response))

    # after answering -----------------------------------------------------------------------------------

    async def show_result(
        self,
        lines: FeedbackLines | None,
        marks: dict[int, str] | None = None,
    ) -> None:
        """Lock the inputs and (practice mode) show the feedback below them.

        Inputs that are done with are hidden or removed rather than disabled: a typed answer is in
        the feedback already, and so are a match's pairs, each marked ✓/✗. (Disabling them
        restyles each one, which Textual draws over several more frames.)
        """
        self.locked = True
        for cl in self.query(ChoiceList):
            cl.freeze(marks if cl.id == ("choices-b" if self.part_a else "choices") else None)
        for inp in self.query(Input):
            inp.display = False
        for done in self.query("#match, #order, #cloze"):
            await done.remove()
        for btn in self.query("#submit"):
            btn.display = False
        self.query_one("#q-hint", Static).display = False
        shown = self.feedback
        if lines is None:
            if shown is not None:
                await shown.remove()
        elif shown is not None:
            shown.show(lines)
        else:
            view = FeedbackView(lines, id="feedback")
            await self.mount(view, after="#q-hint")
            # At once rather than `view.focus()` (which waits for the app's queue): the focus
            # change is then part of the answer's one frame (see quizgame.tui.settle).
            self.screen.set_focus(view, scroll_visible=False)
        self.scroll_home(animate=False)

    @property
    def feedback(self) -> FeedbackView | None:
        found = self.query(FeedbackView)
        return found.first() if found else None
