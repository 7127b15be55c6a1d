"""A game whose terminal goes away ends, even when no SIGHUP reaches it (`make play` in a closed
tmux: make takes the signal and waits), instead of spinning on the dead terminal forever."""

from __future__ import annotations

import os
import pty
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quizgame.tui.terminal_watch import terminal_gone
from tests.conftest import BUNDLED_BANK

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX terminals")


def test_a_hung_up_terminal_is_seen_as_gone() -> None:
    master, slave = pty.openpty()
    try:
        assert not terminal_gone(slave)
        os.close(master)
        assert terminal_gone(slave)
    finally:
        os.close(slave)


def test_a_file_is_no_terminal(tmp_path: Path) -> None:
    with open(tmp_path / "f", "w") as f:
        assert terminal_gone(f.fileno())


def _read_until(fd: int, text: bytes, deadline: float) -> bytes:
    seen = b""
    while text not in seen:
        left = deadline - time.monotonic()
        assert left > 0, f"{text!r} never appeared; the screen so far: {seen[-400:]!r}"
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:  # the game ended: every terminal end closed
                pytest.fail(f"the game ended before {text!r}: {seen[-400:]!r}")
    return seen


def test_the_game_ends_when_its_terminal_closes_without_a_sighup(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QUIZGAME_CONFIG_DIR": str(tmp_path / "config"),
        "QUIZGAME_DB": str(tmp_path / "results.sqlite3"),
        "QUIZGAME_CACHE_DIR": str(tmp_path / "cache"),
        "TERM": "xterm-256color",
        "COLUMNS": "100",
        "LINES": "30",
    }
    master, slave = pty.openpty()

    def no_hangup_signal() -> None:
        os.setsid()  # the pty becomes this session's terminal, as in a terminal window
        signal.signal(signal.SIGHUP, signal.SIG_IGN)  # as if a waiting parent took the signal

    game = subprocess.Popen(
        [sys.executable, "-m", "quizgame", "play", str(BUNDLED_BANK), "--name", "Ada"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=tmp_path,
        preexec_fn=no_hangup_signal,
    )
    os.close(slave)
    try:
        _read_until(master, b"Question 1 of", time.monotonic() + 60)
        os.close(master)
        master = -1
        code = game.wait(timeout=60)  # bounded: the old game spun here forever
    finally:
        if master != -1:
            os.close(master)
        if game.poll() is None:
            game.kill()
            game.wait()
    assert code != 0
    with sqlite3.connect(tmp_path / "results.sqlite3") as db:
        statuses = [row[0] for row in db.execute("SELECT status FROM games")]
    assert statuses == ["abandoned"]  # the left game is recorded as left, as a quit records it
