"""Where start-up goes: CPU time and peak memory of each step to the first question, against the
minimal Textual app's (the two sides of bench/startup.py, taken apart).

Each run is a fresh interpreter that notes its CPU time (`time.process_time`) and VmHWM after
each step: the imports in the order the game needs them, then the app's own steps, seen by
wrapping `bank_entry`, `QuizApp.offer_resume` and the first `Compositor.render_update` (the
first frame). Prints the median of each step over the runs. Same environment as
bench/startup.py (bytecode warmed in one `PYTHONPYCACHEPREFIX`, the bank from the play cache).

    .venv/bin/python bench/startup_steps.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.startup import start_env  # noqa: E402

PRELUDE = """
import asyncio, functools, json, time
def _hwm():
    return int([l.split()[1] for l in open("/proc/self/status") if l.startswith("VmHWM")][0]) / 1024
MARKS = []
def mark(step):
    MARKS.append((step, time.process_time(), _hwm()))
mark("Python starts")
import textual.app
from textual.widgets import Footer, Header, Static
mark("import Textual")
"""

QUIZGAME = (
    PRELUDE
    + """
from pydantic import BaseModel
import pydantic.fields
mark("import pydantic (BaseModel, Field)")
import quizgame.bank.models
mark("the bank model classes")
import quizgame.game.session, quizgame.bank.playcache, quizgame.play.bank_list, quizgame.play.prefs
mark("game core modules (session, kinds, article, play cache)")
import quizgame.results.background, quizgame.results.history
mark("results modules")
import quizgame.tui.app as appmod
import quizgame.tui.screens.play_screen
mark("tui.app, the play screen and its widgets")
from textual._compositor import Compositor
from quizgame.bank.bundled import default_bank
from quizgame.game.records import NullSink
from quizgame.tui.app import QuizApp

def after(obj, name, step):
    f = getattr(obj, name)
    @functools.wraps(f)
    def wrapped(*args, **kwargs):
        result = f(*args, **kwargs)
        mark(step)
        return result
    setattr(obj, name, wrapped)

_bank_entry = appmod.bank_entry
def bank_entry(path):
    mark("app start (event loop, App, CSS)")
    return _bank_entry(path)
appmod.bank_entry = bank_entry
after(appmod, "bank_entry", "the bank from the play cache")
after(QuizApp, "offer_resume", "history read, session, play screen built")
frames = [0]
_render = Compositor.render_update
def render_update(self, *args, **kwargs):
    result = _render(self, *args, **kwargs)
    frames[0] += 1
    if frames[0] == 1:
        mark("compose, mount, CSS, layout, first frame")
    return result
Compositor.render_update = render_update

async def main():
    app = QuizApp([default_bank()], name="bench", sink_factory=NullSink, remember_player=False)
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.screen.query("#q-prompt"):
            await pilot.pause(0.001)
        mark("until the screen settles (first question found)")
        app.exit()

asyncio.run(main())
print(json.dumps(MARKS))
"""
)

MINIMAL = (
    PRELUDE
    + """
class Minimal(textual.app.App[None]):
    def compose(self):
        yield Header()
        yield Static("Hello", id="hello")
        yield Footer()

async def main():
    app = Minimal()
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.screen.query("#hello"):
            await pilot.pause(0.001)
        mark("app start to its first screen")
        app.exit()

asyncio.run(main())
print(json.dumps(MARKS))
"""
)


def steps(code: str, env: dict[str, str], runs: int) -> list[tuple[str, float, float]]:
    """(step, median CPU ms, median MiB added) per step."""
    marks = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env=env,
            cwd=ROOT,
            timeout=120,
        )
        marks.append(json.loads(out.stdout.strip().splitlines()[-1]))
    rows = []
    last_t = last_m = 0.0
    for i, first in enumerate(marks[0]):
        t = statistics.median(m[i][1] for m in marks) * 1000
        mem = statistics.median(m[i][2] for m in marks)
        rows.append((first[0], t - last_t, mem - last_m))
        last_t, last_m = t, mem
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = start_env(Path(tmp))
        steps(QUIZGAME, env, 1)  # bytecode for both, and the play cache
        steps(MINIMAL, env, 1)
        for title, code in (("minimal Textual app", MINIMAL), ("quizgame", QUIZGAME)):
            rows = steps(code, env, args.runs)
            print(f"{title} (median of {args.runs} runs; CPU time, peak memory added)")
            for step, ms, mib in rows:
                print(f"  {step:58s} {ms:6.1f} ms  {mib:+5.1f} MiB")
            print(
                f"  {'in all':58s} {sum(r[1] for r in rows):6.1f} ms  {sum(r[2] for r in rows):5.1f} MiB"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
