"""A choice's prompt (`KeyedPrompt`) draws exactly what the two-column grid it replaced drew."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from quizgame.tui.widgets.choice_list import KeyedPrompt

WORDS = [
    "the",
    "quick",
    "brown",
    "fox",
    "jumps",
    "over",
    "a",
    "lazy",
    "dog;",
    "Übergrößenträger",
    "東京都",
    "🙂",
    "x",
]


def grid(key: Text, words: Text) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    table.add_row(key, words)
    return table


def cells(
    console: Console, renderable: RenderableType, width: int
) -> list[list[tuple[str, Style]]]:
    """Each line as (character, style) per cell, padded to the width (a list pads it anyway)."""
    rows = []
    segments = console.render(renderable, console.options.update_width(width))
    for line in Segment.split_lines(segments):
        row: list[tuple[str, Style]] = []
        for seg in line:
            for ch in seg.text:
                row.append((ch, seg.style or Style()))
                row.extend([("", seg.style or Style())] * (cell_len(ch) - 1))
        rows.append(row + [(" ", Style())] * (width - len(row)))
    return rows


@pytest.mark.parametrize("width", [4, 7, 12, 20, 33, 46, 80])
@pytest.mark.parametrize("n", range(12))
def test_prompt_is_drawn_as_the_grid_was(width: int, n: int) -> None:
    console = Console(width=200, color_system="truecolor", force_terminal=True)
    words = Text(" ".join(WORDS[(n * 7 + k) % len(WORDS)] for k in range(1 + n * 3)))
    if n % 2:
        words.append("  ✓ right answer", style="bold")
    key = Text("ABCTF"[n % 5], style="bold")
    assert cells(console, KeyedPrompt(key, words.copy()), width) == cells(
        console, grid(key, words.copy()), width
    )
    assert Measurement.get(console, console.options, KeyedPrompt(key, words)) == Measurement.get(
        console, console.options, grid(key, words)
    )
