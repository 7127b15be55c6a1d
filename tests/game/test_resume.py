"""Resuming a game that was left: earlier answers count as scored, play starts at the first
question not answered, and every later answer goes on under the same game id."""

from __future__ import annotations

from quizgame.bank.loaded import LoadedBank
from quizgame.game.records import MemorySink, PriorAnswer
from quizgame.game.session import GameSession
from tests.answers import right_response, wrong_response


def _prior(sink: MemorySink) -> list[PriorAnswer]:
    latest = {a.question_id: a for a in sink.answers}  # as the results store reads it back
    return [
        PriorAnswer(a.question_id, str(a.outcome), a.fraction, a.points, a.attempt, a.response_text, a.seconds)
        for a in latest.values()
    ]  # fmt: skip


def test_a_resumed_game_starts_at_the_first_unanswered_question(loaded_bank: LoadedBank) -> None:
    first = MemorySink()
    s = GameSession(loaded_bank, player="Ana", sink=first, seed=1)
    answered = []
    for respond in (right_response, wrong_response):
        pq = s.current
        assert pq is not None
        answered.append(pq.id)
        s.submit(respond(pq))
        while s.awaiting_retry:
            s.next()
            break
        else:
            s.next()
    s.abandon()
    earlier = s.score
    assert earlier > 0

    later = MemorySink()
    r = GameSession.resumed(loaded_bank, s.game_id, _prior(first), player="Ana", sink=later, seed=7)
    assert later.games == []  # no new game: the stored one goes on
    assert r.game_id == s.game_id
    assert r.answered == 2 and r.index == 2 and r.score == earlier
    assert [pq.id for pq in r.questions[:2]] == answered
    assert [pq.number for pq in r.questions] == list(range(1, len(r.questions) + 1))
    cur = r.current
    assert cur is not None and cur.number == 3 and cur.id not in answered
    while (pq := r.current) is not None:
        r.submit(right_response(pq))
        r.next()
    rows = r.summary().rows
    assert [row.question_id for row in rows[:2]] == answered
    assert all(a.game_id == s.game_id for a in later.answers)
    assert {a.question_id for a in later.answers}.isdisjoint(answered)
    assert later.finished[0][0] == s.game_id and later.finished[0][3] is True
    assert r.summary().score == round(earlier + len(rows) - 2, 4)


def test_prior_answers_for_questions_no_longer_in_the_bank_are_ignored(
    loaded_bank: LoadedBank,
) -> None:
    gone = PriorAnswer("no-such-question", "correct", 1.0, 1.0, 1, "a", 2.0)
    r = GameSession.resumed(loaded_bank, "g", [gone])
    assert r.answered == 0 and r.index == 0 and r.score == 0.0
