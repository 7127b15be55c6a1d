"""Start-up time: process start → first question on screen (headless), against a bare Textual app.

Both are measured here, in the same run, the same way: a fresh interpreter is started, and it
reports when its first screen content exists (the question prompt for quizgame; the Static for a
minimal Header + Static + Footer app). Prints the medians and the ratio (target: ≤ 1.25).

quizgame is measured twice: as played every time after the first (the bank read back from the
play cache, quizgame.bank.playcache) — the figure the ratio is about — and with the cache off
(`QUIZGAME_NO_CACHE=1`: YAML, validation, article parsing and evidence every time).

    .venv/bin/python bench/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

QUIZGAME = """
import asyncio, sys, time
t0 = float(sys.argv[1])
from quizgame.bank.bundled import default_bank
from quizgame.game.records import NullSink
from quizgame.tui.app import QuizApp

async def main() -> None:
    app = QuizApp([default_bank()], name="bench", sink_factory=NullSink, remember_player=False)
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.screen.query("#q-prompt"):
            await pilot.pause(0.001)
        print(time.time() - t0)
        app.exit()

asyncio.run(main())
"""

MINIMAL = """
import asyncio, sys, time
t0 = float(sys.argv[1])
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

class Minimal(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Hello", id="hello")
        yield Footer()

async def main() -> None:
    app = Minimal()
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.screen.query("#hello"):
            await pilot.pause(0.001)
        print(time.time() - t0)
        app.exit()

asyncio.run(main())
"""


def measure(code: str, env: dict[str, str]) -> float:
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, repr(t0)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    return float(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "QUIZGAME_CONFIG_DIR": str(Path(tmp) / "config"),
            "QUIZGAME_DB": str(Path(tmp) / "results.sqlite3"),
            "QUIZGAME_CACHE_DIR": str(Path(tmp) / "cache"),
        }
        uncached = {**env, "QUIZGAME_NO_CACHE": "1"}
        measure(MINIMAL, env)  # warm the file cache and bytecode, and fill the play cache
        measure(QUIZGAME, env)
        game: list[float] = []
        cold: list[float] = []
        base: list[float] = []
        for _ in range(args.runs):  # interleaved, so drift in machine load hits all alike
            base.append(measure(MINIMAL, env))
            game.append(measure(QUIZGAME, env))
            cold.append(measure(QUIZGAME, uncached))
    g, c, b = statistics.median(game), statistics.median(cold), statistics.median(base)
    print(
        f"minimal Textual app (Header+Static+Footer):  {b * 1000:7.1f} ms  (median of {args.runs})"
    )
    print(
        f"quizgame, first question on screen:          {g * 1000:7.1f} ms  (bank from the play cache)"
    )
    print(f"quizgame, first question, play cache off:    {c * 1000:7.1f} ms")
    print(f"ratio: {g / b:.2f}  (target ≤ 1.25); play cache off: {c / b:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
