"""A report as text: Rich tables for the terminal, CSV for spreadsheets, JSON for programs.

CSV cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR)
get a leading `'`: player names and answers are typed by students. Numbers are written as numbers
(a negative discrimination stays a number), since a plain numeral cannot be a formula.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from datetime import datetime
from typing import Any

from quizgame.results.report_rows import HistogramBin, Report, VersionReport
from quizgame.text.formatting import clip, format_duration, format_percent
from quizgame.text.safe import one_line, visible, visible_data

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


# --- Rich tables ---------------------------------------------------------------------------------


def fmt(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def score_text(score: float, max_score: float, percent: float) -> str:
    return f"{round(score, 2):g}/{max_score:g} ({percent:.0f}%)"


def bar(count: int, largest: int, width: int = 30) -> str:
    """A text bar, at least one block for any non-zero count."""
    if count <= 0 or largest <= 0:
        return ""
    return "█" * max(1, round(width * count / largest))


def render_tables(
    report: Report,
    sections: Sequence[str] = SECTIONS,
    *,
    width: int | None = None,
    color: bool = True,
    player: str | None = None,
) -> str:
    from rich.console import Console

    buf = io.StringIO()
    console = Console(
        file=buf,
        width=width,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
    )
    for renderable in rich_renderables(report, sections, player=player, width=console.width):
        console.print(renderable)
    return buf.getvalue()


def rich_renderables(
    report: Report,
    sections: Sequence[str] = SECTIONS,
    *,
    player: str | None = None,
    width: int = 100,
) -> Iterable[Any]:
    """Rich tables and headings; every untrusted string goes in as `Text`, never as markup."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    def table(title: str, columns: Sequence[tuple[str, str]]) -> Table:
        t = Table(
            title=Text(title, style="bold"),
            title_justify="left",
            expand=False,
            box=box.SIMPLE_HEAD,
        )
        for name, justify in columns:
            t.add_column(Text(name), justify=justify)  # type: ignore[arg-type]
        return t

    if "players" in sections:
        t = table(
            "Players",
            [
                ("Player", "left"),
                ("Bank", "left"),
                ("Games", "right"),
                ("Last score", "right"),
                ("Best score", "right"),
                ("Time", "right"),
            ],
        )
        for p in report.players:
            last = Text(score_text(p.last_score, p.last_max, p.last_percent))
            if p.last_state != "finished":  # 0/10 after one answer is not a score of 0 %
                last = Text(f"{p.last_state} at {p.last_answered}/{p.last_questions}", "yellow")
            t.add_row(
                Text(one_line(p.player) or "(no name)"),
                Text(one_line(p.bank_id)),
                Text(str(p.games)),
                last,
                Text(score_text(p.best_score, p.best_max, p.best_percent) if p.completed else "—"),
                Text(format_duration(p.seconds)),
            )
        yield t
        yield Text("")

    if "games" in sections or "responses" in sections:
        from quizgame.results import responses

        if "games" in sections:
            yield responses.games_table(report, table)
            yield Text("")
        if "responses" in sections:
            for t in responses.responses_tables(report, table):
                yield t
                yield Text("")

    if not any(s in sections for s in ("questions", "skills", "histogram")):
        return  # `--report players` (or games, responses): no bank headings
    for v in report.versions:
        yield _version_heading(v)
        for note in v.notes:
            yield Text(visible(f"note: {note}"), style="yellow")
        if "questions" in sections:
            # the wrong answer gets what the fixed columns (about 68 cells) leave, cut to one line
            yield _questions_table(v, table, wrong_width=min(60, max(12, width - 70)))
            for i in v.items:
                if i.changed:  # versions of one bank are reported together
                    yield Text(f"* {one_line(i.question_id)}: {i.changed}", style="yellow")
            options = _options_text(v)
            if options is not None:
                yield options
        if "skills" in sections and v.skills:
            yield _skills_table(v, table, player)
        if "histogram" in sections:
            yield _histogram_text(v.histogram)
        yield Text("")


def _version_heading(v: VersionReport) -> Any:
    from rich.text import Text

    head = Text()
    head.append(one_line(v.bank_title), style="bold underline")
    head.append(f"  {v.label}")
    mean = "—" if v.mean_percent is None else f"{v.mean_percent:.0f}%"
    head.append(f"\n{v.players} players, {v.games} games, {v.answers} answers; class mean {mean}")
    sd = "—" if v.sd_percent is None else f"{v.sd_percent:.1f} points"
    alpha = "— (needs 3 players, 2 questions)" if v.alpha is None else f"{v.alpha:.2f}"
    head.append(f"; SD {sd}; reliability (Cronbach's α / KR-20) {alpha}")
    return head


