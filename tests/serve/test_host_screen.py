"""The teacher's host screen, with Pilot: readable with 40 students at 120×40, live, controls."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import on
from textual.app import App

from quizgame.bank.loaded import LoadedBank
from quizgame.play.classroom import ClassSession, Pace
from quizgame.tui.screens.confirm_screen import ConfirmScreen
from quizgame.tui.screens.host_screen import HostScreen, big_address
from quizgame.tui.widgets.qr_code import qr_rows
from tests.serve.classdata import NAMES, filled_session

CSS = str(Path(__file__).resolve().parents[2] / "quizgame" / "tui" / "app.tcss")


def screen_text(app: App[Any]) -> str:
    """What is on the terminal, as plain text (from Textual's own SVG export)."""
    import html
    import re

    parts = re.findall(r"<text[^>]*>(.*?)</text>", app.export_screenshot())
    return html.unescape("".join(parts)).replace("\xa0", " ")


class Host(App[None]):
    CSS_PATH = CSS

    def __init__(self, session: ClassSession, **kwargs: Any) -> None:
        super().__init__()
        self.session, self.kwargs = session, kwargs
        self.got: list[str] = []

    def on_mount(self) -> None:
        self.push_screen(HostScreen(self.session, "http://192.168.1.20:8000", **self.kwargs))

    @on(HostScreen.EndClass)
    def _end(self) -> None:
        self.got.append("end")

    @on(HostScreen.Reveal)
    def _reveal(self) -> None:
        self.got.append("reveal")

    @on(HostScreen.NextQuestion)
    def _next(self) -> None:
        self.got.append("next")


async def test_forty_students_are_all_readable_at_120x40(loaded_bank: LoadedBank) -> None:
    session = filled_session(loaded_bank, 40)
    app = Host(session, join_code="4821", title="Kremlin")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        for name in NAMES:
            assert name[:12] in shown, name  # every student, none scrolled away
        done = sum(1 for st in session.students.values() if st.finished)
        assert f"40 joined · {session.playing} playing · {done} finished" in shown
        assert "http://192.168.1.20:8000" in shown and "Class code: 4821" in shown
        assert "Right answer: The Kremlin" in shown  # the teacher's screen has the key
        assert "a wrong answer" in shown  # the most common wrong answer
        assert "█" in shown  # the QR code


async def test_the_screen_follows_the_class_live(loaded_bank: LoadedBank) -> None:
    session = filled_session(loaded_bank, 0)
    app = Host(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "No one has joined yet" in screen_text(app)
        session.apply("v", {"event": "joined", "name": "Zed"})
        q = session.questions[0]
        session.apply(
            "v",
            {"event": "answered", "question_id": q.id, "response": "The White House",
             "outcome": "wrong", "score": 0},
        )  # fmt: skip
        assert isinstance(app.screen, HostScreen)
        app.screen.refresh_view()  # what the screen's timer does when the version changes
        await pilot.pause()
        shown = screen_text(app)
        assert "Zed" in shown and "1 joined · 1 playing" in shown
        assert "The White House" in shown  # the distribution and the most common wrong answer


async def test_end_class_asks_first_then_tells_the_app(loaded_bank: LoadedBank) -> None:
    app = Host(filled_session(loaded_bank, 3))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("r")  # self-paced: no reveal
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.got == []
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.got == ["end"]


async def test_teacher_paced_offers_reveal_and_next(loaded_bank: LoadedBank) -> None:
    app = Host(filled_session(loaded_bank, 3, pace=Pace.TEACHER))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Reveal answer" in screen_text(app)
        await pilot.press("r", "n")
        await pilot.pause()
        assert app.got == ["reveal", "next"]


def test_qr_and_big_address() -> None:
    rows = qr_rows("http://192.168.1.20:8000")
    assert rows is not None and len(rows) >= 12 and len({len(r) for r in rows}) == 1
    assert big_address("http://192.168.1.20:8000/") == "192.168.1.20:8000"
    assert big_address("https://quiz.school") is None  # letters: shown as text only


def test_host_screen_snapshot(snap_compare: Any, loaded_bank: LoadedBank) -> None:
    """The picture in docs/classroom.md: 40 students part-way through, at 120×40."""

    async def settle(pilot: Any) -> None:
        await pilot.pause()

    app = Host(filled_session(loaded_bank, 40), join_code="4821", title="Kremlin")
    assert snap_compare(app, terminal_size=(120, 40), run_before=settle)


async def test_a_busy_port_is_reported_not_a_traceback(loaded_bank: LoadedBank) -> None:
    import socket

    from quizgame.serve.class_host import ClassHost
    from quizgame.serve.host_app import HostApp
    from quizgame.serve.server import QuizServer

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = QuizServer("true", port=port)
        app = HostApp(server, ClassHost(filled_session(loaded_bank, 0)))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
        assert app.listen_error is not None and f"cannot listen on 127.0.0.1:{port}" in (
            app.listen_error
        )


async def test_a_small_terminal_drops_the_qr_code_not_the_class(loaded_bank: LoadedBank) -> None:
    app = Host(filled_session(loaded_bank, 40), join_code="4821")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-compact")
        assert not screen.query_one("#host-qr").display
        shown = screen_text(app)
        assert "Join: http://192.168.1.20:8000" in shown and "40 joined" in shown
        assert "Q1 Who refuted" in shown  # the answers panel is still there
        roster = str(screen.query_one("#host-roster").render())
        assert roster.splitlines()[1].startswith(" Ada") and "Kai" in roster.splitlines()[1]
