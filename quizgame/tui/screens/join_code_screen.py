"""The class code a student types before playing (`quizgame class --join-code`)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from quizgame.tui.widgets.key_bar import KeyBar

MAX_TRIES = 5


class JoinCodeScreen(Screen[bool]):
    """Dismisses with True once the right code is typed; False after too many wrong ones."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.quit", "Leave")]

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code
        self.tries = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="player-box"):
            yield Static(Text("Join the class", style="bold"))
            yield Static(Text("Type the class code your teacher shows"), classes="field-label")
            yield Input(placeholder="Class code", max_length=8, id="join-code", restrict=r"\d*")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#join-code", Input).focus()

    @on(Input.Submitted, "#join-code")
    def _submitted(self, event: Input.Submitted) -> None:
        if event.value.strip() == self.code:
            self.dismiss(True)
            return
        self.tries += 1
        if self.tries >= MAX_TRIES:
            self.dismiss(False)
            return
        event.input.value = ""
        self.notify("That is not this class's code. Look again and retype it.", severity="warning")
