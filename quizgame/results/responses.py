"""The Games and Responses sections: every game with its mode and how it ended, and every attempt.

Moodle's "Responses" report, per student per question: each attempt's answer, outcome and points,
retries and replays included, so a teacher can see *how* a student got to the answer. A match answer
is shown pair by pair (one line per pair), a select-all answer option by option.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from quizgame.results.report_rows import GameScore, Report
from quizgame.results.store import StoredAnswer
from quizgame.text.formatting import format_duration
from quizgame.text.safe import one_line

Cell = str | int | float | None

GAMES_HEAD = [
    "player", "bank_id", "bank_hash", "game_id", "started", "mode", "status",
    "answered", "questions", "score", "max_score", "percent", "time_seconds",
]  # fmt: skip
RESPONSES_HEAD = [
    "player", "bank_id", "bank_hash", "game_id", "mode", "game_status", "question_id",
    "question_type", "attempt", "final", "response", "outcome", "fraction", "points",
    "max_points", "seconds", "answered_at",
]  # fmt: skip


def _when(ts: float) -> str:
    return datetime.fromtimestamp(ts).isoformat(timespec="seconds")


def game_cells(g: GameScore) -> list[Cell]:
    return [
        g.player, g.bank_id, g.bank_hash, g.game_id, _when(g.started), g.mode, g.state,
        g.answered, g.question_count, round(g.score, 3), g.max_score, round(g.percent, 1),
        round(g.seconds, 1),
    ]  # fmt: skip


def response_lines(a: StoredAnswer) -> list[str]:
    """The answer as a teacher reads it: a match pair per line, a select-all option per line."""
    try:
        value = json.loads(a.response_json)
    except ValueError:
        value = None
    if value is None and a.response_json == "null":
        return ["(time ran out)"]
    if a.question_type == "match" and isinstance(value, dict):
        return [f"{left} → {right}" for left, right in value.items()] or ["—"]
    if a.question_type == "multi" and isinstance(value, list):
        return [str(v) for v in value] or ["(nothing chosen)"]
    return [a.response_text]


def response_cells(a: StoredAnswer, games: dict[str, GameScore]) -> list[Cell]:
    g = games.get(a.game_id)
    return [
        a.player, a.bank_id, a.bank_hash, a.game_id, g.mode if g else "",
        g.state if g else "", a.question_id, a.question_type, a.attempt, a.final,
        " | ".join(response_lines(a)), a.outcome, round(a.fraction, 3), round(a.points, 3),
        a.max_points, round(a.seconds, 1), _when(a.answered_at),
    ]  # fmt: skip


def section_rows(report: Report, section: str) -> tuple[list[str], list[list[Cell]]]:
    if section == "games":
        return GAMES_HEAD, [game_cells(g) for g in report.game_rows]
    games = {g.game_id: g for g in report.game_rows}
    return RESPONSES_HEAD, [response_cells(a, games) for a in report.responses]


def json_entries(report: Report, section: str) -> list[dict[str, Any]]:
    head, rows = section_rows(report, section)
    out: list[dict[str, Any]] = [dict(zip(head, row, strict=True)) for row in rows]
    if section == "responses":
        for entry, a in zip(out, report.responses, strict=True):
            entry["response"] = response_lines(a)
    return out


def games_table(report: Report, table: Callable[..., Any]) -> Any:
    from rich.text import Text

    t = table(
        "Games",
        [("Player", "left"), ("Bank", "left"), ("Started", "left"), ("Mode", "left"),
         ("Status", "left"), ("Answered", "right"), ("Score", "right"), ("Time", "right")],
    )  # fmt: skip
    for g in report.game_rows:
        status = Text(g.state, style="" if g.state == "finished" else "yellow")
        t.add_row(
            Text(one_line(g.player) or "(no name)"),
            Text(one_line(g.bank_id)),
            Text(_when(g.started).replace("T", " ")),
            Text(one_line(g.mode)),
            status,
            Text(f"{g.answered}/{g.question_count}"),
            Text(f"{round(g.score, 2):g}/{g.max_score:g} ({g.percent:.0f}%)"),
            Text(format_duration(g.seconds)),
        )
    return t


_OUTCOME = {"correct": "✓ right", "partial": "◐ partly", "wrong": "✗ wrong"}


def responses_tables(report: Report, table: Callable[..., Any]) -> Iterable[Any]:
    """One table per student (and bank), every attempt in the order it was made."""
    from rich.text import Text

    games = {g.game_id: g for g in report.game_rows}
    groups: dict[tuple[str, str], list[StoredAnswer]] = {}
    for a in report.responses:
        groups.setdefault((a.player, a.bank_id), []).append(a)
    for (player, bank_id), rows in groups.items():
        t = table(
            f"Responses — {one_line(player) or '(no name)'} — {one_line(bank_id)}",
            [("Game", "left"), ("Question", "left"), ("Try", "right"), ("Answer", "left"),
             ("Outcome", "left"), ("Points", "right")],
        )  # fmt: skip
        numbers: dict[str, int] = {}
        for a in rows:
            g = games.get(a.game_id)
            n = numbers.setdefault(a.game_id, len(numbers) + 1)
            label = f"#{n} {g.mode}" if g else f"#{n}"
            if g and g.state != "finished":
                label += f" ({g.state})"
            t.add_row(
                Text(label),
                Text(one_line(a.question_id)),
                Text(str(a.attempt)),
                Text("\n".join(one_line(line) for line in response_lines(a))),
                Text(_OUTCOME.get(a.outcome, a.outcome)),
                Text(f"{round(a.points, 2):g}/{a.max_points:g}"),
            )
        yield t
