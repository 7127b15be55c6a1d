"""The keys, one screen away (`?` or F1 anywhere)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: tuple[tuple[str, str], ...] = (
    ("Answering", ""),
    ("A–Z or 1–9", "pick that choice (in “select all”: tick it)"),
    ("↑ ↓  Enter", "move and choose; click with the mouse works too"),
    ("space", "tick / untick a choice in “select all that apply”"),
    ("Enter", "submit a typed answer or the ticked choices"),
    ("ctrl+s", "submit (match and select-all questions)"),
    ("Tab / shift+Tab", "move between the article, the choices and buttons"),
    ("After answering", ""),
    ("Enter or n", "next question (or show the answer when a retry is offered)"),
    ("r", "try again, for reduced credit (practice mode)"),
    ("e", "jump between the question and its evidence in the article"),
    ("Anywhere", ""),
    ("F2", "switch layout: side by side / stacked"),
    ("? or F1", "this help"),
    ("Esc", "go back (in a game: asks first, then back to the bank list, or quits)"),
    ("ctrl+q", "quit (asks first during a game)"),
    ("Modes", ""),
    ("practice", "feedback after every answer; a wrong answer may be retried"),
    ("exam", "no feedback until the summary at the end"),
    ("guided", "the article appears passage by passage (Enter reads on)"),
)


def help_text() -> Text:
    out = Text()
    for key, what in KEYS:
        if not what:
            out.append(f"\n{key}\n", style="bold underline")
        else:
            out.append(f"  {key:<17}", style="bold")
            out.append(f"{what}\n")
    return out


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark,f1", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Text("quizgame — keys", style="bold"), id="help-title")
            yield Static(help_text(), id="help-keys")
            yield Static(Text("Esc closes this help."), id="help-close")

    def action_close(self) -> None:
        self.dismiss(None)
