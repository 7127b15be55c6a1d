"""The teacher's screen during a class: how to join, who has joined, how the class is answering.

It draws a `ClassSession` (quizgame.play.classroom) and nothing else: every figure on it can be
computed and tested without a screen. It redraws when the session's version changes (checked
four times a second), so forty students answering at once cost one redraw, not forty.
The teacher's controls are messages (`EndClass`, `Reveal`, `NextQuestion`) the host app acts on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Digits, Static

from quizgame.play.classroom import ClassSession, Pace
from quizgame.text.safe import one_line
from quizgame.tui.widgets.class_questions import ClassQuestions, distribution_text
from quizgame.tui.widgets.class_roster import ClassRoster
from quizgame.tui.widgets.key_bar import KeyBar
from quizgame.tui.widgets.qr_code import QRCode

_DIGITS = set(" 0123456789:.")


def big_address(url: str) -> str | None:
    """`host:port` when it can be drawn in large digits (an IP address), else None."""
    rest = url.split("://", 1)[-1].rstrip("/")
    return rest if rest and set(rest) <= _DIGITS else None


class HostScreen(Screen[None]):
    DEFAULT_CSS = """
    HostScreen { layout: vertical; }
    #host-title { height: 1; background: $primary-background; text-style: bold; padding: 0 1; }
    #host-join { height: 3; padding: 0 1; }
    #host-join Digits { width: auto; margin-right: 4; }
    #host-join-text { width: 1fr; padding: 1 0 0 0; }
    #host-middle { height: 18; }
    #host-qr { width: auto; margin: 0 1; }
    #host-side { width: 1fr; }
    #host-counts { height: 1; text-style: bold; }
    #host-roster-box { height: 1fr; overflow-y: auto; }
    #host-detail { height: 8; padding: 0 1; border-top: solid $primary; }
    /* A small terminal (under 120×36): no QR code, no large digits; the roster and the
       questions share what is left. */
    HostScreen.-compact #host-qr { display: none; }
    HostScreen.-compact #host-join Digits { display: none; }
    HostScreen.-compact #host-join { height: 2; }
    HostScreen.-compact #host-join-text { padding: 0; }
    HostScreen.-compact #host-middle { height: 1fr; }
    HostScreen.-compact #host-questions { height: 8; }
    HostScreen.-compact #host-detail { height: 5; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "end_class", "End class"),
        Binding("r", "reveal", "Reveal answer"),
        Binding("n", "next_question", "Next question"),
        Binding("q", "quit_class", "Quit"),
    ]

    @dataclass
    class EndClass(Message):
        pass

    @dataclass
    class Reveal(Message):
        pass

    @dataclass
    class NextQuestion(Message):
        pass

    @dataclass
    class Quit(Message):
        pass

    def __init__(
        self, session: ClassSession, join_url: str, *, join_code: str = "", title: str = ""
    ) -> None:
        super().__init__()
        self.session = session
        self.join_url = join_url
        self.join_code = join_code
        self.class_title = title
        self._drawn = -1

    def compose(self) -> ComposeResult:
        s = self.session
        pace = "teacher-paced" if s.pace is Pace.TEACHER else "self-paced"
        head = f"quizgame class · {one_line(self.class_title)} · {pace} · {s.session_id}"
        yield Static(Text(head), id="host-title")
        with Horizontal(id="host-join"):
            big = big_address(self.join_url)
            if big is not None:
                yield Digits(big, id="host-address")
            if self.join_code:
                yield Digits(self.join_code, id="host-code")
            join = Text("Join: ", style="bold")
            join.append(self.join_url, style="bold underline")
            if self.join_code:
                join.append("\nClass code: ", style="bold")
                join.append(self.join_code, style="bold")
            yield Static(join, id="host-join-text")
        with Horizontal(id="host-middle"):
            yield QRCode(self.join_url, id="host-qr")
            with Vertical(id="host-side"):
                yield Static(id="host-counts")
                with Vertical(id="host-roster-box"):
                    yield ClassRoster(id="host-roster")
        yield ClassQuestions(id="host-questions")
        yield Static(id="host-detail")
        yield KeyBar()

    def on_resize(self) -> None:
        self.set_class(self.size.width < 100 or self.size.height < 36, "-compact")

    def on_mount(self) -> None:
        self.refresh_view()
        self.set_interval(0.25, self._refresh_if_changed)

    def _refresh_if_changed(self) -> None:
        if self.session.version != self._drawn:
            self.refresh_view()

    def refresh_view(self) -> None:
        """Draw the session as it is now."""
        s = self.session
        self._drawn = s.version
        done = sum(1 for st in s.students.values() if st.finished)
        counts = f"{s.joined} joined · {s.playing} playing · {done} finished"
        if s.roster:
            counts += f" · {len(s.missing())} of {len(s.roster)} on the class list not joined"
        if s.pace is Pace.TEACHER:
            q = s.current + 1
            counts += f" · everyone on question {q} of {len(s.questions)}"
            counts += " (answer shown)" if s.revealed else ""
        if s.ended:
            counts += " · CLASS ENDED"
        self.query_one("#host-counts", Static).update(Text(counts))
        self.query_one("#host-roster", ClassRoster).show(
            s.roster_rows(), len(s.questions), s.missing()
        )
        self.query_one("#host-questions", ClassQuestions).show(s.all_stats())
        self._show_detail()

    @on(DataTable.RowHighlighted, "#host-questions")
    def _highlighted(self) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        table = self.query_one("#host-questions", ClassQuestions)
        if not self.session.questions:
            return
        row = min(max(table.cursor_row, 0), len(self.session.questions) - 1)
        stats = self.session.stats(self.session.questions[row].id)
        width = self.size.width - 4 if self.size.width else 110
        self.query_one("#host-detail", Static).update(distribution_text(stats, width))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("reveal", "next_question"):
            return self.session.pace is Pace.TEACHER and not self.session.ended
        if action == "end_class":
            return not self.session.ended
        return True

    def action_end_class(self) -> None:
        from quizgame.tui.screens.confirm_screen import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.post_message(self.EndClass())

        self.app.push_screen(
            ConfirmScreen(
                "End the class?", "Every student's game ends now and shows their summary."
            ),
            answered,
        )

    def action_reveal(self) -> None:
        self.post_message(self.Reveal())

    def action_next_question(self) -> None:
        self.post_message(self.NextQuestion())

    def action_quit_class(self) -> None:
        from quizgame.tui.screens.confirm_screen import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.post_message(self.Quit())

        detail = "The server stops; games still open end with it. Answers given are saved."
        self.app.push_screen(ConfirmScreen("Stop the class server?", detail), answered)
