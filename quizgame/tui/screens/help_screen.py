"""The keys, one screen away (`?` or F1 anywhere), built from the bindings themselves.

Each row comes from a `Binding` of the class that owns the action (its `tooltip` is the longer
text shown here), so adding or changing a key changes the help too. Keys a widget handles without
a binding (letters picking a choice, Tab) are listed by that widget in `HELP_KEYS`.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

_KEY_NAMES = {"enter": "Enter", "escape": "Esc", "question_mark": "?", "f1": "F1", "f2": "F2"}
_KEY_NAMES |= {"shift+up": "Shift+↑", "shift+down": "Shift+↓", "minus": "-", "plus": "+"}
_KEY_NAMES |= {"left_square_bracket": "[", "right_square_bracket": "]", "left": "←", "right": "→"}
_KEY_NAMES |= {"exclamation_mark": "!", "ctrl+r": "Ctrl+R"}

MODES: tuple[tuple[str, str], ...] = (
    ("practice", "feedback after every answer; a wrong answer may be retried"),
    (
        "exam",
        "answers can change until you submit; skip, go back, flag, review; feedback at the end",
    ),
    ("guided", "the article appears passage by passage (Enter reads on)"),
)


def key_names(binding: Binding) -> str:
    """`enter,n` → `Enter or n`."""
    return " or ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in binding.key.split(","))


def rows_of(owner: Any) -> list[tuple[str, str]]:
    """The help rows for a class: its keys without bindings, then each binding with a tooltip."""
    rows = list(getattr(owner, "HELP_KEYS", ()))
    for b in owner.BINDINGS:
        if isinstance(b, Binding):
            rows.append((key_names(b), b.tooltip or b.description))
    return rows


def help_sections() -> list[tuple[str, list[tuple[str, str]]]]:
    from quizgame.tui.app import QuizApp
    from quizgame.tui.screens.play_screen import PlayScreen
    from quizgame.tui.widgets.choice_list import ChoiceList
    from quizgame.tui.widgets.cloze_gaps import ClozeGaps
    from quizgame.tui.widgets.order_list import OrderList
    from quizgame.tui.widgets.question_view import QuestionView

    return [
        (
            "Answering",
            rows_of(ChoiceList) + rows_of(OrderList) + rows_of(ClozeGaps) + rows_of(QuestionView),
        ),
        ("During a game", rows_of(PlayScreen)),
        ("Anywhere", rows_of(QuizApp)),
        ("Modes", list(MODES)),
    ]


def help_text() -> Text:
    out = Text()
    for title, rows in help_sections():
        out.append(f"\n{title}\n", style="bold underline")
        for key, what in rows:
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
