"""Ending the app when its terminal is gone.

A terminal closed under the game (a closed window, a dropped SSH session, `tmux kill-server`)
sends SIGHUP only to the session's leader. When the game was started by something that outlives
the signal while it waits for its child (`make play`: make catches SIGHUP and waits), the game
never hears of it. Textual's input thread then reads end-of-file from the dead terminal at once,
again and again: the orphaned game burns a whole core forever and its game is never marked
abandoned. So once a second the app asks the terminal for its settings, which fails with EIO
once the terminal has hung up, and exits (its unmount handler abandons the game as a quit does).
One system call a second, and only in a real terminal: not headless, not served.
"""

from __future__ import annotations

import sys
from typing import Any

from textual.app import App

CHECK_EVERY = 1.0  # seconds


def terminal_gone(fd: int) -> bool:
    """Whether the terminal on `fd` has hung up (or `fd` is no terminal any more)."""
    import termios

    try:
        termios.tcgetattr(fd)
    except (termios.error, OSError):
        return True
    return False


def watch_terminal(app: App[Any]) -> None:
    """Exit `app` once the terminal it runs in has gone away."""
    if app.is_headless or app.is_web or sys.platform == "win32":
        return
    stream = sys.__stdin__
    if stream is None or not stream.isatty():
        return
    fd = stream.fileno()

    def check() -> None:
        if terminal_gone(fd):
            app.exit(return_code=1)  # nobody sees it, but a script (or make) does

    app.set_interval(CHECK_EVERY, check, name="terminal-watch")
