"""Review before submitting an exam: every question with ✓ Answered / – Unanswered / ⚑ Flagged.

`ModalScreen[int | str | None]`: dismissed with a question's index to go back to it, `"submit"`
to hand the exam in, or None (Esc) to return to the question on screen. Submitting with questions
unanswered or flagged asks first, so no single key hands in an exam by accident.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Static

from quizgame.game.exam import ExamPaper
from quizgame.play.exam_labels import review_cells, review_title, submit_warning
from quizgame.text.safe import one_line
from quizgame.tui.widgets.key_bar import KeyBar

SUBMIT = "submit"


class ExamReviewScreen(ModalScreen[int | str | None]):
    DEFAULT_CSS = """
    ExamReviewScreen { align: center middle; }
    #exam-review { width: 100%; height: 100%; border: thick $primary; background: $surface; }
    #exam-review-title { text-style: bold; padding: 0 1; }
    #exam-review-counts, #exam-review-hint { padding: 0 1; }
    #exam-review-table { height: 1fr; }
    #exam-submit { margin: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Go to question", show=True),
        Binding("s", "submit", "Submit exam"),
        Binding("escape", "close", "Back to the question"),
    ]

    def __init__(self, paper: ExamPaper) -> None:
        super().__init__()
        self.paper = paper

    def compose(self) -> ComposeResult:
        with Vertical(id="exam-review"):
            yield Static(Text("Review before you submit"), id="exam-review-title")
            yield Static(Text(review_title(self.paper)), id="exam-review-counts")
            yield Static(
                Text("Enter on a row goes to that question · s submits · Esc goes back."),
                id="exam-review-hint",
            )
            table: DataTable[Text] = DataTable(
                cursor_type="row", id="exam-review-table", zebra_stripes=True
            )
            yield table
            yield Button("Submit exam (s)", id="exam-submit", variant="primary")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#exam-review-table", DataTable)
        table.add_columns("#", "Status", "Flag", "Question")
        for pq in self.paper.questions:
            table.add_row(*(Text(one_line(c)) for c in review_cells(self.paper, pq)))
        first = next(iter((*self.paper.unanswered(), *self.paper.flagged())), 1)
        table.move_cursor(row=first - 1)  # start on the first question that needs a look
        table.focus()

    @on(DataTable.RowSelected, "#exam-review-table")
    def _row(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.dismiss(event.cursor_row)

    def action_open(self) -> None:
        self.dismiss(self.query_one("#exam-review-table", DataTable).cursor_row)

    @on(Button.Pressed, "#exam-submit")
    def _submit_button(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        from quizgame.tui.screens.confirm_screen import ConfirmScreen

        warning = submit_warning(self.paper)
        if not warning:
            self.dismiss(SUBMIT)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(SUBMIT)

        self.app.push_screen(
            ConfirmScreen("Submit the exam now?", f"{warning}. Answers cannot change after."),
            answered,
        )

    def action_close(self) -> None:
        self.dismiss(None)
