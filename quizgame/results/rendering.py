"""A report as text for the terminal: Rich tables and headings (CSV and JSON are in report_export).

Every untrusted string goes into Rich as `Text`, never as markup.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from quizgame.results.report_export import SECTIONS
from quizgame.results.report_rows import HistogramBin, Report, VersionReport
from quizgame.text.formatting import clip, format_duration, format_percent
from quizgame.text.safe import one_line, visible

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
