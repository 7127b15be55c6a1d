"""An answer reaches the screen in one frame, a match's pairs are shown marked, and the game's
garbage-collection timing (quizgame.tui.textual_private) does what it says."""

from __future__ import annotations

import gc
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Select

from quizgame.game.kinds import KINDS
from quizgame.game.presented import PresentedQuestion
from quizgame.tui import textual_private
from quizgame.tui.screens.play_screen import PlayScreen
from quizgame.tui.widgets.cloze_gaps import ClozeGaps
from quizgame.tui.widgets.feedback_view import FeedbackView
from quizgame.tui.widgets.order_list import OrderList
from tests.answers import response
from tests.tui.driver import Game, answer, key


async def ready_to_answer(pilot: Pilot[Any], screen: PlayScreen, pq: PresentedQuestion) -> str:
    """Everything but the key press that completes a right answer; returns that key."""
    resp = response(pq, "right")
    view = screen.question_view
    assert view is not None
    if pq.type == "choice":
        return key(pq.choices.index(resp))
    if pq.type == "evidence":
        await pilot.press(key(pq.choices.index(resp[0])))
        await pilot.pause()
        return key(pq.part_b_choices.index(resp[1]))
    if pq.type == "truefalse":
        return "1" if resp else "2"
    if pq.type == "multi":
        for choice in [c for c in pq.choices if c in resp]:
            await pilot.press(key(pq.choices.index(choice)))
        await pilot.pause()
        return "enter"
    if pq.type in ("short", "numeric"):
        view.query_one("#short-input", Input).value = resp
        await pilot.pause()
        return "enter"
    if pq.type == "order":
        order = view.query_one(OrderList)
        for place, item in enumerate(resp):
            order.move(order.items.index(item), place - order.items.index(item))
        await pilot.pause()
        order.focus()
        await pilot.pause()
        return "enter"
    if pq.type == "cloze":
        gaps = view.query_one(ClozeGaps)
        for n, fill in enumerate(resp):
            gaps.set_gap(n, fill)
        await pilot.pause()
        view.query_one("#submit").focus()
        await pilot.pause()
        return "enter"
    assert pq.type == "match"
    for n, left in enumerate(pq.match_left):
        view.query_one(f"#match-{n}", Select).value = pq.match_right.index(resp[left])
    await pilot.pause()
    view.query_one("#submit").focus()
    await pilot.pause()
    return "enter"


async def test_an_answer_is_laid_out_and_drawn_once(
    game: Game, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One layout per answer; a second only when a mark (`✗ your answer`) makes a choice wrap
    onto one more line, which the list measures while it is drawn (see bench/README.md)."""
    layouts = 0
    original = Screen._refresh_layout

    def counting(self: Screen[Any], *args: Any, **kwargs: Any) -> None:
        nonlocal layouts
        layouts += 1
        original(self, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", counting)
    app = game.app()
    seen: dict[str, int] = {}
    counts: list[int] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        while (pq := screen.session.current) is not None:
            final_key = await ready_to_answer(pilot, screen, pq)
            layouts = 0
            await pilot.press(final_key)
            await pilot.pause()
            assert screen.query(FeedbackView), pq.id
            seen[pq.type] = max(layouts, seen.get(pq.type, 0))
            counts.append(layouts)
            while screen.session.current is pq:
                await pilot.press("enter")
                await pilot.pause()
    assert set(seen) == {k.name for k in KINDS}
    assert max(counts) <= 2, seen
    assert counts.count(1) >= len(counts) * 2 // 3, counts


async def test_match_feedback_lists_each_pair_marked(game: Game) -> None:
    app = game.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        while (pq := screen.session.current) is not None and pq.type != "match":
            await answer(pilot, pq, "right")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        assert pq is not None
        await answer(pilot, pq, "partial")
        await pilot.pause()
        assert not screen.query("MatchPairs")  # the dropdowns are gone once answered
        text = screen.query_one(FeedbackView).plain
        marked = [line for line in text.splitlines() if line.strip().endswith("✓")]
        crossed = [line for line in text.splitlines() if "✗" in line]
        assert len(marked) == len(pq.match_left) - 2 and len(crossed) == 2
        for n, left in enumerate(pq.match_left, 1):
            assert f"{n}. {left} → " in text


async def test_start_up_objects_are_frozen_once_and_each_question_collects(
    game: Game, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setattr(gc, "unfreeze", lambda: calls.append("unfreeze"))

    def collect(*args: Any) -> int:
        calls.append("collect")
        return 0

    monkeypatch.setattr(gc, "collect", collect)
    app = game.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        # frozen when the app loads (the imports), then when the first question is drawn
        assert calls == ["freeze", "freeze"]
        pq = screen.session.current
        assert pq is not None
        await answer(pilot, pq, "right")
        await pilot.pause()
        assert calls == ["freeze", "freeze"]  # never while answering
        await pilot.press("enter")
        await pilot.pause()
        assert calls == ["freeze", "freeze", "collect"]  # the next question: one collection
        textual_private.after_question_drawn(app)
        assert calls == ["freeze", "freeze", "collect", "collect"]  # no more freezing this run
    # the app is gone: its objects are given back to the collector, once
    assert calls == ["freeze", "freeze", "collect", "collect", "unfreeze"]
    textual_private.app_exited(app)
    assert calls[-1] == "unfreeze" and calls.count("unfreeze") == 1


async def test_widgets_of_past_questions_do_not_pile_up(game: Game) -> None:
    """A question's widgets are gone once the next is drawn, render caches included (Textual's
    `StylesCache.get_inner_outer` would keep those: see textual_private.forget_gone_widgets)."""
    from textual._styles_cache import StylesCache

    def render_caches() -> int:
        return sum(isinstance(o, StylesCache) for o in gc.get_objects())

    app = game.app()
    counts = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        for _ in range(5):
            pq = screen.session.current
            assert pq is not None
            await answer(pilot, pq, "right")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert screen.session.current is not pq
            counts.append(render_caches())
    # each question mounts half a dozen widgets; their caches must not accumulate
    assert max(counts) - min(counts) < 6, counts
