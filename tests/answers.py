"""The one test helper that knows how to answer a question: the response for right, partial or wrong.

Front-end helpers turn this response into what their player does — key presses (tests/tui/driver.py),
input lines (tests/play/test_plain.py) — so what "a right answer" is lives here only.
"""

from __future__ import annotations

from typing import Any, Literal

from quizgame.game.presented import PresentedQuestion

How = Literal["right", "partial", "wrong"]


def response(pq: PresentedQuestion, how: str = "right") -> Any:
    """A response to `pq` that scores as `how` (partial only where the type has partial credit)."""
    q: Any = pq.question
    right = how == "right"
    match pq.type:
        case "choice":
            return q.answer if right else next(c for c in pq.choices if c != q.answer)
        case "truefalse":
            return bool(q.answer if right else not q.answer)
        case "multi":
            good = [c for c in pq.choices if c in q.answers]
            bad = [c for c in pq.choices if c not in q.answers]
            return set(good if right else good[:1] if how == "partial" else bad[:1])
        case "short":
            return q.answer if right else "no idea"
        case "match":
            truth = {p.left: p.right for p in q.pairs}
            lefts = list(pq.match_left)
            chosen = dict(truth)
            if how == "partial":
                chosen[lefts[0]], chosen[lefts[1]] = truth[lefts[1]], truth[lefts[0]]
            elif how == "wrong":
                for i, left in enumerate(lefts):
                    chosen[left] = truth[lefts[(i + 1) % len(lefts)]]
            return chosen
        case "evidence":
            a = q.answer if how != "wrong" else next(c for c in pq.choices if c != q.answer)
            b = (
                q.part_b.answer
                if right
                else next(c for c in pq.part_b_choices if c != q.part_b.answer)
            )
            return (a, b)
        case "numeric":
            return f"{q.answer:g}" if right else "999999"
        case "order":
            items = list(q.items)
            if how == "partial":
                items[0], items[1] = items[1], items[0]
            elif how == "wrong":
                items.reverse()
            return tuple(items)
        case "cloze":
            fills: list[str] = []
            for n, ((answer, _), options) in enumerate(
                zip(q.gap_specs(), pq.gap_options, strict=True)
            ):
                if right or (how == "partial" and n == 0):
                    fills.append(answer)
                else:
                    fills.append(next((o for o in options if o != answer), "nothing at all"))
            return tuple(fills)
    raise AssertionError(f"no test response for question type {pq.type!r}")


def right_response(pq: PresentedQuestion) -> Any:
    return response(pq, "right")


def wrong_response(pq: PresentedQuestion) -> Any:
    return response(pq, "wrong")
