"""The player's history as text: picker line, summary best, and which left game may be resumed."""

from __future__ import annotations

import dataclasses
from datetime import UTC

from quizgame.bank.loaded import LoadedBank
from quizgame.game.records import PriorAnswer
from quizgame.play.history_text import history_line, resumable, resume_label, summary_best_line
from quizgame.results.history import PlayerHistory, UnfinishedGame

NOV_29 = 1_795_953_600.0  # 2026-11-29 12:00 UTC


def test_picker_line_shows_best_and_last_played() -> None:
    h = PlayerHistory(14.0, 18.0, NOV_29)
    assert history_line(h, UTC) == "Best: 14/18 (78 %) · last played 29 Nov 2026"
    assert history_line(PlayerHistory(None, 0.0, NOV_29), UTC) == "Last played 29 Nov 2026"
    assert history_line(None) == ""


def test_summary_best_compares_with_the_best_before_this_game() -> None:
    before = PlayerHistory(14.0, 18.0, NOV_29)
    assert summary_best_line(before, 16.0, 18.0) == "New personal best! (before: 14/18 (78 %))"
    assert summary_best_line(before, 10.0, 18.0) == "Personal best: 14/18 (78 %)"
    assert summary_best_line(None, 3.0, 18.0).startswith("First finished game")


def test_only_a_left_game_of_this_very_bank_version_is_resumable(loaded_bank: LoadedBank) -> None:
    n = len(loaded_bank.bank.questions)
    prior = (PriorAnswer("q", "correct", 1.0, 1.0, 1, "a", 2.0),)
    u = UnfinishedGame("g", loaded_bank.content_hash, "practice", n, prior)
    h = PlayerHistory(None, 0.0, NOV_29, u)
    assert resumable(h, loaded_bank) == u
    assert resume_label(u) == f"Resume (question 2 of {n})"
    assert (
        resumable(
            dataclasses.replace(h, unfinished=dataclasses.replace(u, bank_hash="x")), loaded_bank
        )
        is None
    )
    assert (
        resumable(
            dataclasses.replace(h, unfinished=dataclasses.replace(u, question_count=1)), loaded_bank
        )
        is None
    )
    assert resumable(None, loaded_bank) is None
    exam = dataclasses.replace(u, mode="exam")
    assert resumable(dataclasses.replace(h, unfinished=exam), loaded_bank) is None