def _options_text(v: VersionReport) -> Any:
    """Select-all options and match pairs: how many chose each (first tries), right ones marked."""
    from rich.text import Text

    items = [i for i in v.items if i.option_counts]
    if not items:
        return None
    out = Text("Options chosen (select-all) and pairs made (match), first tries\n", style="bold")
    for i in items:
        out.append(f"{one_line(i.question_id)}\n")
        for o in i.option_counts:
            mark = {True: "✓", False: "✗", None: " "}[o.right]
            out.append(f"  {mark} {o.count:>3}/{o.of} {one_line(clip(o.label, 90))}\n")
    return out


QUESTIONS_LEGEND = (
    "n: students answering (first game each) · Facility: mean score, 0–1 · 1st: first-try facility · "
    "D: top 27% minus bottom 27% · r: item–rest correlation · ! negative D: check the key"
)


def _questions_table(v: VersionReport, table: Callable[..., Any], wrong_width: int = 40) -> Any:
    from rich.table import Table
    from rich.text import Text

    t: Table = table(
        "Questions",
        [
            ("Question", "left"),
            ("n", "right"),
            ("Facility", "right"),
            ("1st", "right"),
            ("D", "right"),
            ("r", "right"),
            ("Time", "right"),
            ("Most-chosen wrong answer", "left"),
        ],
    )
    t.caption = Text(QUESTIONS_LEGEND, style="dim")
    t.caption_justify = "left"
    for col in t.columns:  # numbers never shrink; long text is cut with an ellipsis instead
        col.no_wrap = True
        col.overflow = "ellipsis"
        col.min_width = max(3, len(str(col.header)))
    t.columns[0].min_width = 12
    t.columns[0].max_width = 22
    t.columns[-1].no_wrap = False  # the one column that may wrap, if the terminal is very narrow
    for i in v.items:
        wrong = Text(
            f"{i.top_wrong_count}× {one_line(clip(i.top_wrong, wrong_width - 4))}"
            if i.top_wrong
            else "—"
        )
        d = Text(fmt(i.discrimination))
        if i.discrimination is not None and i.discrimination < 0:
            d.append("!", style="bold")  # a symbol as well as colour
            d.stylize("red")
        t.add_row(
            Text(one_line(i.question_id) + (" *" if i.changed else "")),
            Text(str(i.answered)),
            Text(fmt(i.facility)),
            Text(fmt(i.first_try)),
            d,
            Text(fmt(i.item_rest_r)),
            Text(format_duration(i.mean_seconds)),
            wrong,
        )
    return t


def _skills_table(v: VersionReport, table: Callable[..., Any], player: str | None) -> Any:
    from rich.text import Text

    columns = [("Skill", "left"), ("Questions", "right"), ("Class mean", "right")]
    if player is not None:
        columns.append((one_line(player), "right"))
    columns.append(("Students below 50%", "right"))
    t = table("Skills (mean question score per skill tag)", columns)
    by_tag: dict[str, list[Any]] = {}
    for s in v.skills:
        by_tag.setdefault(s.tag, []).append(s)
    for tag, rows in by_tag.items():
        klass = next(r for r in rows if r.player is None)
        players = [r for r in rows if r.player is not None]
        cells = [Text(one_line(tag)), Text(str(klass.questions)), Text(format_percent(klass.mean))]
        if player is not None:
            mine = next((r for r in players if r.player == player), None)
            cells.append(Text(format_percent(mine.mean if mine else None)))
            cells.append(Text("—"))  # only one player's rows are kept
        else:
            below = sum(1 for r in players if r.mean is not None and r.mean < 0.5)
            cells.append(Text(str(below)))
        t.add_row(*cells)
    return t


def _histogram_text(bins: Sequence[HistogramBin]) -> Any:
    from rich.text import Text

    out = Text("Score distribution (players by first-game score)\n", style="bold")
    largest = max((b.count for b in bins), default=0)
    for b in bins:
        out.append(f"{b.label:>9} ")
        out.append(bar(b.count, largest), style="cyan")
        out.append(f" {b.count}\n")
    return out
