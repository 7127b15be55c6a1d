"""Answer latency: the key press that answers → the feedback on screen, against a bare Textual app.

Both round trips are driven by Pilot the same way, in the same run: `press(key)` then `pause()`,
then (should the result not be there yet) more pauses until it is. For quizgame the key is the one
that completes the answer (a choice letter, `t`/`f` as 1/2, Enter on a ticked multi or a typed
short answer, Enter on Submit for a match) and "rendered" means the feedback pane is mounted. The
baseline is a minimal app whose binding updates one `Static`. Most of either figure is Pilot's own
waiting, so the ratio shows what the game adds on top of the framework. Target: ratio ≤ 1.2.
Both apps run several times, interleaved (`--runs`, default 5); the figure is the median of the
runs' ratios, printed with its min–max, so one lucky (or unlucky) run cannot stand for it.

A 50-question bank (every type but the two-part one) is generated in a temp folder.

    .venv/bin/python bench/latency.py [--questions 50] [--size 120x40] [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, ClassVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.pilot import Pilot
from textual.widgets import Footer, Input, Select, Static

from bench._bankgen import make_bank
from quizgame.game.presented import PresentedQuestion
from quizgame.game.records import NullSink
from quizgame.play.presenter import choice_key
from quizgame.tui.app import QuizApp
from quizgame.tui.screens.play_screen import PlayScreen


class Minimal(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("a", "hit", "Hit")]

    def __init__(self) -> None:
        super().__init__()
        self.hits = 0

    def compose(self) -> ComposeResult:
        yield Static("waiting", id="out")
        yield Footer()

    def action_hit(self) -> None:
        self.hits += 1
        self.query_one("#out", Static).update(f"hit {self.hits}")


async def timed(pilot: Pilot[Any], key: str, done: Any) -> float:
    t = time.perf_counter()
    await pilot.press(key)
    await pilot.pause()
    while not done():
        await pilot.pause()
    return time.perf_counter() - t


async def baseline(runs: int, size: tuple[int, int]) -> list[float]:
    app = Minimal()
    out: list[float] = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        static = app.query_one("#out", Static)
        for n in range(1, runs + 1):
            out.append(await timed(pilot, "a", lambda n=n: str(static.content) == f"hit {n}"))
    return out


async def prepare(pilot: Pilot[Any], screen: PlayScreen, pq: PresentedQuestion) -> str:
    """Everything before the answering key press (not timed); returns that key.

    Widgets are looked up from the question pane, not the screen: Textual caches `query_one`
    results on the node queried, and the screen outlives every question's widgets.
    """
    q: Any = pq.question
    view = screen.question_view
    assert view is not None
    if pq.type == "choice":
        return choice_key(pq.choices.index(q.answer)).lower()
    if pq.type == "truefalse":
        return "1" if q.answer else "2"
    if pq.type == "multi":
        for right in q.answers:
            await pilot.press(choice_key(pq.choices.index(right)).lower())
        return "enter"
    if pq.type == "short":
        view.query_one("#short-input", Input).value = q.answer
        return "enter"
    if pq.type == "match":
        truth = {p.left: p.right for p in q.pairs}
        for n, left in enumerate(pq.match_left):
            view.query_one(f"#match-{n}", Select).value = pq.match_right.index(truth[left])
        await pilot.pause()
        view.query_one("#submit").focus()
        await pilot.pause()
        return "enter"
    raise AssertionError(pq.type)


async def game(bank: Path, size: tuple[int, int]) -> dict[str, list[float]]:
    app = QuizApp([bank], name="bench", seed=1, sink_factory=NullSink, remember_player=False)
    by_type: dict[str, list[float]] = {}
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        while (pq := screen.session.current) is not None:
            while screen.question_view is None or screen.question_view.pq is not pq:
                await pilot.pause()
            key = await prepare(pilot, screen, pq)
            by_type.setdefault(pq.type, []).append(
                await timed(pilot, key, lambda: screen.query("#feedback"))
            )
            while screen.session.current is pq:  # a retry on offer takes a second Enter
                await pilot.press("enter")
                await pilot.pause()
    return by_type


def p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=20, method="inclusive")[-1]


def ms(x: float) -> str:
    return f"{1000 * x:6.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=50)
    parser.add_argument("--size", default="120x40")
    parser.add_argument("--runs", type=int, default=5, help="runs of both apps (default 5)")
    args = parser.parse_args()
    w, h = (int(x) for x in args.size.split("x"))
    ratios: list[float] = []
    p95_ratios: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        bank = make_bank(Path(tmp), args.questions, seed=7)
        asyncio.run(baseline(5, (w, h)))  # warm-up: imports, first-frame costs
        for run in range(1, args.runs + 1):  # interleaved: machine load hits both alike
            base = asyncio.run(baseline(args.questions, (w, h)))
            by_type = asyncio.run(game(bank, (w, h)))
            ours = [x for xs in by_type.values() for x in xs]
            bm, gm = statistics.median(base), statistics.median(ours)
            ratios.append(gm / bm)
            p95_ratios.append(p95(ours) / p95(base))
            print(
                f"run {run}: minimal median {ms(bm)}  quizgame median {ms(gm)}"
                f"  ratio {gm / bm:.2f}  (p95 {ms(p95(base))} vs {ms(p95(ours))}:"
                f" {p95_ratios[-1]:.2f})"
            )
    print(f"terminal {w}x{h}, {len(ours)} answers and {len(base)} baseline presses per run")
    print("last run by type:")
    for kind, xs in sorted(by_type.items()):
        print(f"  {kind:<10} n={len(xs):<3} median {ms(statistics.median(xs))}")
    print(
        f"ratio (median of each run's median ratio, {args.runs} runs): "
        f"{statistics.median(ratios):.2f}  (min–max {min(ratios):.2f}–{max(ratios):.2f};"
        " target ≤ 1.2)"
    )
    print(
        f"ratio (p95), median of runs: {statistics.median(p95_ratios):.2f}"
        f"  (min–max {min(p95_ratios):.2f}–{max(p95_ratios):.2f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
