"""Moodle grades answers in percent; quizgame has right and wrong choices. Converting between them.

Importing, what per-answer weights cannot be kept is said in a note; exporting, `moodle_weight`
rounds a share to the nearest grade Moodle accepts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from quizgame.interop.notes import QuestionDict
from quizgame.text.formatting import clip

Weighted = tuple[float, str, str | None]  # (percent of the marks, choice text, feedback)


def weighted_choice_question(
    parsed: Sequence[Weighted], *, single: bool, label: str, note: Callable[[str], None]
) -> QuestionDict | None:
    """A `choice` or `multi` question from Moodle-style weighted answers (GIFT and XML alike).

    quizgame has no per-choice weights, so what cannot be kept is said through `note`, one line
    each: the best-weighted answer is the right one of a single-answer question, and every
    positively weighted answer is a right one of a multiple-answer question, each an equal share.
    """
    if len(parsed) < 2:
        note(f"skipped question '{label}' — a choice question needs two answers")
        return None
    choices: list[Any] = [{"text": t, "feedback": f} if f else t for _, t, f in parsed]
    if single:
        best = max(w for w, _, _ in parsed)
        if best <= 0:
            note(f"skipped question '{label}' — no answer earns any marks")
            return None
        right = [t for w, t, _ in parsed if w == best]
        if best < 100:
            note(f"'{label}': no answer earns 100%; quizgame takes the best one as right")
        for w, t, _ in parsed:
            if 0 < w < best:
                note(
                    f"'{label}': partial credit ({w:g}%) for '{clip(t, 40)}' is not kept — "
                    "quizgame counts only the right answer"
                )
        if len(right) > 1:
            note(
                f"'{label}': {len(right)} answers are marked right; quizgame kept the "
                f"first, '{clip(right[0], 40)}'"
            )
        return {"type": "choice", "choices": choices, "answer": right[0]}
    positive = [(w, t) for w, t, _ in parsed if w > 0]
    if not positive:
        note(f"skipped question '{label}' — no answer earns any marks")
        return None
    if len({round(w, 3) for w, _ in positive}) > 1:
        note(
            f"'{label}': answer weights are not kept — quizgame gives each right choice an equal share"
        )
    share = 100 / len(positive)
    negative = [(w, t) for w, t, _ in parsed if w < 0]
    for w, t in negative:
        if abs(abs(w) - share) > 0.01:
            note(
                f"'{label}': the {w:g}% for ticking '{clip(t, 30)}' is not kept — in quizgame each "
                f"wrong tick takes away one right choice's share ({-share:.4g}%)"
            )
    return {"type": "multi", "choices": choices, "answers": [t for _, t in positive]}


def weighted_short_question(
    parsed: Sequence[Weighted], *, label: str, note: Callable[[str], None]
) -> QuestionDict | None:
    """A `short` question from weighted accepted answers (GIFT and XML alike): fully right answers
    are kept, partly right ones and per-answer feedback are left out with a note each."""
    accepted: list[str] = []
    for weight, text, _ in parsed:
        if weight >= 100:
            accepted.append(text)
        elif weight > 0:
            note(
                f"'{label}': left out answer '{clip(text, 40)}' ({weight:g}% credit) — "
                "quizgame accepts only fully right answers"
            )
    if any(feedback for _, _, feedback in parsed):
        note(f"'{label}': feedback on short answers is not kept — use the explanation")
    if not accepted:
        note(f"skipped short-answer question '{label}' — it has no right answer")
        return None
    # `*` is Moodle's wildcard: such answers stay patterns in `accept`; the model answer shown to
    # students is the first one without it (or the pattern's words when every answer has one)
    plain = [a for a in accepted if "*" not in a]
    first = plain[0] if plain else " ".join(accepted[0].replace("*", " ").split())
    if not first:
        note(f"skipped short-answer question '{label}' — its only right answer is `*` (anything)")
        return None
    q: QuestionDict = {"type": "short", "answer": first}
    rest = [a for a in accepted if a != first]
    if rest:
        q["accept"] = rest
    return q


def match_question(
    subquestions: Iterable[tuple[str, str]], *, label: str, note: Callable[[str], None]
) -> QuestionDict | None:
    """A `match` question from Moodle's (left, right) sub-questions (GIFT and XML alike).

    A sub-question with no left text is a distractor; one with no right text is dropped.
    """
    pairs: list[dict[str, str]] = []
    distractors: list[str] = []
    for left, right in subquestions:
        if not right:
            continue
        if left:
            pairs.append({"left": left, "right": right})
        else:
            distractors.append(right)
    if len(pairs) < 2:
        note(f"skipped matching question '{label}' — it needs two pairs")
        return None
    q: QuestionDict = {"type": "match", "pairs": pairs}
    if distractors:
        q["distractors"] = distractors
    return q


_MOODLE_GRADES = tuple(
    float(g)
    for g in [
        "100",
        "90",
        "83.33333",
        "80",
        "75",
        "70",
        "66.66667",
        "60",
        "50",
        "40",
        "33.33333",
        "30",
        "25",
        "20",
        "16.66667",
        "14.28571",
        "12.5",
        "11.11111",
        "10",
        "5",
    ]
)


def moodle_weight(fraction: float) -> str:
    """A percentage Moodle accepts (it only takes its own list), written as Moodle writes it."""
    grades = _MOODLE_GRADES
    sign = -1 if fraction < 0 else 1
    best = min(grades, key=lambda g: abs(g - abs(fraction)))
    return f"{sign * best:.5f}".rstrip("0").rstrip(".")
