"""The baseline for bench/serve_load.py: the smallest Textual app that plays the same script.

It shows "Your name", then "Question k of N"; the key `a` adds "Correct" and Enter moves on;
after the last question, "Summary". Served by the same server as the game, so the difference
between the two is what the game itself costs.
"""

from __future__ import annotations

import sys
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static


class Baseline(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "answer"),
        Binding("enter", "next"),
    ]

    def __init__(self, questions: int) -> None:
        super().__init__()
        self.questions = questions
        self.k = 0

    def compose(self) -> ComposeResult:
        yield Static("Your name", id="text")

    def action_answer(self) -> None:
        if 0 < self.k <= self.questions:
            self.query_one("#text", Static).update(
                f"Question {self.k} of {self.questions}\nCorrect"
            )

    def action_next(self) -> None:
        self.k += 1
        text = f"Question {self.k} of {self.questions}" if self.k <= self.questions else "Summary"
        self.query_one("#text", Static).update(text)


if __name__ == "__main__":
    Baseline(int(sys.argv[1])).run()
