"""A class, end to end: the class server runs real games; simulated students play them.

The students are websocket clients on loopback speaking the browser page's protocol
(tests/serve/students.py); the teacher's side is the ClassHost the host screen draws. Checked:
the host learns each join and answer as it happens, each student receives only their own
screen (never a classmate's name), the join code gates the game, and ending the class ends
every game with its summary. The class session's tag is kept for every game.
"""

from __future__ import annotations

import asyncio
import shlex
import socket
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from quizgame.bank.loader import load_bank
from quizgame.play.classroom import ClassSession, Pace, questions_of
from quizgame.serve.class_host import ClassHost
from quizgame.serve.class_log import ClassLog
from quizgame.serve.server import QuizServer
from tests.conftest import BUNDLED_BANK
from tests.serve.students import Student
from tests.serve.test_host_screen import screen_text

pytestmark = pytest.mark.slow

N = len(load_bank(BUNDLED_BANK).loaded.bank.questions)  # type: ignore[union-attr]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@asynccontextmanager
async def class_server(
    tmp_path: Path, loaded_bank: object, *, join_code: str = "", pace: Pace = Pace.SELF
) -> AsyncIterator[tuple[str, ClassHost]]:
    questions = questions_of(loaded_bank.bank)  # type: ignore[attr-defined]
    session = ClassSession("class-e2e00001", questions, pace=pace)
    db = tmp_path / "results.sqlite3"
    argv = [sys.executable, "-m", "quizgame", "play", "--class-session", session.session_id]
    argv += [str(BUNDLED_BANK), "--db", str(db), "--seed", "1"]
    if join_code:
        argv += ["--join-code", join_code]
    if pace is Pace.TEACHER:
        argv += ["--class-pace", "teacher"]
    port = _free_port()
    host = ClassHost(session, ClassLog(db))
    server = QuizServer(shlex.join(argv), port=port, hooks=host, prefork=True)
    host.server = server
    runner = web.AppRunner(server.make_app())
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield f"http://127.0.0.1:{port}", host
    finally:
        await runner.cleanup()
        assert host.log is not None
        host.log.close()


async def until(check: object, timeout: float = 30) -> None:
    import asyncio

    async with asyncio.timeout(timeout):
        while not check():  # type: ignore[operator]
            await asyncio.sleep(0.05)  # polling the host's state, bounded by the timeout


async def test_self_paced_class_host_sees_live_and_end_shows_summaries(
    tmp_path: Path, loaded_bank: object
) -> None:
    async with class_server(tmp_path, loaded_bank) as (base, host), aiohttp.ClientSession() as http:
        ada, bo = await Student.join(http, base), await Student.join(http, base)
        for student, name in ((ada, "Ada"), (bo, "Bo")):
            await student.wait_for("Your name")
            await student.send(name + "\r")
            await student.wait_for(f"Question 1 of {N}")
        session = host.session
        await until(lambda: session.joined == 2)
        assert sorted(s.name for s in session.roster_rows()) == ["Ada", "Bo"]

        await ada.send("b")  # The Kremlin: right
        await ada.wait_for("Correct")
        await bo.send("a")  # The White House: wrong
        await bo.wait_for("Wrong")
        await until(lambda: session.stats("kremlin-refutes").answered == 2)
        stats = session.stats("kremlin-refutes")
        assert stats.correct == 1 and stats.common_wrong == "The White House"
        assert dict(stats.distribution) == {"The Kremlin": 1, "The White House": 1}
        by_name = {s.name: s for s in session.roster_rows()}
        assert by_name["Ada"].score == 1 and by_name["Ada"].question == 2
        assert by_name["Bo"].answered == 1 and by_name["Bo"].score == 0

        await host.end_class()
        for student in (ada, bo):
            shown = await student.wait_for("Summary —")
            assert "Your teacher has ended the class" in shown or f"of {N} right" in shown
        await until(lambda: all(s.stopped for s in session.students.values()))
        # each browser got its own screen only: no classmate's name ever reached it
        assert "Bo" not in ada.everything_received() and "Ada" not in bo.everything_received()
        await ada.close()
        await bo.close()
        await until(lambda: session.playing == 0)
    assert host.log is not None
    games = ClassLog(tmp_path / "results.sqlite3").games("class-e2e00001")
    assert sorted(p for _, p in games) == ["Ada", "Bo"]
    ids = {s.game_id for s in session.students.values()}
    assert {g for g, _ in games} == ids  # the same game ids as in the results store

    from quizgame.results import open_store

    store = open_store(tmp_path / "results.sqlite3", create=False)
    try:
        assert {a.game_id for a in store.answers()} == ids
        # the results store keeps the class session with every game and answer
        assert {g.class_session for g in store.games() if g.game_id in ids} == {"class-e2e00001"}
        assert {a.class_session for a in store.answers()} == {"class-e2e00001"}
    finally:
        store.close()


