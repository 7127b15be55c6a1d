"""One question's drill-down in the teacher view: figures, answer distribution, the proof."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from quizgame.results.rendering import fmt
from quizgame.results.reports import ItemRow
from quizgame.text.formatting import format_duration
from quizgame.text.safe import one_line, visible
from quizgame.tui.widgets.teacher_bars import Bar, TeacherBarChart

OUTCOME_MARKS = {"correct": "✓", "partial": "◐", "wrong": "✗"}


def detail_heading(item: ItemRow) -> Text:
    out = Text()
    out.append(one_line(item.question_id), style="bold")
    out.append(f"  ({item.question_type})", style="dim")
    if item.prompt:
        out.append("\n" + visible(item.prompt))
    return out


def detail_figures(item: ItemRow) -> Text:
    out = Text()
    if item.right_answer:
        out.append("Right answer: ", style="bold")
        out.append(visible(item.right_answer) + "\n")
    out.append(
        f"Answered by {item.answered} · facility {fmt(item.facility)} · first try "
        f"{fmt(item.first_try)} · D {fmt(item.discrimination)} · r {fmt(item.item_rest_r)} · "
        f"average time {format_duration(item.mean_seconds)} · {item.attempts} attempts in all games"
    )
    if item.tags:
        out.append("\nSkills: " + one_line(", ".join(item.tags)), style="dim")
    if item.changed:
        out.append(f"\n* {item.changed}", style="yellow")
    return out


def distribution_bars(item: ItemRow) -> list[Bar]:
    """Whole answers; for select-all each option and for match each pair instead (whole match
    answers all start with the same quote, so their bars would read alike)."""
    if item.option_counts:
        marks = {True: "✓", False: "✗", None: ""}
        return [Bar(o.label, o.count, marks[o.right]) for o in item.option_counts]
    return [
        Bar(c.response, c.count, "✗" if c.timed_out else OUTCOME_MARKS.get(c.outcome, ""))
        for c in item.distribution
    ]


def evidence_text(item: ItemRow) -> Text:
    out = Text()
    out.append("Evidence in the article\n", style="bold")
    if not item.evidence:
        out.append("(the bank file was not found, so the evidence cannot be shown)", style="dim")
        return out
    for n, quote in enumerate(item.evidence):
        if n:
            out.append("\n")
        out.append("▌ ", style="green")
        out.append(visible(quote))
    return out


class TeacherQuestionDetail(VerticalScroll):
    DEFAULT_CSS = """
    TeacherQuestionDetail {
        height: 1fr;
        padding: 0 1;
    }
    TeacherQuestionDetail > .detail-part {
        margin-bottom: 1;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(
            Text("Pick a question above to see how it was answered.", style="dim"),
            id="detail-heading",
            classes="detail-part",
        )
        yield Static("", id="detail-figures", classes="detail-part")
        yield Static(
            Text("Answers given (first try, first game per student)", style="bold"),
            id="detail-bars-title",
        )
        yield TeacherBarChart(id="detail-bars", classes="detail-part")
        yield Static("", id="detail-evidence", classes="detail-part")

    def show(self, item: ItemRow) -> None:
        self.query_one("#detail-heading", Static).update(detail_heading(item))
        self.query_one("#detail-figures", Static).update(detail_figures(item))
        self.query_one("#detail-bars", TeacherBarChart).set_bars(distribution_bars(item))
        what = {"multi": "Options chosen", "match": "Pairs made"}.get(item.question_type)
        title = f"{what or 'Answers given'} (first try, first game per student)"
        self.query_one("#detail-bars-title", Static).update(Text(title, style="bold"))
        self.query_one("#detail-evidence", Static).update(evidence_text(item))
        self.scroll_home(animate=False)
