"""`quizgame serve`: the game in a browser, tested for real in headless Chromium.

The slow test starts the server on a free port, opens the page in two browser tabs (two
visitors), plays the first question in each, and checks what each screen shows, by replaying the
terminal output the page receives into a text grid, and what the shared results store recorded. A
screenshot of the answered question is kept in the test's tmp folder. Along the way it checks
what makes a served game safe for a class: the page loads nothing from another site and has a
real title, the bank list offers no teacher view, and the second visitor does not find the first
one's name typed in.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# --- the real thing: server + headless Chromium -----------------------------------------------

_SEQ = re.compile(
    r"\x1b\[([0-9;?<=>]*)([A-Za-z@`])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Za-z0-9]|\x1b[=>78]"
)


class TerminalScreen:
    """Enough of a terminal to read what Textual draws: cursor moves and text, colours ignored."""

    def __init__(self, rows: int = 80, cols: int = 240) -> None:
        self.rows, self.cols = rows, cols
        self.grid = [[" "] * cols for _ in range(rows)]
        self.row = self.col = 0

    def feed(self, data: str) -> None:
        pos = 0
        for m in _SEQ.finditer(data):
            self._text(data[pos : m.start()])
            pos = m.end()
            if m.group(2) == "H":
                parts = (m.group(1) or "").split(";")
                self.row = int(parts[0]) - 1 if parts[0] else 0
                self.col = int(parts[1]) - 1 if len(parts) > 1 and parts[1] else 0
            elif m.group(2) == "J" and m.group(1) in ("2", "3"):
                self.grid = [[" "] * self.cols for _ in range(self.rows)]
        self._text(data[pos:])

    def _text(self, text: str) -> None:
        for ch in text:
            if ch == "\r":
                self.col = 0
            elif ch == "\n":
                self.row += 1
            elif ch >= " ":
                if 0 <= self.row < self.rows and 0 <= self.col < self.cols:
                    self.grid[self.row][self.col] = ch
                self.col += 1

    def text(self) -> str:
        return "\n".join("".join(r).rstrip() for r in self.grid)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for_port(port: int, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"the server exited with status {proc.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.1)  # polling a port that is not open yet, bounded by the deadline
    raise AssertionError(f"the server did not listen on port {port} within {timeout}s")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    port, db = _free_port(), tmp_path / "results.sqlite3"
    log = (tmp_path / "serve.log").open("wb")
    cmd = [sys.executable, "-m", "quizgame", "serve", "--port", str(port), "--db", str(db)]
    # No BANK: visitors get the bank list (where `t` used to open the teacher view). The config
    # folder holds a previous player's preferences, which no visitor may see.
    config = tmp_path / "config"
    config.mkdir()
    (config / "prefs.json").write_text('{"name": "Previous Student", "mode": "exam"}')
    env = {**os.environ, "QUIZGAME_CONFIG_DIR": str(config)}
    proc = subprocess.Popen(
        cmd,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        cwd=tmp_path,  # no ./questions/ here: the bundled banks only
        env=env,
    )
    try:
        _wait_for_port(port, proc)
        yield port, db
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)  # the server and the games it started
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=15)
        log.close()


class Visitor:
    """One browser tab: keys in, the terminal's text out."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.screen = TerminalScreen()
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, frame: str | bytes) -> None:
        if isinstance(frame, bytes):  # terminal output; text frames are the page's pings
            self.screen.feed(frame.decode("utf-8", "replace"))

    def wait_for(self, text: str, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen.text()
            if text in shown:
                return shown
            self.page.wait_for_timeout(100)  # lets the browser deliver frames meanwhile
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{self.screen.text()}")


@pytest.mark.slow
def test_two_visitors_each_play_their_own_game_in_chromium(
    server: tuple[int, Path], tmp_path: Path
) -> None:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium); browser test skipped")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')"
    )
    port, db = server
    url = f"http://127.0.0.1:{port}/"
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS[1:],  # playwright adds --headless and its own temporary profile
        )
        try:
            visitors = []
            requested: list[str] = []
            for name in ("Ada", "Bo"):
                page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
                page.on("request", lambda request: requested.append(request.url))
                visitor = Visitor(page)
                page.goto(url)
                assert page.title() == "quizgame — reading quiz"
                shown = visitor.wait_for("Kremlin denies")  # the bank list has loaded
                assert "Teacher view" not in shown
                page.click(".textual-terminal")  # give the terminal the keyboard
                page.keyboard.press("t")  # was: every student's results and every answer
                page.keyboard.press("Enter")  # the teacher view would have taken this key
                shown = visitor.wait_for("Your name")
                assert "Type your name" in shown  # an empty field: no one else's name in it
                assert "Previous Student" not in shown and "Ada" not in shown
                page.keyboard.type(name)
                page.keyboard.press("Enter")
                visitor.wait_for("Question 1 of 21")
                visitors.append(visitor)

            ada, bo = visitors
            ada.page.keyboard.press("b")  # The Kremlin: right
            ada.wait_for("Correct")
            shown = ada.wait_for("Score 1 / 21")  # the status bar may repaint a frame later
            assert "Who refuted President Trump's claim" in shown
            assert "Correct" in shown
            assert "Evidence (highlighted in the article)" in shown
            shot = tmp_path / "browser-answered.png"
            ada.page.screenshot(path=str(shot))
            assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000

            bo.page.keyboard.press("a")  # The White House: wrong
            shown = bo.wait_for("Wrong")
            assert "Score 0 / 21" in shown  # Bo's game is his own: Ada's point is not his
            assert "Score 1 / 21" in ada.screen.text()
        finally:
            browser.close()
    assert requested and all(u.startswith(f"http://127.0.0.1:{port}/") for u in requested), [
        u for u in requested if not u.startswith(f"http://127.0.0.1:{port}/")
    ]

    from quizgame.results import open_store

    store = open_store(db, create=False)
    try:
        answers = store.answers()
    finally:
        store.close()
    assert sorted((a.player, a.question_id, a.outcome) for a in answers) == [
        ("Ada", "kremlin-refutes", "correct"),
        ("Bo", "kremlin-refutes", "wrong"),
    ]
