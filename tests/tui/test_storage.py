"""When results cannot be saved, the TUI says so once, in a notice, and the game goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgame.results import open_store
from quizgame.results.store import StoreError
from quizgame.tui.app import QuizApp
from quizgame.tui.screens.play_screen import PlayScreen
from quizgame.tui.screens.summary_screen import SummaryScreen
from tests.storage_faults import SCENARIOS, expected_reason, set_up
from tests.tui.driver import FrozenClock, answer, write_bank

TWO_QUESTIONS = """  - id: q1
    type: truefalse
    prompt: The White House answered The Post on Tuesday.
    answer: false
    explanation: It did not respond.
    evidence: The White House did not respond to an inquiry from The Post on Tuesday.
  - id: q2
    type: truefalse
    prompt: The Post asked the White House a question.
    answer: true
    explanation: It sent an inquiry.
    evidence: The White House did not respond to an inquiry from The Post on Tuesday.
"""


@pytest.mark.parametrize("scenario", SCENARIOS)
async def test_results_problem_is_one_notice_and_the_game_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scenario: str
) -> None:
    bank = write_bank(tmp_path, TWO_QUESTIONS)
    db = set_up(scenario, tmp_path, monkeypatch)
    before = db.read_bytes() if db.is_file() else None
    # the real results sink: no sink_factory
    app = QuizApp([bank], name="Ada", db=str(db), clock=FrozenClock(), remember_player=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        while (pq := screen.session.current) is not None:
            await answer(pilot, pq, "right")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        app.sink.flush(5)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert screen.session.score == 2  # scored and shown as usual
        notices = list(app._notifications)
        assert len(notices) == 1, [n.message for n in notices]  # once, not per answer
        notice = notices[0]
        assert notice.severity == "warning" and notice.title == "Results"
        assert notice.message.startswith("Results are not being saved: ")
        assert notice.message.endswith("The game goes on.")
        assert expected_reason(scenario) in notice.message
        assert not notice.markup  # the path and reason are shown literally
    monkeypatch.undo()
    if scenario in ("read-only-database", "disk-full"):
        store = open_store(db, create=False)  # still a sound database, with nothing half-saved
        try:
            assert store.games() == [] and store.answers() == []
        finally:
            store.close()
    elif before is not None:
        assert db.read_bytes() == before  # a damaged or foreign file is left untouched
    else:
        with pytest.raises(StoreError):
            open_store(db, create=False)
