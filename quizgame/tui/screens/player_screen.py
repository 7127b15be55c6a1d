"""Who is playing, and how: the name is remembered for next time (see `quizgame.play.prefs`)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, RadioSet, Static

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

    def __init__(self, entry: BankEntry, name: str, mode: str) -> None:
        super().__init__()
        self.entry = entry
        self.default_name = name
        self.mode = mode

    def compose(self) -> ComposeResult:
        with Vertical(id="player-box"):
            yield Static(Text(visible(self.entry.title), style="bold"), id="player-bank")
            yield Static(Text(visible(self.entry.details)), id="player-details")
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
        self.query_one("#name", Input).focus()

    @on(RadioSet.Changed, "#mode")
    def _mode(self, event: RadioSet.Changed) -> None:
        pressed = event.pressed.id or ""
        self.mode = pressed.removeprefix("mode-")

    @on(Input.Submitted, "#name")
    @on(Button.Pressed, "#start")
    def _start(self) -> None:
        name = clean_name(self.query_one("#name", Input).value)
        if not name:
            self.notify("Type your name first.", severity="warning")
            self.query_one("#name", Input).focus()
            return
        self.dismiss((name, self.mode))

    def action_back(self) -> None:
        self.dismiss(None)
