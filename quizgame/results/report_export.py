"""A report as data: CSV for spreadsheets, JSON for programs (the Rich tables are in rendering).

CSV cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR)
get a leading `'`: player names and answers are typed by students. Numbers are written as numbers
(a negative discrimination stays a number), since a plain numeral cannot be a formula.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime
from typing import Any

from quizgame.results.report_rows import Report
from quizgame.text.safe import visible_data

SECTIONS = ("players", "questions", "skills", "histogram")
EXTRA_SECTIONS = ("games", "responses")  # on request only: one row per game / per attempt
FORMATS = ("table", "csv", "json")
JSON_SCHEMA_ID = "quizgame-results-report/1"

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")

Cell = str | int | float | None


# --- CSV -----------------------------------------------------------------------------------------


def neutralise(value: Cell) -> str:
    """A CSV cell a spreadsheet shows as text, never evaluates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return _number(value)
    text = str(value)
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        text = "'" + text
    return visible_data(text)  # ESC & co. as visible pictures: a CSV may be printed on a terminal


def _number(value: float) -> str:
    if isinstance(value, int):
        return str(value)
    return f"{round(value, 4):g}" if abs(value) < 1e15 else str(value)


def _r(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


def _when(ts: float) -> str:
    return datetime.fromtimestamp(ts).isoformat(timespec="seconds")


def section_rows(report: Report, section: str) -> tuple[list[str], list[list[Cell]]]:
    """Header and rows of one section, as the CSV (and tests) see it."""
    if section in EXTRA_SECTIONS:
        from quizgame.results import responses

        return responses.section_rows(report, section)
    if section == "players":
        head = [
            "player",
            "bank_id",
            "bank_title",
            "games",
            "last_score",
            "last_max",
            "last_percent",
            "best_score",
            "best_max",
            "best_percent",
            "time_seconds",
            "last_played",
            "last_status",
            "last_mode",
        ]
        rows: list[list[Cell]] = [
            [
                p.player,
                p.bank_id,
                p.bank_title,
                p.games,
                _r(p.last_score),
                p.last_max,
                _r(p.last_percent, 1),
                _r(p.best_score),
                p.best_max,
                _r(p.best_percent, 1),
                _r(p.seconds, 1),
                _when(p.last_played),
                p.last_state,
                p.last_mode,
            ]
            for p in report.players
        ]
        return head, rows
    if section == "questions":
        head = [
            "bank_id",
            "bank_hash",
            "question_id",
            "type",
            "prompt",
            "tags",
            "answered",
            "attempts",
            "facility",
            "first_try_facility",
            "discrimination",
            "item_rest_r",
            "most_chosen_wrong",
            "most_chosen_wrong_count",
            "mean_seconds",
            "changed",
        ]
        rows = [
            [
                i.bank_id,
                i.bank_hash,
                i.question_id,
                i.question_type,
                i.prompt,
                "; ".join(i.tags),
                i.answered,
                i.attempts,
                _r(i.facility),
                _r(i.first_try),
                _r(i.discrimination),
                _r(i.item_rest_r),
                i.top_wrong,
                i.top_wrong_count,
                _r(i.mean_seconds, 1),
                i.changed,
            ]
            for v in report.versions
            for i in v.items
        ]
        return head, rows
    if section == "skills":
        head = ["bank_id", "bank_hash", "skill", "scope", "player", "questions", "answers", "mean"]
        rows = [
            [
                s.bank_id,
                s.bank_hash,
                s.tag,
                "class" if s.player is None else "player",
                s.player,
                s.questions,
                s.answers,
                _r(s.mean),
            ]
            for v in report.versions
            for s in v.skills
        ]
        return head, rows
    if section == "histogram":
        head = ["bank_id", "bank_hash", "bin", "low_percent", "high_percent", "players"]
        rows = [
            [v.bank_id, v.bank_hash, b.label, b.low, b.high, b.count]
            for v in report.versions
            for b in v.histogram
        ]
        return head, rows
    raise ValueError(f"unknown section {section!r}")


def to_csv(report: Report, sections: Sequence[str] = SECTIONS) -> str:
    """One section: a plain table. Several: each titled, separated by an empty row."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    for n, section in enumerate(sections):
        head, rows = section_rows(report, section)
        if len(sections) > 1:
            if n:
                writer.writerow([])
            writer.writerow([section])
        writer.writerow(head)
        writer.writerows([neutralise(c) for c in row] for row in rows)
    return buf.getvalue()


# --- JSON ----------------------------------------------------------------------------------------


def to_json(report: Report, sections: Sequence[str] = SECTIONS) -> str:
    data: dict[str, Any] = {
        "schema": JSON_SCHEMA_ID,
        "games": report.games,
        "answers": report.answers,
    }
    if "players" in sections:
        data["players"] = [asdict(p) for p in report.players]
    for extra in EXTRA_SECTIONS:
        if extra in sections:
            from quizgame.results import responses

            data[extra] = responses.json_entries(report, extra)
    versions = []
    for v in report.versions:
        entry: dict[str, Any] = {
            "bank_id": v.bank_id,
            "bank_hash": v.bank_hash,
            "bank_title": v.bank_title,
            "players": v.players,
            "games": v.games,
            "answers": v.answers,
            "mean_percent": v.mean_percent,
            "sd_percent": v.sd_percent,
            "alpha": v.alpha,
            "unfinished_games": v.unfinished,
            "notes": list(v.notes),
        }
        if "questions" in sections:
            entry["questions"] = [asdict(i) for i in v.items]
        if "skills" in sections:
            entry["skills"] = [asdict(s) for s in v.skills]
        if "histogram" in sections:
            entry["histogram"] = [dict(asdict(b), label=b.label) for b in v.histogram]
        versions.append(entry)
    if any(s in sections for s in ("questions", "skills", "histogram")):
        data["banks"] = versions
    data = _for_people(data)
    # JSON escapes C0 controls itself; DEL and C1 (U+009B is CSI on some terminals) too, here.
    return _C1_OR_DEL.sub(_json_escape, json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


_C1_OR_DEL = re.compile(r"[\x7f-\x9f]")


def _for_people(value: Any, key: str = "") -> Any:
    """Floats rounded as a person reads them (57.0, not 56.9998000001): percentages to 0.1,
    seconds and timestamps to 0.1 s, scores and indices to 0.001."""
    if isinstance(value, float):
        if "percent" in key or "seconds" in key or key in ("started", "last_played"):
            return round(value, 1)
        return round(value, 3)
    if isinstance(value, dict):
        return {k: _for_people(v, k) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_for_people(v, key) for v in value]
    return value


def _json_escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"
