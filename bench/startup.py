"""Start-up time: process start → first question on screen (headless), against a bare Textual app.

Both are measured here, in the same run, the same way: a fresh interpreter is started, and it
reports when its first screen content exists (the question prompt for quizgame; the Static for a
minimal Header + Static + Footer app). Prints the medians, their spread, and the time and peak-memory ratios
(targets: ≤ 1.5 × the time, ≤ 1.4 × the peak memory), and each process's CPU time to its first
screen with their ratio — the figure to judge a change by while other jobs share the cores.

quizgame is measured twice: as played every time after the first (the bank read back from the
play cache, quizgame.bank.playcache) — the figure the ratio is about — and with the cache off
(`QUIZGAME_NO_CACHE=1`: YAML, validation, article parsing and evidence every time).

Every process reads its bytecode from one fresh `PYTHONPYCACHEPREFIX` folder, filled by warm-up
runs, as an installed quizgame and Textual both have it (`PYTHONDONTWRITEBYTECODE` is dropped for
the runs: with it, quizgame's own modules were compiled from source every time and Textual's not).

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
        print(time.time() - t0, time.process_time())
        app.exit()

asyncio.run(main())
print([l.split()[1] for l in open("/proc/self/status") if l.startswith("VmHWM")][0])
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
        print(time.time() - t0, time.process_time())
        app.exit()

asyncio.run(main())
print([l.split()[1] for l in open("/proc/self/status") if l.startswith("VmHWM")][0])
"""


def measure(code: str, env: dict[str, str]) -> tuple[float, float, float]:
    """(seconds to the first screen, peak RSS in MiB over the whole run, CPU seconds to the first
    screen) of one fresh process."""
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
    lines = out.stdout.strip().splitlines()
    wall, cpu = map(float, lines[-2].split())
    return wall, int(lines[-1]) / 1024, cpu


def start_env(tmp: Path) -> dict[str, str]:
    """The environment both apps start in: private config, results and play cache under `tmp`.

    Bytecode, as an installed package has it (pip compiles on install): without it every
    quizgame module was compiled from source on every run (≈ 50 ms) while Textual's came
    compiled from site-packages. The warm-up runs write it for both, under `tmp`."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONDONTWRITEBYTECODE", "QUIZGAME_NO_CACHE")
    }
    env.update(
        PYTHONPYCACHEPREFIX=str(tmp / "pycache"),
        QUIZGAME_CONFIG_DIR=str(tmp / "config"),
        QUIZGAME_DB=str(tmp / "results.sqlite3"),
        QUIZGAME_CACHE_DIR=str(tmp / "cache"),
    )
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = start_env(Path(tmp))
        uncached = {**env, "QUIZGAME_NO_CACHE": "1"}
        measure(MINIMAL, env)  # warm the file cache and bytecode, and fill the play cache
        measure(QUIZGAME, env)
        measure(QUIZGAME, uncached)  # bytecode of what only a load without the cache imports
        game: list[tuple[float, float, float]] = []
        cold: list[tuple[float, float, float]] = []
        base: list[tuple[float, float, float]] = []
        for _ in range(args.runs):  # interleaved, so drift in machine load hits all alike
            base.append(measure(MINIMAL, env))
            game.append(measure(QUIZGAME, env))
            cold.append(measure(QUIZGAME, uncached))

    def med(runs: list[tuple[float, float, float]], i: int) -> float:
        return statistics.median(r[i] for r in runs)

    def spread(runs: list[tuple[float, float, float]]) -> str:
        return f"{min(r[0] for r in runs) * 1000:.0f}–{max(r[0] for r in runs) * 1000:.0f} ms"

    g, c, b = med(game, 0), med(cold, 0), med(base, 0)
    gm, cm, bm = med(game, 1), med(cold, 1), med(base, 1)
    gc, cc, bc = med(game, 2), med(cold, 2), med(base, 2)
    print(
        f"median of {args.runs} runs each (min–max); peak RSS = VmHWM of the whole process; "
        "CPU = the process's CPU time to its first screen"
    )
    rows = (
        ("minimal Textual app (Header+Static+Footer):", b, base, bm, bc),
        ("quizgame, first question (play cache):", g, game, gm, gc),
        ("quizgame, first question, play cache off:", c, cold, cm, cc),
    )
    for label, wall, runs, mib, cpu in rows:
        print(
            f"{label:44s} {wall * 1000:7.1f} ms ({spread(runs)})  {mib:5.1f} MiB  "
            f"CPU {cpu * 1000:5.1f} ms"
        )
    print(f"time ratio:   {g / b:.2f}  (target ≤ 1.5); play cache off: {c / b:.2f}")
    print(f"memory ratio: {gm / bm:.2f}  (target ≤ 1.4); play cache off: {cm / bm:.2f}")
    print(
        f"CPU ratio:    {gc / bc:.2f}  (the time ratio without waiting for a core: for loaded machines)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
