"""Regrading: after a key is fixed, score the stored answers again against the bank as it is now.

Only questions whose id is still in the bank, with the same type, are rescored (a question with a
new id is a new question). The student's stored response is scored with the game's own `score()`;
the points keep whatever the game applied on top of the mark — retry credit, speed, streak — by
scaling them with the new mark (an answer that scored 0 before had nothing applied: it gets the
question's points × the retry credit for its attempt). The old marks are kept in the store's
`regrades` table: a regrade changes what reports show, never what was recorded as history.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from quizgame.bank.loaded import LoadedBank
from quizgame.game.scoring import ResponseError, score
from quizgame.results.store import Regrade, StoredAnswer


def _response(qtype: str, value: Any) -> Any:
    """The stored JSON back in the shape `score()` takes."""
    if qtype == "multi" and isinstance(value, list):
        return set(value)
    if qtype == "evidence" and isinstance(value, list):
        return tuple(value)
    return value


def regrade_changes(
    answers: Sequence[StoredAnswer], loaded: LoadedBank
) -> tuple[list[Regrade], list[str]]:
    """The answers whose mark changes, and the stored question ids that could not be rescored."""
    questions = {q.id: q for q in loaded.bank.questions}
    credit = loaded.bank.settings.retry_credit
    changes: list[Regrade] = []
    skipped: set[str] = set()
    for a in answers:
        if a.bank_id != loaded.bank_id:
            continue
        q = questions.get(a.question_id)
        if q is None or q.type != a.question_type:
            skipped.add(a.question_id)
            continue
        try:
            value = json.loads(a.response_json)
        except ValueError:
            continue
        if value is None:  # time ran out: no answer to rescore
            continue
        try:
            new = score(q, _response(a.question_type, value))
        except ResponseError:
            skipped.add(a.question_id)
            continue
        if abs(new.fraction - a.fraction) < 1e-9:
            continue
        if a.fraction > 1e-9:
            points = a.points * new.fraction / a.fraction
        else:
            points = float(q.points) * new.fraction * credit ** (a.attempt - 1)
        changes.append(
            Regrade(
                a.game_id,
                a.question_id,
                a.attempt,
                a.player,
                a.bank_id,
                a.outcome,
                a.fraction,
                a.points,
                str(new.outcome),
                new.fraction,
                round(points, 4),
            )
        )
    return changes, sorted(skipped)


def describe(changes: Sequence[Regrade]) -> list[str]:
    """Per student, what changed: `Ann  q3 (try 1): wrong 0 → right 1 point`."""
    lines: list[str] = []
    by_player: dict[str, list[Regrade]] = {}
    for c in changes:
        by_player.setdefault(c.player, []).append(c)
    for player in sorted(by_player, key=lambda p: (p.casefold(), p)):
        rows = by_player[player]
        delta = sum(c.new_points - c.old_points for c in rows)
        lines.append(f"{player}: {len(rows)} answer(s) changed, {delta:+g} point(s)")
        for c in rows:
            lines.append(
                f"  {c.question_id} (game {c.game_id[:8]}, try {c.attempt}): "
                f"{c.old_outcome} {round(c.old_points, 2):g} → "
                f"{c.new_outcome} {round(c.new_points, 2):g} point(s)"
            )
    return lines
