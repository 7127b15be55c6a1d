"""The teacher view: how the class did, in four tabs — players, questions (with a drill-down into
each question's answers and evidence), skills, and the score histogram.

Results are loaded in a thread worker (a big class takes a moment) and shown from the same report
`quizgame results` prints, so the two never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Select, Static, TabbedContent, TabPane

from quizgame.results.rendering import QUESTIONS_LEGEND, fmt, score_text
from quizgame.results.reports import Report, VersionReport
from quizgame.text.formatting import clip, format_duration, format_percent
from quizgame.text.safe import one_line
from quizgame.tui.widgets.key_bar import KeyBar
from quizgame.tui.widgets.teacher_bars import Bar, TeacherBarChart
from quizgame.tui.widgets.teacher_question_detail import TeacherQuestionDetail


@dataclass(frozen=True)
class LoadedResults:
    report: Report | None
    message: str | None  # shown instead of tables: no results yet, or what went wrong
    error: bool = False


def load_results(db: str | None, banks: Sequence[Path] = ()) -> LoadedResults:
    """Read the store and build the report; never raises for a missing, newer or damaged file.

    `banks`: bank files given with `--bank` (prompts, tags and evidence for banks that are not
    bundled or in ./questions)."""
    from quizgame.results.banks import resolve_banks
    from quizgame.results.loading import NoResultsYet, StoreError, read_results
    from quizgame.results.reports import build_report

    try:
        read = read_results(db)
    except NoResultsYet as exc:
        return LoadedResults(None, str(exc))
    except StoreError as exc:
        return LoadedResults(None, str(exc), error=True)
    if not read.answers:
        return LoadedResults(None, f"No results yet in {read.where}.")
    found = resolve_banks({a.bank_id for a in read.answers}, banks)
    report = build_report(read.games, read.answers, found)
    return LoadedResults(report, " ".join(read.notes) or None)


OUTCOME_WORDS = {"correct": "✓ right", "partial": "◐ partly", "wrong": "✗ wrong"}


class TeacherScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back"),
        Binding("r", "reload", "Reload"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, db: str | None = None, banks: Sequence[Path] = ()) -> None:
        super().__init__()
        self.db = db
        self.banks = tuple(banks)
        self.report: Report | None = None
        self.version: VersionReport | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text("Teacher view — class results", style="bold"), id="teacher-title")
        yield Static(Text("Loading results…"), id="teacher-status")
        yield Select[int]([], prompt="Bank", id="teacher-version")
        with TabbedContent(id="teacher-tabs"):
            with TabPane("Players", id="tab-players"):
                yield DataTable[Text](id="teacher-players", cursor_type="row", zebra_stripes=True)
            with TabPane("Questions", id="tab-questions"):
                yield DataTable[Text](id="teacher-questions", cursor_type="row", zebra_stripes=True)
                yield Static(Text(QUESTIONS_LEGEND), id="teacher-legend")
                yield TeacherQuestionDetail(id="teacher-detail")
            with TabPane("Responses", id="tab-responses"):
                yield Static(
                    Text("Every attempt, per student (pick a player on the Players tab)"),
                    id="teacher-responses-title",
                )
                yield DataTable[Text](id="teacher-responses", cursor_type="row", zebra_stripes=True)
            with TabPane("Skills", id="tab-skills"):
                yield DataTable[Text](id="teacher-skills", cursor_type="row", zebra_stripes=True)
            with TabPane("Scores", id="tab-scores"):
                yield Static(
                    Text("Students by score in their first game of this bank", style="bold"),
                    id="teacher-histogram-title",
                )
                yield TeacherBarChart(id="teacher-histogram", label_width=9)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#teacher-players", DataTable).add_columns(
            "Player", "Bank", "Games", "Last score", "Best score", "Time"
        )
        self.query_one("#teacher-questions", DataTable).add_columns(
            "Question", "Type", "n", "Facility", "1st", "D", "r", "Most-chosen wrong", "Time"
        )
        self.query_one("#teacher-responses", DataTable).add_columns(
            "Player", "Game", "Question", "Try", "Answer", "Outcome", "Points"
        )
        self.query_one("#teacher-skills", DataTable).add_columns(
            "Skill", "Questions", "Class mean", "Students below 50%"
        )
        self.query_one("#teacher-version", Select).display = False
        self.query_one("#teacher-tabs", TabbedContent).display = False
        self.load()

    # loading -------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="teacher-load")
    def load(self) -> None:
        loaded = load_results(self.db, self.banks)
        self.app.call_from_thread(self.show_results, loaded)

    def action_reload(self) -> None:
        self.query_one("#teacher-status", Static).update(Text("Loading results…"))
        self.load()

    def action_close(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        else:
            self.app.exit()

    def show_results(self, loaded: LoadedResults) -> None:
        status = self.query_one("#teacher-status", Static)
        tabs = self.query_one("#teacher-tabs", TabbedContent)
        select: Select[int] = self.query_one("#teacher-version", Select)
        self.report = loaded.report
        status.set_class(loaded.error, "-error")
        if loaded.report is None:
            status.update(Text(loaded.message or ""))
            tabs.display = False
            select.display = False
            return
        report = loaded.report
        summary = (
            f"{len(report.players)} player rows · {report.games} games · {report.answers} answers"
        )
        if loaded.message:  # read, with a warning (a damaged file: what was lost)
            summary += f"\n{loaded.message}"
        status.update(Text(summary, style="yellow" if loaded.message else ""))
        tabs.display = True
        self._fill_players(report)
        options = [
            (Text(one_line(f"{v.bank_title} — {v.label} ({v.players} students)")), n)
            for n, v in enumerate(report.versions)
        ]
        select.set_options(options)
        select.display = len(options) > 1
        latest = max(range(len(report.versions)), key=lambda n: report.versions[n].last_played)
        select.value = latest
        self.show_version(report.versions[latest])

    @on(Select.Changed, "#teacher-version")
    def _version_chosen(self, event: Select.Changed) -> None:
        if self.report is not None and isinstance(event.value, int):
            self.show_version(self.report.versions[event.value])

    # filling the tabs ----------------------------------------------------------------------------

    def _fill_players(self, report: Report) -> None:
        table = self.query_one("#teacher-players", DataTable)
        table.clear()
        for p in report.players:
            last = Text(score_text(p.last_score, p.last_max, p.last_percent), justify="right")
            if p.last_state != "finished":
                last = Text(
                    f"{p.last_state} at {p.last_answered}/{p.last_questions}",
                    style="yellow",
                    justify="right",
                )
            table.add_row(
                Text(one_line(p.player) or "(no name)"),
                Text(one_line(p.bank_id)),
                Text(str(p.games), justify="right"),
                last,
                Text(
                    score_text(p.best_score, p.best_max, p.best_percent) if p.completed else "—",
                    justify="right",
                ),
                Text(format_duration(p.seconds), justify="right"),
                key=f"{p.player}\x00{p.bank_id}",
            )
        self._fill_responses(None)

    def _fill_responses(self, player: str | None) -> None:
        """Every attempt of the shown bank version (of one player when one is picked)."""
        from quizgame.results.responses import response_lines

        table = self.query_one("#teacher-responses", DataTable)
        table.clear()
        if self.report is None:
            return
        games = {g.game_id: g for g in self.report.game_rows}
        numbers: dict[str, int] = {}
        version = self.version
        for a in self.report.responses:
            if player is not None and a.player != player:
                continue
            if version is not None and (a.bank_id, a.bank_hash) != (
                version.bank_id,
                version.bank_hash,
            ):
                continue
            g = games.get(a.game_id)
            n = numbers.setdefault(a.game_id, len(numbers) + 1)
            label = (
                f"#{n} {g.mode}" + (f" ({g.state})" if g.state != "finished" else "")
                if g
                else f"#{n}"
            )
            table.add_row(
                Text(one_line(a.player) or "(no name)"),
                Text(one_line(label)),
                Text(one_line(a.question_id)),
                Text(str(a.attempt), justify="right"),
                Text("\n".join(one_line(clip(line, 60)) for line in response_lines(a))),
                Text(OUTCOME_WORDS.get(a.outcome, a.outcome)),
                Text(f"{round(a.points, 2):g}/{a.max_points:g}", justify="right"),
                height=None,
            )

    @on(DataTable.RowHighlighted, "#teacher-players")
    def _player_highlighted(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value
        if key is not None:
            self._fill_responses(key.split("\x00", 1)[0])

    def show_version(self, version: VersionReport) -> None:
        self.version = version
        questions = self.query_one("#teacher-questions", DataTable)
        questions.clear()
        for item in version.items:
            d = Text(fmt(item.discrimination), justify="right")
            if item.discrimination is not None and item.discrimination < 0:
                d = Text(fmt(item.discrimination) + "!", style="red", justify="right")
            wrong = f"{item.top_wrong_count}× {clip(item.top_wrong, 40)}" if item.top_wrong else "—"
            questions.add_row(
                Text(one_line(item.question_id) + (" *" if item.changed else "")),
                Text(item.question_type),
                Text(str(item.answered), justify="right"),
                Text(fmt(item.facility), justify="right"),
                Text(fmt(item.first_try), justify="right"),
                d,
                Text(fmt(item.item_rest_r), justify="right"),
                Text(one_line(wrong)),
                Text(format_duration(item.mean_seconds), justify="right"),
                key=item.question_id,
            )
        if version.items:
            self.query_one("#teacher-detail", TeacherQuestionDetail).show(version.items[0])

        skills = self.query_one("#teacher-skills", DataTable)
        skills.clear()
        for s in version.skills:
            if s.player is not None:
                continue
            below = sum(
                1
                for p in version.skills
                if p.tag == s.tag and p.player is not None and p.mean is not None and p.mean < 0.5
            )
            skills.add_row(
                Text(one_line(s.tag)),
                Text(str(s.questions), justify="right"),
                Text(format_percent(s.mean), justify="right"),
                Text(str(below), justify="right"),
            )
        if not version.skills:
            skills.add_row(
                Text(" ".join(version.notes) or "no skill tags"), Text(""), Text(""), Text("")
            )

        self.query_one("#teacher-histogram", TeacherBarChart).set_bars(
            [Bar(b.label, b.count) for b in version.histogram]
        )
        mean = "—" if version.mean_percent is None else f"{version.mean_percent:.0f}%"
        sd = "—" if version.sd_percent is None else f"{version.sd_percent:.1f} points"
        alpha = "—" if version.alpha is None else f"{version.alpha:.2f}"
        title = Text("Students by score in their first finished game of this bank", style="bold")
        title.append(
            f"\nclass mean {mean} · SD {sd} · reliability (Cronbach's α / KR-20) {alpha}",
            style="",
        )
        if version.unfinished:
            title.append(f" · {version.unfinished} unfinished game(s) left out", style="yellow")
        self.query_one("#teacher-histogram-title", Static).update(title)
        players = self.query_one("#teacher-players", DataTable)
        picked = None
        if players.row_count and players.cursor_row >= 0:
            key = players.coordinate_to_cell_key(players.cursor_coordinate).row_key.value
            picked = key.split("\x00", 1)[0] if key else None
        self._fill_responses(picked)

    @on(DataTable.RowHighlighted, "#teacher-questions")
    def _question_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.version is None or event.row_key.value is None:
            return
        for item in self.version.items:
            if item.question_id == event.row_key.value:
                self.query_one("#teacher-detail", TeacherQuestionDetail).show(item)
                return
