"""A player's own history with a bank, read back from each engine: best over every version, the
latest game, and the game left unfinished with the answers it holds — and nobody else's rows."""

from __future__ import annotations

from quizgame.bank.models import Mode
from quizgame.game.records import AnswerRecord, GameInfo
from quizgame.game.scoring import Outcome
from quizgame.results import ResultStore


def _game(store: ResultStore, gid: str, player: str, bank_hash: str, started: float) -> None:
    store.start_game(
        GameInfo(gid, player, "bank", bank_hash, "Bank", Mode.PRACTICE, 3, 3.0, started)
    )


def _answer(
    store: ResultStore,
    gid: str,
    player: str,
    qid: str,
    points: float,
    *,
    final: bool = True,
    attempt: int = 1,
) -> None:
    store.record_answer(
        AnswerRecord(
            gid, player, "bank", "h2", qid, "single", "a", "a",
            Outcome.CORRECT if points else Outcome.WRONG, points, points, 1.0, 2.5, attempt, final, 0.0,
        )
    )  # fmt: skip


def test_best_counts_every_version_and_the_left_game_resumes(any_store: ResultStore) -> None:
    _game(any_store, "old", "ann", "h1", 100.0)  # an earlier version of the bank: 3/3
    any_store.finish_game("old", 3.0, 3.0, True, 110.0)
    _game(any_store, "mid", "ann", "h2", 200.0)
    any_store.finish_game("mid", 1.0, 3.0, True, 210.0)
    _game(any_store, "left", "ann", "h2", 300.0)
    _answer(any_store, "left", "ann", "q2", 0.0, final=False)
    _answer(any_store, "left", "ann", "q2", 0.5, attempt=2)
    _answer(any_store, "left", "ann", "q1", 1.0)
    any_store.finish_game("left", 1.5, 3.0, False, 320.0)
    _game(any_store, "bob1", "bob", "h2", 400.0)  # someone else's better, later game
    any_store.finish_game("bob1", 3.0, 3.0, True, 410.0)

    h = any_store.player_history("ann", "bank")
    assert h is not None
    assert (h.best_score, h.best_max, h.last_played) == (3.0, 3.0, 300.0)
    assert h.unfinished is not None
    assert h.unfinished.game_id == "left" and h.unfinished.bank_hash == "h2"
    assert [(a.question_id, a.points, a.attempt) for a in h.unfinished.answers] == [
        ("q2", 0.5, 2),  # the latest attempt of each question
        ("q1", 1.0, 1),
    ]
    assert h.unfinished.next_number == 3
    assert any_store.player_history("nobody", "bank") is None
    assert any_store.player_history("ann", "other") is None


def test_a_finished_or_empty_latest_game_is_not_offered(any_store: ResultStore) -> None:
    _game(any_store, "g1", "ann", "h2", 100.0)
    _answer(any_store, "g1", "ann", "q1", 1.0)
    any_store.finish_game("g1", 1.0, 3.0, False, 110.0)
    _game(any_store, "g2", "ann", "h2", 200.0)  # started later, nothing answered yet
    h = any_store.player_history("ann", "bank")
    assert h is not None and h.unfinished is None and h.best_score is None
    assert h.best_percent is None
