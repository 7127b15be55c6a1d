"""The class at a glance: one cell per student — name, question, answered, score — in columns.

Forty students fit in about fourteen rows at 120 columns. A student who has finished is marked
✓, one whose browser has gone is dimmed with ⨯, so the teacher sees who needs help.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from quizgame.play.classroom import Student
from quizgame.text.safe import one_line

CELL = 28  # characters per student


def student_cell(student: Student, total: int) -> Text:
    name = one_line(student.name)
    name = name if len(name) <= 13 else name[:12] + "…"
    where = (
        "done"
        if student.finished
        else "left"
        if student.stopped
        else f"Q{min(student.question, total)}"
    )
    mark = "✓" if student.finished else ("⨯" if not student.connected else " ")
    text = Text(f"{mark}{name:<13} {where:>4} {student.answered:>2} {student.score:>4.0f}")
    if not student.connected or student.stopped:
        text.stylize("dim")
    elif student.finished:
        text.stylize("green")
    return text


def roster_text(
    students: Sequence[Student], total: int, width: int, missing: Sequence[str]
) -> Text:
    columns = max(1, width // CELL)
    out = Text()
    head = Text(f"{'student':<14} {'now':>4} {'✓#':>2} {'pts':>4}", style="bold")
    header = Text("  ").join([head] * min(columns, max(1, len(students))))
    out.append_text(header)
    rows = (len(students) + columns - 1) // columns
    for r in range(rows):
        out.append("\n")
        cells = [student_cell(s, total) for s in students[r::rows]] if rows else []
        out.append_text(Text("  ").join(c for c in cells))
    if not students:
        out.append("\nNo one has joined yet: students open the address or scan the code.")
    out.no_wrap = True  # a row too wide is cut at the edge, never wrapped into the next one
    out.overflow = "ellipsis"
    if missing:
        shown = ", ".join(missing[:12]) + (
            f" and {len(missing) - 12} more" if len(missing) > 12 else ""
        )
        out.append(f"\nNot joined yet ({len(missing)}): {shown}", style="yellow")
    return out


class ClassRoster(Static):
    DEFAULT_CSS = """
    ClassRoster { height: auto; }
    """

    _shown: tuple[Sequence[Student], int, Sequence[str]] = ((), 0, ())

    def show(self, students: Sequence[Student], total: int, missing: Sequence[str] = ()) -> None:
        self._shown = (students, total, missing)
        self._draw()

    def on_resize(self) -> None:
        self._draw()  # the number of columns follows the width

    def _draw(self) -> None:
        students, total, missing = self._shown
        width = self.size.width or (self.app.size.width - 36)
        self.update(roster_text(students, total, width, missing))
