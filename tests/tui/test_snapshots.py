"""Pictures of the game (pytest-textual-snapshot): bank picker, a question, feedback, summary.

Deterministic: fixed seed and name, a frozen clock (the summary says `time 0 s`), no cursor blink.
Regenerate after an intended change with `pytest tests/tui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from quizgame.tui.screens.play_screen import PlayScreen
from tests.tui.driver import Game, answer, answer_exam

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
SnapCompare = Callable[..., bool]


@pytest.mark.parametrize("size", SIZES)
def test_bank_picker(snap_compare: SnapCompare, game: Game, tmp_path: Path, size: Any) -> None:
    async def loaded(pilot: Pilot[Any]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    app = game.app([], name=None, cwd=tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=loaded)


@pytest.mark.parametrize("size", SIZES)
def test_question(snap_compare: SnapCompare, game: Game, size: Any) -> None:
    async def settle(pilot: Pilot[Any]) -> None:
        await pilot.pause()

    assert snap_compare(game.app(), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_feedback_with_evidence(snap_compare: SnapCompare, game: Game, size: Any) -> None:
    async def answered(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, PlayScreen)
        # question 2 cites p6 and p7: the highlight must be scrolled into view
        await pilot.press("b")  # question 1, right
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        pq = screen.session.current
        assert pq is not None and pq.number == 2
        assert pq is not None
        await answer(pilot, pq, "wrong")
        await pilot.pause()
        await pilot.press("enter")  # show the answer (gives up the retry)
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(game.app(), terminal_size=size, run_before=answered)


@pytest.mark.parametrize("size", SIZES)
def test_summary(snap_compare: SnapCompare, game: Game, size: Any) -> None:
    async def played(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, PlayScreen)
        kinds = ["right", "right", "wrong"]
        await answer_exam(pilot, lambda pq: kinds[pq.number % 3])
        await pilot.pause()

    assert snap_compare(game.app(mode="exam"), terminal_size=size, run_before=played)


@pytest.mark.parametrize("size", SIZES)
def test_retry_with_the_tried_choice_ruled_out(
    snap_compare: SnapCompare, game: Game, size: Any
) -> None:
    async def retrying(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, PlayScreen)
        pq = screen.session.current
        assert pq is not None
        await answer(pilot, pq, "wrong")  # verdict only: no answer, explanation or proof
        await pilot.pause()
        await pilot.press("r")  # the tried choice is marked and cannot be picked
        await pilot.pause()
        await pilot.press("down")  # the cursor skips it
        await pilot.pause()

    assert snap_compare(game.app(), terminal_size=size, run_before=retrying)


@pytest.mark.parametrize("size", SIZES)
def test_match_lists_its_options_with_letters(
    snap_compare: SnapCompare, game: Game, tmp_path: Path, size: Any
) -> None:
    from tests.tui.driver import write_bank
    from tests.tui.test_fair_play import MATCH

    async def first_pick(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press("c")  # item 1 gets C, the focus moves on to item 2
        await pilot.pause()

    app = game.app([write_bank(tmp_path, MATCH)])
    assert snap_compare(app, terminal_size=size, run_before=first_pick)


@pytest.mark.parametrize("size", SIZES)
def test_review_steps_to_the_next_mistake(
    snap_compare: SnapCompare, game: Game, tmp_path: Path, size: Any
) -> None:
    from tests.tui.driver import write_bank
    from tests.tui.test_learn_from_mistakes import THREE, play_through

    async def reviewing(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await play_through(pilot, ["wrong", "right", "wrong"])
        await pilot.press("enter")  # review question 1
        await pilot.pause()
        await pilot.press("n")  # on to the next mistake, question 3
        await pilot.pause()
        await pilot.pause()

    app = game.app([write_bank(tmp_path, THREE)])
    assert snap_compare(app, terminal_size=size, run_before=reviewing)


@pytest.mark.parametrize("size", SIZES)
def test_picker_history_and_resume_offer(
    snap_compare: SnapCompare, game: Game, tmp_path: Path, size: Any
) -> None:
    """The bank list with the player's own best and last played date, and the offer to resume."""
    from quizgame.bank.loader import load_bank
    from quizgame.game.records import PriorAnswer
    from quizgame.results.history import PlayerHistory, UnfinishedGame
    from tests.tui.driver import BANK

    loaded = load_bank(BANK).loaded
    assert loaded is not None
    prior = tuple(
        PriorAnswer(q.id, "correct", 1.0, 1.0, 1, "x", 2.0) for q in loaded.bank.questions[:6]
    )
    left = UnfinishedGame("g", loaded.content_hash, "practice", len(loaded.bank.questions), prior)
    # 29 Nov 2026 12:00 UTC: the same date in every time zone within ±11 h
    history = PlayerHistory(14.0, 21.0, 1_795_953_600.0, left)

    async def picked(pilot: Pilot[Any]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()

    app = game.app([], cwd=tmp_path, history_reader=lambda player, bank: history)
    assert snap_compare(app, terminal_size=size, run_before=picked)


@pytest.mark.parametrize("size", SIZES)
def test_exam_review_before_submit(snap_compare: SnapCompare, game: Game, size: Any) -> None:
    async def reviewing(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, PlayScreen)
        pq = screen.session.current
        assert pq is not None
        await answer(pilot, pq, "right")  # 1 answered, then on to 2
        await pilot.pause()
        await pilot.press("right_square_bracket", "exclamation_mark", "ctrl+r")  # skip 2, flag 3
        await pilot.pause()

    assert snap_compare(game.app(mode="exam"), terminal_size=size, run_before=reviewing)
