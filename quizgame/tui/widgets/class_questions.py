"""How the class answered each question so far: answered, % right, the most common wrong answer.

The right answer is shown here, on the teacher's screen; it never goes to a student's browser.
The row under the cursor is detailed below the table: every answer given and how many gave it.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable

from quizgame.play.classroom import QuestionStats
from quizgame.text.safe import one_line


def _cut(text: str, width: int) -> str:
    text = one_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def distribution_text(stats: QuestionStats, width: int = 110) -> Text:
    """One question in full: its prompt, the right answer, and each answer's count as a bar."""
    q = stats.question
    out = Text()
    out.append(f"Q{q.number} ", style="bold")
    out.append(_cut(q.prompt, width - 5))
    out.append("\nRight answer: ", style="dim")
    out.append(_cut(q.correct, width - 14), style="green")
    if not stats.distribution:
        out.append("\nNo answers yet.", style="dim")
    top = max((n for _, n in stats.distribution), default=1)
    for answer, count in stats.distribution[:6]:
        right = one_line(answer) == q.correct
        bar = "█" * max(1, round(20 * count / top))
        out.append("\n")
        out.append(f"{count:>3} ", style="bold")
        out.append(f"{bar:<20} ", style="green" if right else "red")
        out.append(_cut(answer, width - 26), style="green" if right else "")
    return out


class ClassQuestions(DataTable[Text | str]):
    DEFAULT_CSS = """
    ClassQuestions { height: 1fr; }
    """

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self.add_column("#", key="n", width=3)
        self.add_column("Question", key="q", width=44)
        self.add_column("Answered", key="a", width=8)
        self.add_column("Right", key="r", width=6)
        self.add_column("Most common wrong answer", key="w", width=40)

    def show(self, stats: Sequence[QuestionStats]) -> None:
        keep = self.cursor_row
        self.clear()
        for s in stats:
            wrong = Text(_cut(s.common_wrong, 40), style="red") if s.common_wrong else Text("—")
            right = f"{s.percent_correct:.0f}%" if s.answered else "—"
            self.add_row(
                str(s.question.number),
                _cut(s.question.prompt, 44),
                str(s.answered),
                right,
                wrong,
                key=s.question.id,
            )
        if stats:
            self.move_cursor(row=min(keep, len(stats) - 1))
