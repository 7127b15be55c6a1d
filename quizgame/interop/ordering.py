"""Order questions as Moodle's ordering question type (qtype_ordering) in Moodle XML.

Each `<answer>`'s `fraction` holds its place in the right order (1, 2, 3…), which is how
qtype_ordering writes them. quizgame grades by correctly ordered pairs, which is qtype_ordering's
"relative to all the previous and next items" grading (RELATIVE_ALL_PREVIOUS_AND_NEXT), so the
export sets that and a Moodle student scores what a quizgame player does.
"""

from __future__ import annotations

from collections.abc import Callable

from quizgame.interop.notes import QuestionDict

GRADING = "RELATIVE_ALL_PREVIOUS_AND_NEXT"


def xml_ordering(
    items: list[tuple[float, str]], grading: str | None, label: str, note: Callable[[str], None]
) -> QuestionDict | None:
    """(fraction, text) per `<answer>` in document order → an `order` question."""
    texts = [(pos, i, text) for i, (pos, text) in enumerate(items) if text]
    if len(texts) < 2:
        note(f"skipped ordering question '{label}' — it needs two items")
        return None
    if len(texts) > 12:
        note(f"skipped ordering question '{label}' — quizgame orders at most 12 items")
        return None
    ordered = [text for _, _, text in sorted(texts)]
    if grading and grading.strip().upper() != GRADING:
        note(
            f"'{label}': Moodle grades it {grading.strip().upper()}; quizgame gives credit per "
            "correctly ordered pair (Moodle's RELATIVE_ALL_PREVIOUS_AND_NEXT)"
        )
    return {"type": "order", "items": ordered}
