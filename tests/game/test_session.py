"""The game session: order, retries, modes, points, streaks, timer, sink, summary."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from quizgame.bank.loaded import LoadedBank
from quizgame.bank.models import Mode
from quizgame.game.records import MemorySink
from quizgame.game.scoring import Outcome
from quizgame.game.session import GameOver, GameSession
from tests.answers import right_response, wrong_response


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_full_marks_playing_every_question_right(loaded_bank: LoadedBank) -> None:
    sink = MemorySink()
    s = GameSession(loaded_bank, player="Ana", sink=sink)
    while (pq := s.current) is not None:
        r = s.submit(right_response(pq))
        assert r.outcome is Outcome.CORRECT, pq.id
        assert r.headline == "✓ Correct"
        assert r.evidence == loaded_bank.evidence[pq.id]
        s.next()
    summary = s.summary()
    assert summary.score == summary.max_score == float(len(loaded_bank.bank.questions))
    assert summary.percent == 100.0
    assert summary.correct_count == len(summary.rows)
    assert len(sink.answers) == len(loaded_bank.bank.questions)
    assert sink.games[0].player == "Ana" and sink.games[0].mode is Mode.PRACTICE
    assert sink.finished == [(s.game_id, summary.score, summary.max_score, True)]
    with pytest.raises(GameOver):
        s.submit("x")


def test_practice_retry_earns_reduced_credit(loaded_bank: LoadedBank) -> None:
    sink = MemorySink()
    s = GameSession(loaded_bank, sink=sink)
    pq = s.current
    assert pq is not None
    first = s.submit(wrong_response(pq))
    assert first.outcome is Outcome.WRONG and first.can_retry and s.awaiting_retry
    assert first.feedback  # the bundled first question has per-choice feedback on the wrong choices
    s.retry()
    second = s.submit(right_response(pq))
    assert second.outcome is Outcome.CORRECT and second.attempt == 2
    assert second.points == pytest.approx(0.5)
    assert not second.can_retry
    assert [a.attempt for a in sink.answers] == [1, 2]
    assert [a.final for a in sink.answers] == [False, True]


def test_giving_up_a_retry_keeps_the_last_attempt(loaded_bank: LoadedBank) -> None:
    s = GameSession(loaded_bank)
    pq = s.current
    assert pq is not None
    s.submit(wrong_response(pq))
    s.next()
    r = s.result_for(pq.id)
    assert r is not None and r.outcome is Outcome.WRONG and r.final


def test_cannot_skip_unanswered(loaded_bank: LoadedBank) -> None:
    s = GameSession(loaded_bank)
    with pytest.raises(RuntimeError):
        s.next()


def test_exam_mode_defers_feedback_and_allows_one_attempt(loaded_bank: LoadedBank) -> None:
    s = GameSession(loaded_bank, mode="exam")
    assert not s.feedback_now
    pq = s.current
    assert pq is not None
    r = s.submit(wrong_response(pq))
    assert not r.can_retry
    s.next()
    assert s.current is not None and s.current.number == 2


def test_partial_answers(loaded_bank: LoadedBank) -> None:
    s = GameSession(loaded_bank, mode="exam")
    seen = set()
    while (pq := s.current) is not None:
        q: Any = pq.question
        if q.type == "multi":
            r = s.submit({q.answers[0]})
            assert r.outcome is Outcome.PARTIAL and r.headline == "◐ Partly right"
            seen.add("multi")
        elif q.type == "evidence":
            r = s.submit((q.answer, next(c for c in pq.part_b_choices if c != q.part_b.answer)))
            assert r.outcome is Outcome.PARTIAL and r.points == pytest.approx(q.points / 2)
            seen.add("evidence")
        elif q.type == "match":
            first = q.pairs[0]
            r = s.submit({first.left: first.right})
            assert r.outcome is Outcome.PARTIAL
            seen.add("match")
        else:
            s.submit(right_response(pq))
        s.next()
    assert seen == {"multi", "evidence", "match"}
    assert 0 < s.summary().percent < 100


def test_shuffle_is_seeded_and_keeps_all_choices(loaded_bank: LoadedBank) -> None:
    bank = loaded_bank.bank.model_copy(
        update={"settings": loaded_bank.bank.settings.model_copy(update={"shuffle_choices": True})}
    )
    shuffled = dataclasses.replace(loaded_bank, bank=bank)
    a = GameSession(shuffled, seed=7).questions
    b = GameSession(shuffled, seed=7).questions
    c = GameSession(shuffled, seed=8).questions
    assert [q.choices for q in a] == [q.choices for q in b]
    assert [q.choices for q in a] != [q.choices for q in c]
    for pq in a:
        q: Any = pq.question
        if q.type == "choice":
            assert sorted(pq.choices) == sorted(q.choice_texts())


def test_match_rights_never_lined_up_with_lefts(loaded_bank: LoadedBank) -> None:
    s = GameSession(loaded_bank)
    pq = next(p for p in s.questions if p.type == "match")
    q: Any = pq.question
    assert pq.match_right != tuple(q.right_options())
    assert set(pq.match_right) == set(q.right_options())


def test_guided_mode_orders_by_evidence_and_needs_passages(loaded_bank: LoadedBank) -> None:
    s = GameSession(loaded_bank, mode=Mode.GUIDED)
    needed = [s.passages_needed(pq) for pq in s.questions]
    assert needed == sorted(needed)
    assert needed[0] >= 1 and needed[-1] <= len(loaded_bank.article.body)
    body_ids = [p.id for p in loaded_bank.article.body]
    for pq, n in zip(s.questions, needed, strict=True):
        for ev in pq.evidence:  # every cited body passage is revealed before the question
            if ev.passage_id in body_ids:
                assert body_ids.index(ev.passage_id) < n, pq.id


def test_timer_speed_points_and_streak(loaded_bank: LoadedBank) -> None:
    settings = loaded_bank.bank.settings.model_copy(
        update={"timer_seconds": 20, "speed_points": True, "streak_bonus": True}
    )
    timed = dataclasses.replace(
        loaded_bank, bank=loaded_bank.bank.model_copy(update={"settings": settings})
    )
    clock = FakeClock()
    s = GameSession(timed, clock=clock)
    pq = s.current
    assert pq is not None
    clock.now += 10
    assert s.seconds_left() == pytest.approx(10)
    r1 = s.submit(right_response(pq))
    assert r1.points == pytest.approx(0.75)  # half the time used: 100% - 25%
    s.next()
    r2 = s.submit(right_response(s.current))  # type: ignore[arg-type]
    assert r2.streak == 2 and r2.bonus == pytest.approx(0.1)
    assert r2.points == pytest.approx(1.1)
    assert "streak bonus" in r2.points_label
    s.next()
    clock.now += 25
    r3 = s.time_up()
    assert r3.outcome is Outcome.WRONG and r3.timed_out and not r3.can_retry
    assert r3.headline == "✗ Time's up" and r3.streak == 0


def test_abandon_marks_game_unfinished(loaded_bank: LoadedBank) -> None:
    sink = MemorySink()
    s = GameSession(loaded_bank, sink=sink)
    s.submit(right_response(s.current))  # type: ignore[arg-type]
    s.abandon()
    assert sink.finished == [(s.game_id, 1.0, s.max_score, False)]
    s.abandon()
    assert len(sink.finished) == 1


def test_summary_rows_list_every_question(loaded_bank: LoadedBank) -> None:
    s = GameSession(loaded_bank)
    s.submit(right_response(s.current))  # type: ignore[arg-type]
    s.next()
    rows = s.summary().rows
    assert len(rows) == len(loaded_bank.bank.questions)
    assert rows[0].outcome is Outcome.CORRECT and rows[1].outcome is None
    assert s.summary().label.startswith("1 / 21 points")


def test_abandon_during_retry_offer_keeps_the_attempt(loaded_bank: LoadedBank) -> None:
    s = GameSession(loaded_bank)
    pq = s.current
    assert pq is not None
    s.submit(wrong_response(pq))
    assert s.awaiting_retry
    s.abandon()
    assert s.summary().rows[0].outcome is Outcome.WRONG
