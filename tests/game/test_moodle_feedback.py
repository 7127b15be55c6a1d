"""Moodle's extras in play: outcome feedback, the retry hint, case-sensitive and wildcard answers."""

from __future__ import annotations

from pathlib import Path

from quizgame.bank.loader import load_bank
from quizgame.bank.models import ShortQuestion
from quizgame.game.scoring import score
from quizgame.game.session import GameSession
from quizgame.play.presenter import feedback_lines
from tests.bank.test_check import HEADER, write_bank

SHORT = """\
  - id: site
    type: short
    prompt: Which site?
    answer: Interfax
    accept: ["*media site*"]
    hint: Look for "according to".
    feedback_correct: Well found.
    feedback_wrong: Not quite.
    explanation: p13 names it.
    evidence: according to the Russian media site Interfax
"""


def test_outcome_feedback_follows_the_kinds_notes() -> None:
    q = ShortQuestion.model_validate(
        {
            "id": "s",
            "type": "short",
            "prompt": "p",
            "answer": "TASS",
            "case_sensitive": True,
            "feedback_correct": "Yes.",
            "feedback_wrong": "No.",
            "explanation": "e",
            "evidence": "x",
        }
    )
    assert score(q, "TASS.").feedback == ("Yes.",)
    assert score(q, "tass").feedback == ("No.",)  # capitals count here


def test_the_retry_hint_is_shown_while_a_retry_is_on_offer(
    tmp_path: Path,
) -> None:
    loaded = load_bank(write_bank(tmp_path, HEADER + SHORT)).loaded
    assert loaded is not None
    session = GameSession(loaded, player="t")
    result = session.submit("TASS")
    assert result.can_retry
    lines = feedback_lines(result, loaded.article)
    assert lines.explanation == 'Hint: Look for "according to".'  # the only help before a retry
    assert result.feedback == ("Not quite.",)  # shown once the answer is
    session.retry()
    again = session.submit("the Russian media site")  # the `*` pattern
    assert again.feedback == ("Well found.",)
