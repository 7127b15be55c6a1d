"""Cloze questions as Moodle's embedded answers (`multianswer`, `type="cloze"` in Moodle XML).

A typed gap becomes `{1:SHORTANSWER:=answer~=also accepted}`, a gap with distractors
`{1:MULTICHOICE:=answer~wrong~wrong}`. Importing, the embedded answers become `[[gaps]]` again;
what quizgame cannot keep (partial weights, other sub-question types) is said in a note.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from quizgame.interop.notes import QuestionDict
from quizgame.text.formatting import clip

_EMBEDDED = re.compile(r"\{(\d*):([A-Z_]+):((?:\\.|[^\\}])*)\}")
_SPECIAL = re.compile(r"([\\}~#/\"])")
_WEIGHT = re.compile(r"^%\s*(-?\d+(?:\.\d+)?)\s*%")
_TYPED = {"SHORTANSWER", "SA", "MW", "SHORTANSWER_C", "SAC", "MWC", "NUMERICAL", "NM"}
_PICKED = {"MULTICHOICE", "MC", "MULTICHOICE_V", "MCV", "MULTICHOICE_H", "MCH"}
_PICKED |= {"MULTICHOICE_S", "MCS", "MULTICHOICE_VS", "MCVS", "MULTICHOICE_HS", "MCHS"}


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def embedded_text(q: Any) -> str:
    """The cloze's text with each `[[gap]]` as a Moodle embedded answer."""
    from quizgame.bank.models import GAP

    specs = iter(q.gap_specs())

    def one(_: re.Match[str]) -> str:
        answer, gap = next(specs)
        if gap.distractors:
            options = "~".join(_escape(d) for d in gap.distractors)
            return f"{{1:MULTICHOICE:={_escape(answer)}~{options}}}"
        accepted = "".join(f"~={_escape(a)}" for a in gap.accept)
        return f"{{1:SHORTANSWER:={_escape(answer)}{accepted}}}"

    return GAP.sub(one, q.text)


def _split(answers: str) -> list[str]:
    parts, current, escaped = [], "", False
    for ch in answers:
        if escaped:
            current += "\\" + ch
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "~":
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return parts


def cloze_from_text(text: str, label: str, note: Callable[[str], None]) -> QuestionDict | None:
    """A Moodle cloze question text (already plain text) → a `cloze` question, or None."""
    found = list(_EMBEDDED.finditer(text))
    if not found:
        note(f"skipped cloze question '{label}' — it has no embedded answers")
        return None
    # lines above the first gap's line are the instruction; the rest is the passage
    head, newline, _ = text[: found[0].start()].rpartition("\n")
    pieces: list[str] = []
    gaps: list[dict[str, Any]] = []
    last = len(head) + len(newline)
    for n, m in enumerate(found, 1):
        kind = m.group(2).upper()
        parsed: list[tuple[float, str]] = []
        for part in _split(m.group(3)):
            weight = 0.0
            if part.startswith("="):
                weight, part = 100.0, part[1:]
            elif wm := _WEIGHT.match(part):
                weight, part = float(wm.group(1)), part[wm.end() :]
            answer = _unescape(re.split(r"(?<!\\)#", part, maxsplit=1)[0]).strip()
            if kind in ("NUMERICAL", "NM") and ":" in answer:
                answer, _, tolerance = answer.partition(":")
                if tolerance.strip() not in ("", "0"):
                    note(
                        f"'{label}': gap {n}: the tolerance {tolerance.strip()} is not kept — "
                        "a gap takes the number as typed words"
                    )
            if answer:
                parsed.append((weight, answer))
        right = [a for w, a in parsed if w >= 100]
        if kind not in _TYPED | _PICKED or not right:
            why = f"is a {kind} gap" if kind not in _TYPED | _PICKED else "has no answer worth 100%"
            note(f"skipped cloze question '{label}' — gap {n} {why}, which quizgame cannot play")
            return None
        for w, a in parsed:
            if 0 < w < 100:
                note(f"'{label}': gap {n}: partial credit for '{clip(a, 30)}' is not kept")
        gap: dict[str, Any] = {}
        if kind in _PICKED:
            gap["distractors"] = [a for w, a in parsed if w < 100 and a != right[0]]
            if not gap["distractors"]:
                del gap["distractors"]
        elif len(right) > 1:
            gap["accept"] = right[1:]
        if kind in ("SHORTANSWER_C", "SAC", "MWC"):
            note(f"'{label}': gap {n} is case-sensitive in Moodle; quizgame ignores case")
        gaps.append(gap)
        pieces.append(text[last : m.start()] + f"[[{right[0]}]]")
        last = m.end()
    pieces.append(text[last:])
    q: QuestionDict = {"type": "cloze", "text": " ".join("".join(pieces).split())}
    if any(gaps):
        q["gaps"] = gaps
    q["prompt"] = " ".join(head.split()) or "Fill in the gaps."
    return q
