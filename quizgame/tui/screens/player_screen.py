"""Who is playing, and how: the name is remembered for next time (see `quizgame.play.prefs`).

With a class list (`quizgame serve --roster FILE`) the player picks their name from it instead of
typing one, so a class's results are not split by misspellings and names not on it cannot be used.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, OptionList, RadioSet, Static
from textual.widgets.option_list import Option

from quizgame.play.bank_list import BankEntry
from quizgame.play.prefs import MAX_NAME, clean_name
from quizgame.text.safe import visible
from quizgame.tui.widgets.key_bar import KeyBar
from quizgame.tui.widgets.marked_radio import MarkedRadioButton

MODE_HELP = {
    "practice": "Practice — feedback after every answer; a wrong answer may be retried",
    "exam": "Exam — no feedback until the end",
    "guided": "Guided — read passage by passage; questions appear as you read",
}


class PlayerScreen(Screen[tuple[str, str] | None]):
    """Dismisses with (name, mode), or None when the player goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "Back")]

    def __init__(
        self, entry: BankEntry, name: str, mode: str, *, roster: Sequence[str] = ()
    ) -> None:
        super().__init__()
        self.entry = entry
        self.default_name = name
        self.mode = mode
        self.roster = tuple(roster)

    def compose(self) -> ComposeResult:
        with Vertical(id="player-box"):
            yield Static(Text(visible(self.entry.title), style="bold"), id="player-bank")
            yield Static(Text(visible(self.entry.details)), id="player-details")
            if self.roster:
                yield Static(Text("Your name (↑↓ to choose)"), classes="field-label")
                yield OptionList(
                    *(Option(Text(visible(n)), id=f"n{i}") for i, n in enumerate(self.roster)),
                    id="roster",
                )
            else:
                yield Static(Text("Your name"), classes="field-label")
                yield Input(
                    value=self.default_name,
                    placeholder="Type your name",
                    max_length=MAX_NAME,
                    id="name",
                )
            yield Static(Text("Mode"), classes="field-label")
            with RadioSet(id="mode"):
                for mode, label in MODE_HELP.items():
                    yield MarkedRadioButton(label, value=mode == self.mode, id=f"mode-{mode}")
            yield Button("Start", id="start", variant="primary")
        yield KeyBar()

    def on_mount(self) -> None:
        if self.roster:
            names = self.query_one("#roster", OptionList)
            names.highlighted = 0
            names.focus()
        else:
            self.query_one("#name", Input).focus()

    @on(OptionList.OptionSelected, "#roster")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss((self.roster[event.option_index], self.mode))

    @on(RadioSet.Changed, "#mode")
    def _mode(self, event: RadioSet.Changed) -> None:
        pressed = event.pressed.id or ""
        self.mode = pressed.removeprefix("mode-")

    @on(Input.Submitted, "#name")
    @on(Button.Pressed, "#start")
    def _start(self) -> None:
        if self.roster:
            index = self.query_one("#roster", OptionList).highlighted
            if index is not None:
                self.dismiss((self.roster[index], self.mode))
            return
        name = clean_name(self.query_one("#name", Input).value)
        if not name:
            self.notify("Type your name first.", severity="warning")
            self.query_one("#name", Input).focus()
            return
        self.dismiss((name, self.mode))

    def action_back(self) -> None:
        self.dismiss(None)
