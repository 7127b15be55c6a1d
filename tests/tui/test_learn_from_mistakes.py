"""Learning from mistakes (issue 13, beyond): practise the missed ones, step through mistakes in
review, the skill breakdown, and the player's name in sight."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quizgame.tui.screens.play_screen import PlayScreen
from quizgame.tui.screens.review_screen import ReviewScreen
from quizgame.tui.screens.summary_screen import SummaryScreen
from quizgame.tui.widgets.article_view import ArticleView
from quizgame.tui.widgets.game_status import GameStatus
from quizgame.tui.widgets.key_bar import KeyBar
from tests.tui.driver import Game, answer, screen_text, write_bank
from tests.tui.test_fair_play import MULTI, SHORT, TRUEFALSE

THREE = TRUEFALSE + SHORT + MULTI  # true/false, short answer, select all


async def play_through(pilot: Any, kinds: list[str]) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, PlayScreen)
    for kind in kinds:
        pq = screen.session.current
        assert pq is not None
        await answer(pilot, pq, kind)
        await pilot.pause()
        while screen.session.current is pq:  # past a retry offer: show the answer, move on
            await pilot.press("n")
            await pilot.pause()


async def test_summary_practise_missed_replays_only_those(game: Game, tmp_path: Path) -> None:
    app = game.app([write_bank(tmp_path, THREE)])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        status = app.screen.query_one(GameStatus)
        assert status.text.startswith("Ada · Question 1 of 3")  # whose game it is, in sight
        await play_through(pilot, ["wrong", "right", "wrong"])
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert summary.summary.missed == ("flag-changes-nothing", "macron-position")
        assert "Practise missed" in summary.query_one(KeyBar).descriptions
        await pilot.press("m")
        await pilot.pause()
        play = app.screen
        assert isinstance(play, PlayScreen)
        assert [q.id for q in play.session.questions] == list(summary.summary.missed)
        assert play.session.mode.value == "practice"


async def test_review_steps_through_the_mistakes(game: Game, tmp_path: Path) -> None:
    app = game.app([write_bank(tmp_path, THREE)])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await play_through(pilot, ["wrong", "right", "wrong"])
        await pilot.press("enter")  # review the first row
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert review.pq.id == "flag-changes-nothing"
        await pilot.press("n")  # the next mistake skips the right answer
        await pilot.pause()
        assert review.pq.id == "macron-position"
        assert "Review — Question 3 of 3" in screen_text(app)
        article = review.query_one(ArticleView)
        p9 = article.passage_view("p9")  # its evidence, highlighted and scrolled into view
        assert p9.highlights and article.scroll_y <= p9.top < article.scroll_y + article.size.height
        await pilot.press("n")  # no further mistake: stays
        await pilot.pause()
        assert review.pq.id == "macron-position"
        await pilot.press("p")
        await pilot.pause()
        assert review.pq.id == "flag-changes-nothing"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)


async def test_summary_shows_the_skill_breakdown(game: Game, tmp_path: Path) -> None:
    tagged = THREE.replace(
        "    evidence:\n", "    tags: [close reading]\n    evidence:\n", 1
    )  # the first question gets a tag
    app = game.app([write_bank(tmp_path, tagged)])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await play_through(pilot, ["right", "right", "right"])
        assert isinstance(app.screen, SummaryScreen)
        assert "Skills: close reading 1/1 (100%)" in screen_text(app)
