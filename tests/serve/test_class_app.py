"""A class game's reporting sink: results still go to the store, tagged; events go to the host."""

from __future__ import annotations

from typing import Any

from quizgame.bank.loaded import LoadedBank
from quizgame.bank.models import Mode
from quizgame.game.records import MemorySink
from quizgame.game.session import GameSession
from quizgame.serve.class_app import ClassAnswerRecord, ClassGameInfo, ReportingSink


def test_every_result_is_stored_tagged_and_reported(loaded_bank: LoadedBank) -> None:
    store = MemorySink()
    events: list[dict[str, Any]] = []
    sink = ReportingSink(store, events.append, "class-abc")
    session = GameSession(loaded_bank, mode=Mode.PRACTICE, player="Ada", seed=1, sink=sink)
    session.submit(session.current.question.answer)  # type: ignore[union-attr]
    session.abandon()
    (game,) = store.games
    assert (
        isinstance(game, ClassGameInfo)
        and game.class_session == "class-abc"
        and game.player == "Ada"
    )
    (answer,) = store.answers
    assert (
        isinstance(answer, ClassAnswerRecord)
        and answer.class_session == "class-abc"
        and answer.outcome == "correct"
    )
    assert [e["event"] for e in events] == ["joined", "answered", "finished"]
    assert events[0]["name"] == "Ada" and events[0]["game_id"] == game.game_id
    assert events[1]["outcome"] == "correct" and events[1]["score"] == 1.0
    assert events[2]["completed"] is False  # abandoned, not finished