async def test_join_code_gates_the_game(tmp_path: Path, loaded_bank: object) -> None:
    async with (
        class_server(tmp_path, loaded_bank, join_code="4821") as (base, host),
        aiohttp.ClientSession() as http,
    ):
        student = await Student.join(http, base)
        await student.wait_for("Type the class code")
        await student.send("1111\r")
        await student.wait_for("not this class's code")
        assert "Your name" not in student.screen.text()
        await student.send("4821\r")
        await student.wait_for("Your name")
        await student.close()
    assert host.session.joined == 0  # nobody started a game


async def test_teacher_paced_class_reveals_together_and_late_joiners_catch_up(
    tmp_path: Path, loaded_bank: object
) -> None:
    first = loaded_bank.bank.questions[0]  # type: ignore[attr-defined]
    secret = first.explanation[:20]
    async with (
        class_server(tmp_path, loaded_bank, pace=Pace.TEACHER) as (base, host),
        aiohttp.ClientSession() as http,
    ):
        session = host.session
        ada = await Student.join(http, base)
        await ada.wait_for("Your name")
        await ada.send("Ada\r")
        await ada.wait_for(f"Question 1 of {N}")
        await ada.send("b")  # The Kremlin: right, but nobody may know yet
        shown = await ada.wait_for("Answer sent")
        assert "Correct" not in shown and "right answer" not in shown
        assert secret not in ada.everything_received()  # the explanation has not been sent
        await until(lambda: session.stats(first.id).answered == 1)

        await host.reveal()
        shown = await ada.wait_for("Correct")
        assert "Evidence (highlighted in the article)" in shown
        assert secret in ada.everything_received()  # now it has, with the proof

        await host.next_question()
        await ada.wait_for(f"Question 2 of {N}")
        bo = await Student.join(http, base)  # late: starts where the class is
        await bo.wait_for("Your name")
        await bo.send("Bo\r")
        shown = await bo.wait_for(f"Question 2 of {N}")
        assert f"Question 1 of {N}" not in shown

        await host.reveal()  # neither answered question 2: both are shown the answer
        for student in (ada, bo):
            await student.wait_for("Right answer:")
        await until(lambda: len(session.students) == 2)
        assert session.stats(first.id).answered == 1  # Bo never saw question 1
        assert session.stats(session.questions[1].id).answered == 0  # no answers, none counted

        await host.end_class()
        for student in (ada, bo):
            await student.wait_for("Summary —")
        await ada.close()
        await bo.close()


