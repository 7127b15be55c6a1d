"""The key bar follows the keys on offer without redrawing itself needlessly, a click on a key
presses it, and the one-widget feedback pane says everything the player needs."""

from __future__ import annotations

from typing import Any

import pytest

from quizgame.tui.screens.play_screen import PlayScreen
from quizgame.tui.widgets.feedback_view import FeedbackView
from quizgame.tui.widgets.key_bar import KeyBar
from tests.tui.driver import Game, answer


def footer_keys(screen: PlayScreen) -> list[str]:
    return screen.query_one(KeyBar).descriptions


async def test_key_bar_redraws_only_when_the_keys_on_offer_change(
    game: Game, monkeypatch: pytest.MonkeyPatch
) -> None:
    rebuilds = 0
    original = KeyBar.refresh

    def counting(self: KeyBar, *args: Any, **kwargs: Any) -> Any:
        nonlocal rebuilds
        rebuilds += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(KeyBar, "refresh", counting)
    app = game.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        assert "Next" not in footer_keys(screen)
        before = rebuilds
        for _ in range(3):  # bindings refresh, focus moves: same keys on offer → no rebuild
            screen.refresh_bindings()
            screen.article.focus()
            await pilot.pause()
            screen.query_one("#choices").focus()
            await pilot.pause()
        assert rebuilds == before
        pq = screen.session.current
        assert pq is not None
        await answer(pilot, pq, "right")
        await pilot.pause()
        assert rebuilds > before
        assert "Next" in footer_keys(screen) and "Evidence" in footer_keys(screen)
        bar = screen.query_one(KeyBar)
        assert "⏎ Next" in bar.render().plain


async def test_clicking_a_key_in_the_key_bar_presses_it(game: Game) -> None:
    app = game.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        bar = screen.query_one(KeyBar)
        text = bar.render().plain
        column = text.index("Layout")
        assert not screen.stacked
        await pilot.click(KeyBar, offset=(column, 0))
        await pilot.pause()
        assert screen.stacked  # f2 (Layout) was pressed


async def test_feedback_pane_shows_verdict_explanation_evidence_and_next_step(game: Game) -> None:
    app = game.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        pq = screen.session.current
        assert pq is not None
        await answer(pilot, pq, "right")
        await pilot.pause()
        view = screen.query_one(FeedbackView)
        lines = view.lines
        text = view.plain
        assert text.startswith(f"{lines.headline}   {lines.points}\n")
        assert f"Your answer: {lines.your_answer}" in text
        assert lines.explanation in text
        assert all(e in text for e in lines.evidence) and lines.evidence
        assert text.endswith(lines.next_hint)
        assert view.has_class("-correct")


async def test_the_answered_choice_is_highlighted_with_its_mark(game: Game) -> None:
    from quizgame.tui.widgets.choice_list import ChoiceList

    app = game.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        pq = screen.session.current
        assert pq is not None and pq.type == "choice"
        choices = screen.query_one(ChoiceList)
        assert choices.highlighted is None  # nothing marked: a stray Enter cannot answer
        response = await answer(pilot, pq, "right")
        await pilot.pause()
        index = pq.choices.index(response)
        assert index != 0  # the key press answered another option than the highlighted one
        assert choices.highlighted == index
        assert choices.prompt_text(index).plain.endswith("✓ your answer")
