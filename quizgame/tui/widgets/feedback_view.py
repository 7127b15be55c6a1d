"""Feedback on one answer: verdict (symbol + word), points, notes, explanation and the proof."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from quizgame.tui.view import FeedbackLines


class FeedbackView(Vertical, can_focus=True):
    DEFAULT_CSS = """
    FeedbackView { height: auto; padding: 0 1; margin: 1 0; border: round $primary; }
    FeedbackView:focus { border: round $accent; }
    FeedbackView > .fb-headline { text-style: bold; }
    FeedbackView.-correct > .fb-headline { color: $success; }
    FeedbackView.-partial > .fb-headline { color: $warning; }
    FeedbackView.-wrong > .fb-headline { color: $error; }
    FeedbackView > .fb-label { color: $text-muted; margin-top: 1; }
    FeedbackView > .fb-hint { color: $text-muted; margin-top: 1; }
    """

    def __init__(self, lines: FeedbackLines, *, id: str | None = None) -> None:
        super().__init__(id=id, classes=f"-{lines.outcome}")
        self.lines = lines

    def compose(self) -> ComposeResult:
        ln = self.lines
        head = Text(ln.headline)
        head.append(f"   {ln.points}", style="not bold")
        yield Static(head, classes="fb-headline")
        yield Static(Text(f"Your answer: {ln.your_answer}"), classes="fb-answer")
        if ln.right_answer is not None:
            yield Static(Text(f"Right answer: {ln.right_answer}"), classes="fb-right")
        for note in ln.notes:
            yield Static(Text(f"• {note}"), classes="fb-note")
        yield Static(Text("Why"), classes="fb-label")
        yield Static(Text(ln.explanation), classes="fb-explanation")
        yield Static(Text("Evidence (highlighted in the article)"), classes="fb-label")
        for line in ln.evidence:
            yield Static(Text(line), classes="fb-evidence")
        yield Static(Text(ln.next_hint), classes="fb-hint")
