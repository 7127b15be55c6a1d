"""Numeric questions in Moodle's formats: GIFT `{#answer:tolerance}` and Moodle XML `numerical`.

Moodle's numerical questions may list several answers with partial weights; quizgame keeps the
answer worth 100% and says in a note what else was left behind. The unit travels in Moodle XML's
`<units>` and in GIFT as a `// quizgame unit:` comment (GIFT itself has no units).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from quizgame.interop.notes import QuestionDict
from quizgame.text.formatting import clip

_WEIGHT = re.compile(r"^%\s*(-?\d+(?:\.\d+)?)\s*%")
Note = Callable[[str], None]


def _float(text: str) -> float | None:
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def gift_numeric(answers: str, label: str, note: Note) -> QuestionDict | None:
    """`#3:2`, `#1..5` or `#=3:0 =%50%3:2` (the text after the opening brace) as a numeric question."""
    body = answers[1:].strip()
    parts = [p.strip() for p in body.split("=") if p.strip()] if "=" in body else [body]
    found: list[tuple[float, float, float]] = []  # (weight, answer, tolerance)
    for part in parts:
        weight = 100.0
        if m := _WEIGHT.match(part):
            weight, part = float(m.group(1)), part[m.end() :]
        part = part.split("#", 1)[0].strip()  # per-answer feedback is not kept
        if ".." in part:
            low, _, high = part.partition("..")
            lo, hi = _float(low), _float(high)
            if lo is None or hi is None:
                continue
            found.append((weight, (lo + hi) / 2, abs(hi - lo) / 2))
            continue
        value, _, tol = part.partition(":")
        answer = _float(value)
        tolerance = _float(tol) if tol else 0.0
        if answer is not None and tolerance is not None:
            found.append((weight, answer, abs(tolerance)))
    return _numeric(found, label, note)


def _numeric(
    found: list[tuple[float, float, float]], label: str, note: Note
) -> QuestionDict | None:
    full = [f for f in found if f[0] >= 100]
    if not full:
        note(f"skipped numerical question '{label}' — no answer is worth 100%")
        return None
    _, answer, tolerance = full[0]
    for weight, value, _ in found:
        if (weight, value) != (full[0][0], full[0][1]):
            note(
                f"'{label}': the answer {value:g} ({weight:g}%) is not kept — quizgame keeps one "
                "right number with its tolerance"
            )
    q: QuestionDict = {"type": "numeric", "answer": _plain(answer)}
    if tolerance:
        q["tolerance"] = _plain(tolerance)
    return q


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def gift_numeric_text(answer: float, tolerance: float) -> str:
    """The GIFT answer set of a numeric question: `#1200:50`."""
    return f"#{answer:g}:{tolerance:g}" if tolerance else f"#{answer:g}"


def xml_numeric(
    answers: list[tuple[float, str, float | None]], units: list[str], label: str, note: Note
) -> QuestionDict | None:
    """Moodle XML `numerical`: (fraction in percent, answer text, tolerance) per `<answer>`."""
    found: list[tuple[float, float, float]] = []
    for weight, text, tol in answers:
        value = _float(text)
        if value is None:
            if text.strip() != "*":
                note(f"'{label}': answer '{clip(text, 20)}' is not a number and is not kept")
            continue
        found.append((weight, value, abs(tol or 0.0)))
    q = _numeric(found, label, note)
    if q is not None and units:
        q["unit"] = units[0]
        if len(units) > 1:
            note(f"'{label}': only the first unit, '{units[0]}', is kept")
    return q
