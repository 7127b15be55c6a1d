"""Feedback on one answer: verdict (symbol + word), points, notes, explanation and the proof.

One widget that renders one Text (not a container of a dozen Statics): it is mounted on every
answer, and each extra widget is styled, laid out and rendered on the way to the player's eyes
(see bench/latency.py). Looks are set by component classes, so the app's theme still applies.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text

from quizgame.play.presenter import FeedbackLines
from quizgame.text.safe import visible
from quizgame.tui.textual_private import LaidOutOnce


class FeedbackView(LaidOutOnce, can_focus=True):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "feedback--headline",
        "feedback--label",
        "feedback--hint",
    }
    DEFAULT_CSS = """
    FeedbackView { height: auto; padding: 0 1; margin: 1 0; border: round $primary; }
    FeedbackView:focus { background: $boost; }
    FeedbackView > .feedback--headline { text-style: bold; }
    FeedbackView.-correct > .feedback--headline { color: $success; }
    FeedbackView.-partial > .feedback--headline { color: $warning; }
    FeedbackView.-wrong > .feedback--headline { color: $error; }
    FeedbackView > .feedback--label { color: $text-muted; }
    FeedbackView > .feedback--hint { color: $text-muted; }
    """

    def __init__(self, lines: FeedbackLines, *, id: str | None = None) -> None:
        super().__init__(id=id, classes=f"-{lines.outcome}")
        self.lines = lines

    def show(self, lines: FeedbackLines) -> None:
        """Show other feedback in place (the answer revealed after a wrong try)."""
        self.remove_class(f"-{self.lines.outcome}")
        self.lines = lines
        self.add_class(f"-{lines.outcome}")
        self.refresh(layout=True)

    @property
    def plain(self) -> str:
        """The feedback as the player reads it (for tests and screen readers' sake)."""
        return self.render().plain

    def render(self) -> Text:
        ln = self.lines
        label = self.get_component_rich_style("feedback--label")
        hint = self.get_component_rich_style("feedback--hint")
        head = self.get_component_rich_style("feedback--headline")
        out = Text(end="")
        out.append(ln.headline, head)
        out.append(f"   {ln.points}", head + Style(bold=False))
        out.append(visible(f"\nYour answer: {ln.your_answer}"))
        for pair in ln.pairs:
            out.append(visible(f"\n  {pair}"))
        if ln.right_answer is not None:
            out.append(visible(f"\nRight answer: {ln.right_answer}"))
        for note in ln.notes:
            out.append(visible(f"\n• {note}"))
        out.append("\n\n")
        if ln.explanation:  # none while a retry is on offer: it would give the answer away
            out.append("Why", label)
            out.append(visible(f"\n{ln.explanation}"))
            out.append("\n\n")
        if ln.evidence:
            out.append("Evidence (highlighted in the article)", label)
            for line in ln.evidence:
                out.append(visible(f"\n{line}"))
            out.append("\n\n")
        out.append(ln.next_hint, hint)
        return out
