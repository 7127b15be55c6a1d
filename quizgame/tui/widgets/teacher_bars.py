"""Horizontal text bars with labels and counts: answer distributions and the score histogram.

Drawn as text (no plotting dependency) so they work in any terminal, in a screen reader's view of
the screen, and in snapshot tests. Each bar may carry a mark (✓ ◐ ✗) so right and wrong answers
are told apart by symbol, not by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from quizgame.text.safe import one_line

MARK_STYLES = {"✓": "green", "◐": "yellow", "✗": "red"}


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    mark: str = ""  # ✓ ◐ ✗, or "" for none


def bars_text(bars: Sequence[Bar], width: int = 40, label_width: int = 36) -> Text:
    """The chart as Rich text; labels are untrusted (students' answers) and stay literal."""
    out = Text()
    if not bars:
        out.append("(no answers yet)", style="dim")
        return out
    largest = max(b.count for b in bars) or 1
    total = sum(b.count for b in bars) or 1
    for n, b in enumerate(bars):
        if n:
            out.append("\n")
        label = one_line(" ".join(b.label.split()))
        if len(label) > label_width:
            label = label[: label_width - 1] + "…"
        if b.mark:
            out.append(f"{b.mark} ", style=MARK_STYLES.get(b.mark, ""))
        out.append(f"{label:<{label_width}} ")
        size = max(1, round(width * b.count / largest)) if b.count else 0
        out.append("█" * size, style=MARK_STYLES.get(b.mark, "cyan"))
        out.append(f" {b.count} ({100 * b.count / total:.0f}%)")
    return out


class TeacherBarChart(Static):
    DEFAULT_CSS = """
    TeacherBarChart {
        height: auto;
        padding: 0 1;
    }
    """

    def __init__(
        self,
        bars: Sequence[Bar] = (),
        *,
        label_width: int = 36,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.bars: tuple[Bar, ...] = tuple(bars)
        self.label_width = label_width

    def on_mount(self) -> None:
        self.refresh_bars()

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self.bars = tuple(bars)
        self.refresh_bars()

    def refresh_bars(self) -> None:
        self.update(bars_text(self.bars, label_width=self.label_width))
