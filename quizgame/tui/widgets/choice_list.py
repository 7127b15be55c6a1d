"""A list of answer choices: letter/number keys, arrows + Enter, or the mouse.

In single mode a key, Enter or a click answers at once. In multi mode a key, space or a click ticks,
and Enter submits the ticked set. Prompts are `rich.text.Text`, so bank text is never markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quizgame.play.presenter import choice_key, choice_label, key_to_index
from quizgame.text.safe import visible


class ChoiceList(OptionList):
    DEFAULT_CSS = """
    ChoiceList { height: auto; max-height: 100%; margin: 1 0; }
    ChoiceList > .option-list--option { padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space", "tick", "Tick", show=False, tooltip="tick / untick a choice in “select all”"
        )
    ]
    # Keys handled in on_key and by OptionList rather than by bindings, for the help screen.
    HELP_KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("A–Z or 1–9", "pick that choice (in “select all”: tick it)"),
        ("↑ ↓  Enter", "move and choose; click with the mouse works too"),
        ("Enter", "submit a typed answer or the ticked choices"),
    )

    @dataclass
    class Answered(Message):
        """The player chose: one index in single mode, the ticked ones in multi mode."""

        choice_list: ChoiceList
        indices: tuple[int, ...]

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

    def __init__(
        self,
        texts: tuple[str, ...],
        *,
        multi: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        self.texts = texts
        self.multi = multi
        self.ticked: set[int] = set()
        self.marks: dict[int, str] = {}
        self.locked = False
        self.chosen: int | None = None  # single mode: the option answered with
        super().__init__(*self._build_options(), id=id, classes=classes)

    def prompt_text(self, i: int) -> Text:
        """The choice's words (with its tick box and mark), literal text."""
        label = choice_label(i, self.texts[i], multi=self.multi, ticked=i in self.ticked)
        text = Text(visible(label.split("  ", 1)[1]))
        mark = self.marks.get(i)
        if mark:
            text.append(f"  {mark}", style="bold")
        return text

    def _prompt(self, i: int) -> Table:
        # A grid keeps wrapped lines indented under the text, not under the letter.
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(Text(choice_key(i), style="bold"), self.prompt_text(i))
        return grid

    def _build_options(self) -> list[Option]:
        return [Option(self._prompt(i), id=f"choice-{i}") for i in range(len(self.texts))]

    def _refresh_prompt(self, i: int) -> None:
        self.replace_option_prompt_at_index(i, self._prompt(i))

    def on_mount(self) -> None:
        if self.texts:
            self.highlighted = 0

    # answering -------------------------------------------------------------------------------------

    def choose(self, index: int) -> None:
        """What a key press or click on `index` does: answer (single) or tick (multi)."""
        if self.locked or not 0 <= index < len(self.texts):
            return
        if self.multi:
            self.highlighted = index
            self.toggle(index)
        else:
            # The highlight moves to it when the list is frozen, in the same frame as the
            # feedback rather than one frame before it.
            self.chosen = index
            self.post_message(self.Answered(self, (index,)))

    def toggle(self, index: int) -> None:
        if self.locked:
            return
        self.ticked.symmetric_difference_update({index})
        self._refresh_prompt(index)

    def submit(self) -> None:
        if self.locked:
            return
        if self.multi:
            if not self.ticked:
                self.notify("Tick at least one choice (space or its letter), then press Enter.")
                return
            self.post_message(self.Answered(self, tuple(sorted(self.ticked))))
        elif self.highlighted is not None:
            self.chosen = self.highlighted
            self.post_message(self.Answered(self, (self.highlighted,)))

    def action_tick(self) -> None:
        if self.multi and self.highlighted is not None:
            self.toggle(self.highlighted)

    def action_select(self) -> None:
        self.submit()

    async def _on_click(self, event: events.Click) -> None:
        clicked = event.style.meta.get("option")
        if isinstance(clicked, int):
            event.stop()
            self.choose(clicked)

    def on_key(self, event: events.Key) -> None:
        if self.locked or event.character is None:
            return
        index = key_to_index(event.character, len(self.texts))
        if index is not None:
            event.stop()
            event.prevent_default()
            self.choose(index)

    # after answering ---------------------------------------------------------------------------------

    def freeze(self, marks: dict[int, str] | None = None) -> None:
        """No more answers; optionally label choices (`✓ right answer`, `✗ your answer`)."""
        self.locked = True
        self.marks = dict(marks or {})
        for i in range(len(self.texts)):
            self._refresh_prompt(i)
        if self.chosen is not None:
            self.highlighted = self.chosen
