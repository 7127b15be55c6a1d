"""Writing GIFT: a checked bank as the plain-text format Moodle imports (see quizgame.interop.gift).

quizgame keeps what GIFT cannot hold in `// quizgame …:` comments Moodle ignores (title, points,
tags, unit, hint, outcome feedback, case sensitivity), so `quizgame import` gets it all back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from quizgame.interop.feedback import feedback_text
from quizgame.interop.gift import TEXT_DIRECTIVES
from quizgame.interop.notes import Exported, InteropError, Note
from quizgame.interop.numerical import gift_numeric_text
from quizgame.interop.parts import points_value, portable_questions
from quizgame.interop.weighted import moodle_weight


def escape(text: str) -> str:
    """Text as GIFT needs it: special characters escaped, line breaks as `\\n`."""
    out = text.replace("\\", "\\\\")
    for ch in "~=#{}:":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\r", "").replace("\n", "\\n")


def _one_line(text: str) -> str:
    """A text as one comment line: `\\` and line breaks escaped (quizgame.interop.gift.from_one_line reads it)."""
    return text.replace("\\", "\\\\").replace("\r", "").replace("\n", "\\n")


def export_gift(loaded: Any, lines: Sequence[int]) -> Exported:
    """A checked bank as GIFT; each question's evidence goes into its general feedback."""
    from quizgame.game.kinds import Form, kind_of

    bank = loaded.bank
    items, notes = portable_questions(loaded, lines, "GIFT")
    category = bank.title.replace("/", "-")
    out = [
        f"// quizgame title: {bank.title}",
        f"// Exported by quizgame from {loaded.path.name} (article: {bank.article}).",
        '// Evidence travels in each general feedback as lines `Evidence (p4): "…"`.',
        "",
        f"$CATEGORY: $course$/top/{category}",
        "",
    ]
    credit = bank.settings.retry_credit
    if abs(credit - 2 / 3) > 1e-3:
        notes.append(
            Note(
                1,
                f"GIFT has no penalty: Moodle will take its default 33.3% off each retry, where this "
                f"bank's retry_credit keeps {credit:g} — export to Moodle XML to keep it",
            )
        )
    written = 0
    for item in items:
        q = item.question
        kind = kind_of(q)
        if kind.moodle_type in ("ordering", "cloze"):
            what = "ordering" if kind.moodle_type == "ordering" else "cloze (embedded answers)"
            notes.append(
                Note(
                    item.line,
                    f"skipped {kind.name} question '{q.id}' — GIFT has no {what} type "
                    "(export to Moodle XML to keep it)",
                )
            )
            continue
        written += 1
        if q.points != 1:
            out.append(f"// quizgame points: {points_value(q.points)}")
        if q.tags:
            out.append(f"// quizgame tags: {', '.join(t.replace(',', ' ') for t in q.tags)}")
        if getattr(q, "unit", None):
            out.append(f"// quizgame unit: {q.unit}")
        for directive, key in TEXT_DIRECTIVES.items():
            text = getattr(q, key, None)
            if text:
                out.append(f"// quizgame {directive}: {_one_line(text)}")
        if getattr(q, "case_sensitive", False):
            out.append("// quizgame case-sensitive: yes")
        head = f"::{escape(q.id)}::{escape(q.prompt)} {{"
        general = "\t####" + escape(feedback_text(q.explanation, item.evidence))
        body: list[str] = []
        answers = kind.moodle_answers(q)
        if kind.moodle_type == "multichoice" and kind.form is Form.ONE:
            for ans in answers:
                mark = "=" if ans.fraction == 100 else "~"
                fb = f"#{escape(ans.feedback)}" if ans.feedback else ""
                body.append(f"\t{mark}{escape(ans.text)}{fb}")
        elif kind.moodle_type == "multichoice":
            for ans in answers:
                fb = f"#{escape(ans.feedback)}" if ans.feedback else ""
                body.append(f"\t~%{moodle_weight(ans.fraction)}%{escape(ans.text)}{fb}")
            if sum(1 for ans in answers if ans.fraction > 0) > 10:
                notes.append(
                    Note(item.line, f"'{q.id}': Moodle's weights cannot split 100% evenly here")
                )
        elif kind.moodle_type == "truefalse":
            right = next(ans for ans in answers if ans.fraction == 100)
            wrong = next(ans for ans in answers if ans is not right)
            tf = right.text.upper()
            if wrong.feedback or right.feedback:
                tf += "#" + escape(wrong.feedback or "")
            if right.feedback:
                tf += "#" + escape(right.feedback)
            body.append(f"\t{tf}")
        elif kind.moodle_type == "shortanswer":
            for ans in answers:
                body.append(f"\t={escape(ans.text)}")
            if any("->" in ans.text for ans in answers):
                raise InteropError(  # GIFT has no escape for it: the file would mean another bank
                    f"question '{q.id}': an accepted answer contains '->', which GIFT readers "
                    "(Moodle's and quizgame's) take for a matching question — reword that "
                    "answer, or export to Moodle XML",
                    item.line,
                )
        elif kind.moodle_type == "matching":
            if any("->" in (ans.left or "") for ans in answers):
                raise InteropError(  # `a -> b -> c` reads back as the pair a → "b -> c"
                    f"question '{q.id}': a left side contains '->', which GIFT cannot escape "
                    "(it would read back as a different pair) — reword it, or export to "
                    "Moodle XML",
                    item.line,
                )
            for ans in answers:
                body.append(f"\t={escape(ans.left or '')} -> {escape(ans.text)}")
        elif kind.moodle_type == "numerical":
            body.append("\t" + gift_numeric_text(q.answer, q.tolerance))
        out += [head, *body, general, "}", ""]
    return Exported("\n".join(out), notes, written)
