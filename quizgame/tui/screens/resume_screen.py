"""Resume a game that was left, or start again: `ModalScreen[str]` ("resume" / "again", None on Esc).

Offered when the player picks a bank whose last game of theirs stopped before the end."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from quizgame.text.safe import visible


class ResumeScreen(ModalScreen[str]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('resume')", "Resume"),
        Binding("s", "choose('again')", "Start again"),
        Binding("escape", "cancel", "Back"),
    ]

    def __init__(self, title: str, label: str) -> None:
        super().__init__()
        self.bank_title = title
        self.label = label

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(
                Text(visible(f"You left “{self.bank_title}” before the end.")),
                id="dialog-question",
            )
            yield Static(Text("Your answers so far are kept. Esc goes back."), id="dialog-detail")
            with Horizontal(id="dialog-buttons"):
                yield Button(f"{self.label} (r)", id="resume", variant="primary")
                yield Button("Start again (s)", id="again")

    def on_mount(self) -> None:
        self.query_one("#resume", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id or "again")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)

    def action_cancel(self) -> None:
        self.dismiss(None)
