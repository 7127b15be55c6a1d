"""The end of a game: score, percentage, time, one ✓/✗ row per question; Enter reviews a row."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quizgame.game.session import GameSession
from quizgame.play.presenter import skill_lines, summary_row_cells, summary_title
from quizgame.text.safe import one_line, visible
from quizgame.tui.widgets.key_bar import KeyBar


class SummaryScreen(Screen[None]):
    DEFAULT_CSS = """
    #summary-skills { padding: 0 1; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "review", "Review question", show=True),
        Binding("p", "again", "Play again"),
        Binding("m", "practise_missed", "Practise missed"),
        Binding("escape,b", "back", "Back"),
        Binding("q", "app.quit", "Quit"),
    ]

    @dataclass
    class Again(Message):
        session: GameSession
        only: tuple[str, ...] | None = None  # practise just these questions (the ones missed)

    @dataclass
    class Back(Message):
        pass

    def __init__(self, session: GameSession, *, best: str = "") -> None:
        super().__init__()
        self.session = session
        self.best = best  # the personal-best line ("" for a practice of the ones missed)
        self.summary = session.summary()

    def compose(self) -> ComposeResult:
        bank = self.session.loaded.bank
        player = self.session.player
        yield Static(
            Text(visible(f"Summary — {bank.title} — {player}"), style="bold"), id="summary-title"
        )
        yield Static(Text(summary_title(self.summary)), id="summary-score")
        if self.best:
            yield Static(Text(self.best), id="summary-best")
        skills = skill_lines(self.summary)
        if skills:
            yield Static(Text(visible("\n".join(skills))), id="summary-skills")
        yield Static(
            Text("Enter or click a row to review it with its evidence."), id="summary-hint"
        )
        table: DataTable[Text] = DataTable(
            cursor_type="row", id="summary-table", zebra_stripes=True
        )
        yield table
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#summary-table", DataTable)
        table.add_columns("#", "Result", "Points", "Question")
        for row in self.summary.rows:
            cells = summary_row_cells(row)
            table.add_row(*(Text(one_line(c)) for c in cells), key=row.question_id)
        table.focus()

    @on(DataTable.RowSelected, "#summary-table")
    def _row(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.review(event.row_key.value)

    def action_review(self) -> None:
        table = self.query_one("#summary-table", DataTable)
        if 0 <= table.cursor_row < len(self.summary.rows):
            self.review(self.summary.rows[table.cursor_row].question_id)

    def review(self, question_id: str) -> None:
        from quizgame.tui.screens.review_screen import ReviewScreen

        pq = next((q for q in self.session.questions if q.id == question_id), None)
        if pq is not None:
            self.app.push_screen(ReviewScreen(self.session, pq))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "practise_missed":
            return bool(self.summary.missed)
        return True

    def action_practise_missed(self) -> None:
        """Replay only the questions not fully right, in practice mode."""
        if self.summary.missed:
            self.post_message(self.Again(self.session, only=self.summary.missed))

    def action_again(self) -> None:
        self.post_message(self.Again(self.session))

    def action_back(self) -> None:
        self.post_message(self.Back())
