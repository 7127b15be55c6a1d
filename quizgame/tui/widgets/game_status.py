"""The always-visible line: `Question 3 of 18 · Score 2 / 18`, a progress bar, and the timer."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static


class GameStatus(Horizontal):
    DEFAULT_CSS = """
    GameStatus { height: 1; background: $panel; padding: 0 1; }
    GameStatus > #status-text { width: auto; margin-right: 2; }
    GameStatus > ProgressBar { width: 1fr; min-width: 8; }
    GameStatus > ProgressBar > Bar { width: 1fr; }
    GameStatus > #status-timer { width: auto; margin-left: 1; color: $warning; }
    """

    def __init__(self, total: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.total = total
        self.text = ""
        self.timer = ""

    def compose(self) -> ComposeResult:
        yield Static(Text(self.text), id="status-text")
        yield ProgressBar(total=self.total, show_eta=False, show_percentage=False, id="status-bar")
        yield Static(Text(self.timer), id="status-timer")

    def show(self, text: str, progress: int) -> None:
        self.text = text
        self.query_one("#status-text", Static).update(Text(text))
        self.query_one(ProgressBar).update(progress=progress)

    def show_timer(self, label: str) -> None:
        if label != self.timer:
            self.timer = label
            self.query_one("#status-timer", Static).update(Text(label))
