"""What Moodle XML holds besides the answers: hints, outcome feedback and the penalty for retries.

quizgame keeps each where its bank can: the first `<hint>` is the question's retry `hint`;
correct / partially correct / incorrect feedback are `feedback_correct` / `_partial` / `_wrong`;
the penalty becomes the bank's `retry_credit` (1 − penalty: Moodle takes the penalty off each
retry, quizgame's credit is the share a retry keeps). Anything more is said in a note.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from typing import Any

from quizgame.interop.html import html_to_text, text_to_html
from quizgame.interop.notes import QuestionDict

OUTCOME_FEEDBACK = (
    ("correctfeedback", "feedback_correct"),
    ("partiallycorrectfeedback", "feedback_partial"),
    ("incorrectfeedback", "feedback_wrong"),
)
Field = Callable[..., list[str]]


def _html(elem: ET.Element | None) -> str:
    if elem is None:
        return ""
    node = elem.find("text")
    raw = (node.text if node is not None else elem.text) or ""
    return html_to_text(raw)[0] if elem.get("format", "html") == "html" else " ".join(raw.split())


def moodle_extras(
    elem: ET.Element,
    qtype: str,
    result: QuestionDict,
    penalties: list[float],
    note: Callable[[str], None],
    label: str,
) -> None:
    """Carry a Moodle XML question's hints, outcome feedback and penalty into `result`."""
    hints = [h for h in (_html(h) for h in elem.findall("hint")) if h]
    if hints:
        result["hint"] = hints[0]
        if len(hints) > 1:
            note(
                f"'{label}': only the first of {len(hints)} hints is kept (quizgame has one retry hint)"
            )
    for tag, key in OUTCOME_FEEDBACK:
        text = _html(elem.find(tag))
        if text:
            result[key] = text
    raw = elem.findtext("penalty")
    if raw is not None and qtype != "truefalse":  # Moodle always gives true/false a penalty of 1
        try:
            value = float(raw)
        except ValueError:
            return
        if 0 <= value <= 1:
            penalties.append(value)


def retry_credit_from(penalties: list[float], note: Callable[[str], None]) -> float | None:
    """The bank's retry credit from the questions' penalties (the most common one, with a note)."""
    if not penalties:
        return None
    counts = Counter(round(p, 4) for p in penalties)
    penalty, _ = counts.most_common(1)[0]
    if len(counts) > 1:
        others = ", ".join(f"{p:g}" for p in sorted(counts) if p != penalty)
        note(
            f"questions have different penalties ({others} besides {penalty:g}); quizgame has one "
            f"retry credit per bank: {1 - penalty:g}"
        )
    return round(1 - penalty, 4)


def extras_xml(q: Any, indent: str, field: Field) -> list[str]:
    """`<hint>` and the outcome feedback of a question, as Moodle XML lines."""
    out: list[str] = []
    for tag, key in OUTCOME_FEEDBACK:
        text = getattr(q, key, None)
        if text:
            out += field(tag, text_to_html(text), indent)
    if q.hint:
        out += field("hint", text_to_html(q.hint), indent)
    return out