async def test_the_host_app_serves_the_class_and_its_screen_follows(
    tmp_path: Path, loaded_bank: object
) -> None:
    """`quizgame class` as a whole: the host app listens, a student plays, the screen shows it,
    and End class (e, y) ends the student's game."""
    from quizgame.serve.host_app import HostApp
    from quizgame.tui.screens.host_screen import HostScreen

    session = ClassSession("class-e2e00002", questions_of(loaded_bank.bank))  # type: ignore[attr-defined]
    argv = [sys.executable, "-m", "quizgame", "play", "--class-session", session.session_id]
    argv += [str(BUNDLED_BANK), "--db", str(tmp_path / "results.sqlite3")]
    port = _free_port()
    server = QuizServer(shlex.join(argv), port=port)
    app = HostApp(server, ClassHost(session), title="Kremlin")
    async with app.run_test(size=(120, 40)) as pilot, aiohttp.ClientSession() as http:
        await pilot.pause()
        assert isinstance(app.screen, HostScreen)
        student = await Student.join(http, f"http://127.0.0.1:{port}")
        await student.wait_for("Your name")
        await student.send("Noor\r")
        await student.wait_for(f"Question 1 of {N}")
        await student.send("b")
        await student.wait_for("Correct")
        await until(lambda: session.stats("kremlin-refutes").answered == 1)
        app.screen.refresh_view()
        await pilot.pause()
        shown = screen_text(app)
        assert "Noor" in shown and "1 joined · 1 playing" in shown
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("y")
        await student.wait_for("Summary —")
        assert session.ended
        await student.close()


@pytest.mark.parametrize("engine", ["sqlite", "postgres"])
async def test_two_servers_on_two_ports_play_one_class_session(
    tmp_path: Path, loaded_bank: object, engine: str, request: pytest.FixtureRequest
) -> None:
    """The host's server and a second `quizgame serve --class-session ID` share one store; the
    host sees the second server's student through it (--across-servers)."""
    from quizgame.serve.store_feed import StoreFeed

    db = str(tmp_path / "r.sqlite3") if engine == "sqlite" else request.getfixturevalue("pg_url")
    session = ClassSession("class-two00001", questions_of(loaded_bank.bank))  # type: ignore[attr-defined]
    argv = [sys.executable, "-m", "quizgame", "play", "--class-session", session.session_id]
    argv += [str(BUNDLED_BANK), "--db", db]
    host = ClassHost(session)
    ports = _free_port(), _free_port()
    servers = [
        QuizServer(shlex.join(argv), port=ports[0], hooks=host, prefork=True),
        QuizServer(shlex.join(argv), port=ports[1], prefork=True),  # knows nothing of the host
    ]
    host.server = servers[0]
    runners = [web.AppRunner(s.make_app()) for s in servers]
    try:
        for runner, port in zip(runners, ports, strict=True):
            await runner.setup()
            await web.TCPSite(runner, "127.0.0.1", port).start()
        async with aiohttp.ClientSession() as http:
            students = [await Student.join(http, f"http://127.0.0.1:{p}") for p in ports]
            for student, name, key in zip(students, ("Ada", "Bo"), ("b", "a"), strict=True):
                await student.wait_for("Your name")
                await student.send(name + "\r")
                await student.wait_for(f"Question 1 of {N}")
                await student.send(key)
                await student.wait_for("Correct" if key == "b" else "Wrong")
            await until(lambda: session.joined == 1)  # Ada, over her game's pipe
            feed = StoreFeed(db, session, loaded_bank.bank_id)  # type: ignore[attr-defined]

            async def read_store() -> None:
                while session.stats("kremlin-refutes").answered < 2:
                    feed.apply(feed.read(feed.own_games()), session.apply)
                    await asyncio.sleep(0.2)  # the second game's answer reaching the store

            await asyncio.wait_for(read_store(), 30)
            assert sorted(s.name for s in session.roster_rows()) == ["Ada", "Bo"]
            stats = session.stats("kremlin-refutes")
            assert stats.correct == 1 and stats.common_wrong == "The White House"
            feed.apply(feed.read(feed.own_games()), session.apply)  # nothing new: no double count
            assert session.stats("kremlin-refutes").answered == 2 and session.joined == 2
            for student in students:
                await student.close()
    finally:
        for runner in runners:
            await runner.cleanup()
