"""Filling the gaps of a `cloze` question: the passage with numbered gaps, then one input per gap.

A typed gap is an Input; a gap with options is a Select, which also takes its option's letter
(A, B, …) when focused, as match questions do. Enter in the last input submits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Select, Static

from quizgame.game.kinds.cloze import numbered_gaps
from quizgame.play.presenter import choice_key, key_to_index
from quizgame.text.safe import visible


class ClozeGaps(Vertical):
    DEFAULT_CSS = """
    ClozeGaps { height: auto; margin: 1 0; }
    ClozeGaps > #cloze-text { margin-bottom: 1; }
    ClozeGaps > .gap-label { margin-top: 1; color: $text-muted; }
    ClozeGaps > Select { width: 1fr; }
    """

    HELP_KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("A–Z", "fill the gaps: pick that option for a listed gap and go to the next gap"),
        ("Enter", "fill the gaps: in the last gap, submit"),
    )

    @dataclass
    class Filled(Message):
        """Enter in the last gap: the player is done."""

        cloze_gaps: ClozeGaps

    def __init__(
        self, text: str, options: tuple[tuple[str, ...], ...], *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.text = text
        self.options = options

    def compose(self) -> ComposeResult:
        yield Static(Text(visible(numbered_gaps(self.text))), id="cloze-text")
        for n, opts in enumerate(self.options):
            yield Static(Text(f"Gap ({n + 1})"), classes="gap-label")
            if opts:
                listed = [(Text(visible(f"{choice_key(i)}  {o}")), i) for i, o in enumerate(opts)]
                yield Select[int](listed, prompt="choose (letter or Enter)", id=f"gap-{n}")
            else:
                yield Input(placeholder="type the missing words", id=f"gap-{n}")

    def inputs(self) -> list[Input | Select[int]]:
        return [self.query_one(f"#gap-{n}") for n in range(len(self.options))]  # type: ignore[misc]

    @property
    def fills(self) -> tuple[str, ...]:
        """What each gap holds now ("" where nothing is given yet)."""
        out: list[str] = []
        for opts, widget in zip(self.options, self.inputs(), strict=True):
            if isinstance(widget, Input):
                out.append(widget.value.strip())
            else:
                value = widget.value
                out.append(opts[value] if isinstance(value, int) else "")
        return tuple(out)

    @property
    def missing(self) -> int:
        return sum(1 for f in self.fills if not f)

    def set_gap(self, n: int, value: str) -> None:
        widget = self.inputs()[n]
        if isinstance(widget, Input):
            widget.value = value
        else:
            widget.value = self.options[n].index(value)

    @on(Input.Submitted)
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        widgets = self.inputs()
        position = widgets.index(event.input) if event.input in widgets else -1
        if 0 <= position < len(widgets) - 1:
            widgets[position + 1].focus()
        else:
            self.post_message(self.Filled(self))

    def on_key(self, event: events.Key) -> None:
        focused = self.screen.focused
        if not isinstance(focused, Select) or focused.expanded or event.character is None:
            return
        widgets = self.inputs()
        if focused not in widgets or not event.character.isalpha():
            return
        position = widgets.index(focused)
        index = key_to_index(event.character, len(self.options[position]))
        if index is None:
            return
        event.stop()
        event.prevent_default()
        focused.value = index
        if position + 1 < len(widgets):
            widgets[position + 1].focus()
