"""Answer rules for the ordering, numeric and cloze types: what `check` adds to their models' validation.

Kept apart from `quizgame.bank.checks` (which holds the choice-like rules and the evidence checks)
so each file stays readable; `checks.ANSWER_CHECKS` lists these next to the others.
"""

from __future__ import annotations

from typing import Any

from quizgame.bank.diagnostics import Diagnostic, error, warning
from quizgame.bank.yamlnodes import Node


def _item(node: Node | None, i: int, fallback: Node) -> Node:
    if node is not None and node.kind == "seq" and i < len(node.items):
        return node.items[i]
    return node if node is not None else fallback


def check_numeric_answers(q: Any, qnode: Node, shown: str, diags: list[Diagnostic]) -> None:
    """A tolerance as large as the answer accepts 0 too: almost always a slip."""
    if q.answer and q.tolerance >= abs(q.answer):
        n = qnode.get("tolerance") or qnode
        diags.append(
            warning(
                shown,
                n.line,
                n.col,
                f"tolerance {q.tolerance:g} is as large as the answer {q.answer:g}",
                "every number from 0 up would count as right; tolerance is how far off an answer "
                "may be (e.g. `tolerance: 0.5`)",
                code="numeric-tolerance",
            )
        )


def check_order_answers(q: Any, qnode: Node, shown: str, diags: list[Diagnostic]) -> None:
    items_node = qnode.get("items")
    seen: dict[str, int] = {}
    for i, item in enumerate(q.items):
        key = " ".join(item.casefold().split())
        if key in seen:
            n = _item(items_node, i, qnode)
            diags.append(
                error(
                    shown,
                    n.line,
                    n.col,
                    f"item {item!r} appears twice",
                    f"it repeats item {seen[key] + 1}; the order of two equal items cannot be told",
                    code="duplicate-choice",
                )
            )
        else:
            seen[key] = i


def check_cloze_answers(q: Any, qnode: Node, shown: str, diags: list[Diagnostic]) -> None:
    gaps_node = qnode.get("gaps")
    for i, (answer, gap) in enumerate(q.gap_specs()):
        gnode = _item(gaps_node, i, qnode)
        options = [answer.casefold()]
        for d in gap.distractors:
            if d.casefold() in options:
                where = _item(gnode.get("distractors") if gnode.kind == "map" else None, 0, gnode)
                what = "the gap's answer" if d.casefold() == answer.casefold() else "listed twice"
                diags.append(
                    error(
                        shown,
                        where.line,
                        where.col,
                        f"gap {i + 1}: distractor {d!r} is {what}",
                        "each distractor must be a different wrong option",
                        code="duplicate-choice",
                    )
                )
            options.append(d.casefold())
        if gap.distractors and gap.accept:
            accept = gnode.get("accept") if gnode.kind == "map" else None
            at = accept or gnode
            diags.append(
                warning(
                    shown,
                    at.line,
                    at.col,
                    f"gap {i + 1}: `accept` has no effect on a gap with distractors",
                    "the student picks from a list there; drop `accept` or the distractors",
                    code="cloze-accept-ignored",
                )
            )
