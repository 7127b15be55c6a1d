"""The always-visible line: `Question 3 of 18 · Score 2 / 18`, a progress bar, and the timer.

One widget drawing one line (not a row of a label, Textual's ProgressBar and its parts, and a
timer label): it changes on every answer, and a single fixed-height widget is repainted without
laying out the screen again. Its values are reactive: it repaints only when one of them changes.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class GameStatus(Widget):
    text: reactive[str] = reactive("")
    progress: reactive[int] = reactive(0)
    timer: reactive[str] = reactive("")

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "game-status--done",
        "game-status--todo",
        "game-status--timer",
    }
    DEFAULT_CSS = """
    GameStatus { height: 1; background: $panel; padding: 0 1; }
    GameStatus > .game-status--done { color: $accent; }
    GameStatus > .game-status--todo { color: $panel-lighten-2; }
    GameStatus > .game-status--timer { color: $warning; }
    """

    def __init__(self, total: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.total = total

    def show(self, text: str, progress: int) -> None:
        self.text, self.progress = text, progress

    def show_timer(self, label: str) -> None:
        self.timer = label

    def render(self) -> Text:
        width = self.content_size.width
        out = Text(self.text, no_wrap=True, overflow="ellipsis", end="")
        timer = f" {self.timer}" if self.timer else ""
        room = width - out.cell_len - len(timer) - 2
        if room >= 8:  # a bar too short to read is left out; the text says it all anyway
            done = room * self.progress // max(1, self.total)
            out.append("  ")
            out.append("━" * done, self.get_component_rich_style("game-status--done"))
            out.append("━" * (room - done), self.get_component_rich_style("game-status--todo"))
        else:
            out.append(" " * max(0, width - out.cell_len - len(timer)))
        out.append(timer, self.get_component_rich_style("game-status--timer"))
        return out
