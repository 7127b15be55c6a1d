"""The session owns what was answered: responses, the latest verdict, the streak and a given-up retry.

Screens only render these, so they are tested here without a terminal.
"""

from __future__ import annotations

import dataclasses

from quizgame.bank.loaded import LoadedBank
from quizgame.bank.models import Mode
from quizgame.game.session import GameSession
from tests.answers import right_response, wrong_response


def _session(loaded_bank: LoadedBank, **settings: object) -> GameSession:
    bank = loaded_bank.bank.model_copy(
        update={"settings": loaded_bank.bank.settings.model_copy(update=settings)}
    )
    return GameSession(dataclasses.replace(loaded_bank, bank=bank), mode=Mode.PRACTICE, seed=1)


def test_responses_and_the_latest_verdict_live_in_the_session(loaded_bank: LoadedBank) -> None:
    s = _session(loaded_bank)
    first = s.current
    assert first is not None
    assert s.last_result is None and s.last_response is None and s.response_for(first.id) is None
    wrong = wrong_response(first)
    r = s.submit(wrong)
    assert s.last_result is r and s.last_response == wrong and s.retry_open
    s.retry()
    assert s.last_result is None and not s.retry_open
    right = right_response(first)
    s.submit(right)
    assert s.response_for(first.id) == right and not s.retry_open
    s.next()
    assert s.last_result is None and s.last_response is None
    assert s.response_for(first.id) == right  # kept for the summary and the review


def test_giving_up_a_retry_shows_the_answer_and_breaks_the_streak(
    loaded_bank: LoadedBank,
) -> None:
    s = _session(loaded_bank, streak_bonus=True)
    for _ in range(2):
        pq = s.current
        assert pq is not None
        s.submit(right_response(pq))
        s.next()
    assert s.streak == 2
    pq = s.current
    assert pq is not None
    s.submit(wrong_response(pq))
    assert s.retry_open and not s.gave_up
    s.give_up()
    assert s.gave_up and not s.retry_open
    s.next()
    assert not s.gave_up and s.streak == 0


def test_give_up_does_nothing_without_a_retry_on_offer(loaded_bank: LoadedBank) -> None:
    s = _session(loaded_bank)
    pq = s.current
    assert pq is not None
    s.give_up()
    assert not s.gave_up
    s.submit(right_response(pq))
    s.give_up()
    assert not s.gave_up
