"""Start-up does only what the first question needs (issue 14, "a budget, not hacks").

No timing here (bench/startup.py measures it): these check the work itself — which modules a game
from the play cache has imported by the time its first question is on screen, and how often the
player's history is read from the results store before a game starts or the bank list shows.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from quizgame.game.records import NullSink
from quizgame.results.history import PlayerHistory
from quizgame.tui.app import QuizApp
from quizgame.tui.screens.picker_screen import BankPickerScreen
from quizgame.tui.screens.play_screen import PlayScreen
from quizgame.tui.screens.summary_screen import SummaryScreen
from tests.tui.driver import FrozenClock, screen_text, write_bank
from tests.tui.test_fair_play import MULTI, SHORT, TRUEFALSE
from tests.tui.test_learn_from_mistakes import play_through

ROOT = Path(__file__).resolve().parents[2]

# Never needed to play a bank that is in the play cache: loading and checking banks (YAML, the
# node composer, pydantic's validators), writing them, generating and importing them.
NOT_AT_FIRST_QUESTION = (
    "yaml",
    "quizgame.bank.loader",
    "quizgame.article.splitting",
    "quizgame.bank.yamlparse",
    "quizgame.bank.checks",
    "quizgame.bank.writer",
    "quizgame.authoring",
    "quizgame.interop",
    "quizgame.commands",
    "quizgame.serve",
    "quizgame.results.reports",
    "quizgame.tui.screens.picker_screen",
    "quizgame.tui.screens.teacher_screen",
    "quizgame.tui.screens.summary_screen",
    # the PostgreSQL store (a game on SQLite never uses it), exam mode, and the widgets of the
    # question forms the first question does not have (the bundled bank starts with a choice)
    "quizgame.results.postgres_store",
    "quizgame.results.pg_migrations",
    "quizgame.game.exam",
    "quizgame.play.exam_labels",
    "quizgame.tui.widgets.match_pairs",
    "quizgame.tui.widgets.order_list",
    "quizgame.tui.widgets.cloze_gaps",
)

# The first question of a bank from the play cache, as bench/startup.py plays it; prints the
# modules imported by then (and whether pydantic built a validator for any bank model).
FIRST_QUESTION = """
import asyncio, json, sys
from quizgame.bank.bundled import default_bank
from quizgame.game.records import NullSink
from quizgame.tui.app import QuizApp

async def main() -> None:
    app = QuizApp([default_bank()], name="guard", sink_factory=NullSink, remember_player=False)
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.screen.query("#q-prompt"):
            await pilot.pause(0.001)
        from quizgame.bank import models
        built = sorted(
            name for name, cls in vars(models).items()
            if isinstance(cls, type) and issubclass(cls, models.BaseModel)
            and cls.__pydantic_complete__
        )
        print(json.dumps({"modules": sorted(sys.modules), "validators": built}))
        app.exit()

asyncio.run(main())
"""


def _first_question(tmp_path: Path) -> dict[str, list[str]]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QUIZGAME_CONFIG_DIR": str(tmp_path / "config"),
        "QUIZGAME_DB": str(tmp_path / "results.sqlite3"),
        "QUIZGAME_CACHE_DIR": str(tmp_path / "cache"),
    }
    env.pop("QUIZGAME_NO_CACHE", None)
    for _ in range(2):  # the first run fills the play cache; the second plays from it
        out = subprocess.run(
            [sys.executable, "-c", FIRST_QUESTION],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=120,
        )
        assert out.returncode == 0, out.stderr
    assert list((tmp_path / "cache").glob("*.json")), "the play cache was not filled"
    result: dict[str, list[str]] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def test_the_first_question_from_the_play_cache_imports_nothing_it_does_not_need(
    tmp_path: Path,
) -> None:
    found = _first_question(tmp_path)
    loaded = [
        m
        for m in found["modules"]
        if any(m == name or m.startswith(name + ".") for name in NOT_AT_FIRST_QUESTION)
    ]
    assert loaded == []
    # the bank was built from checked data, not validated again: no model compiled a validator
    assert found["validators"] == []
    assert "quizgame.tui.screens.play_screen" in found["modules"]  # the guard sees imports


def _app(bank: Path, reads: list[tuple[str, str]]) -> QuizApp:
    def reader(player: str, bank_id: str) -> PlayerHistory | None:
        reads.append((player, bank_id))
        return None

    return QuizApp(
        [bank],
        name="Ada",
        seed=7,
        clock=FrozenClock(),
        remember_player=False,
        sink_factory=NullSink,
        history_reader=reader,
    )


async def test_a_game_start_reads_the_players_history_once(tmp_path: Path) -> None:
    bank = write_bank(tmp_path, TRUEFALSE + SHORT + MULTI)
    reads: list[tuple[str, str]] = []
    app = _app(bank, reads)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        # offered for resuming and started from the same read: the store is asked once
        assert reads == [("Ada", bank.stem)]
        await play_through(pilot, ["right", "right", "right"])
        assert isinstance(app.screen, SummaryScreen)
        reads.clear()
        await pilot.press("p")  # play again: the game just finished counts, so read afresh
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert reads == [("Ada", bank.stem)]


async def test_the_bank_list_shows_before_the_players_history_is_read(tmp_path: Path) -> None:
    bank = write_bank(tmp_path, TRUEFALSE + SHORT + MULTI)
    release = threading.Event()

    def slow_store(player: str, bank_id: str) -> PlayerHistory | None:
        release.wait(timeout=60)  # the results store answers only when the test says so
        return PlayerHistory(best_score=2.0, best_max=3.0, last_played=None)

    app = QuizApp(
        [bank, bank.with_name("other.yaml")],  # two paths: the bank list shows
        name="Ada",
        remember_player=False,
        sink_factory=NullSink,
        history_reader=slow_store,
    )
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            picker = app.screen
            assert isinstance(picker, BankPickerScreen)
            for _ in range(1000):  # until the worker has shown the banks (it is not waiting)
                if picker.entries:
                    break
                await pilot.pause(0.01)
            assert "Test bank" in [e.title for e in picker.entries]
            assert "Test bank" in screen_text(app) and "Best:" not in screen_text(app)
            release.set()
            await picker.workers.wait_for_complete()
            await pilot.pause()
            assert "Best: 2/3 (67 %)" in screen_text(app)
    finally:
        release.set()


async def test_the_article_pane_keeps_no_strip_per_line_of_the_article() -> None:
    """A long article is wrapped once into plain lines; only the lines drawn become Strips (a
    Strip carries seven caches, ≈ 1 KiB even when empty, and keeps what was derived from it)."""
    import gc

    from textual.app import App, ComposeResult
    from textual.strip import Strip

    from quizgame.article.passages import parse_article
    from quizgame.tui.widgets.article_view import ArticleView

    text = "\n\n".join(f"Passage {n} says something about the news of the day." for n in range(400))

    class Pane(App[None]):
        def compose(self) -> ComposeResult:
            yield ArticleView(parse_article(text), id="article")

    def strips() -> int:
        gc.collect()
        return sum(isinstance(o, Strip) for o in gc.get_objects())

    before = strips()  # what earlier tests left (Textual's caches)
    app = Pane()
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view.virtual_size.height > 800  # 400 passages, a blank line between each
        # what the screen shows (and Textual's own), not a Strip per line of the whole article
        assert strips() - before < 300
