"""Fair-play rules of the session (issue 13): best-of-attempts, retry eligibility, guided release,
the timer pausing — pure, no terminal."""

from __future__ import annotations

import dataclasses
from typing import Any

from quizgame.bank.loaded import LoadedBank
from quizgame.bank.models import Mode
from quizgame.game.attempts import retry_can_raise
from quizgame.game.presented import PresentedQuestion
from quizgame.game.presenting import guided_needed
from quizgame.game.scoring import Outcome
from quizgame.game.session import GameSession
from tests.answers import right_response


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def with_settings(loaded: LoadedBank, **update: Any) -> LoadedBank:
    settings = loaded.bank.settings.model_copy(update=update)
    return dataclasses.replace(loaded, bank=loaded.bank.model_copy(update={"settings": settings}))


def go_to(s: GameSession, qtype: str) -> PresentedQuestion:
    """Answer right until a question of `qtype` is current."""
    while (pq := s.current) is not None and pq.type != qtype:
        s.submit(right_response(pq))
        s.next()
    assert pq is not None, qtype
    return pq


def partial_match(pq: PresentedQuestion, wrong_pairs: int) -> dict[str, str]:
    q: Any = pq.question
    truth = {p.left: p.right for p in q.pairs}
    lefts = list(truth)
    chosen = dict(truth)
    if wrong_pairs:
        chosen[lefts[0]], chosen[lefts[1]] = truth[lefts[1]], truth[lefts[0]]
    return chosen


def test_retry_never_lowers_the_score(loaded_bank: LoadedBank) -> None:
    # Full credit on retries so that a retry is on offer after a partly right answer
    s = GameSession(with_settings(loaded_bank, retry_credit=0.9, max_attempts=3))
    pq = go_to(s, "match")
    first = s.submit(partial_match(pq, 2))
    assert first.outcome is Outcome.PARTIAL and first.can_retry
    kept = first.points
    s.retry()
    second = s.submit({})  # all wrong this time
    assert second.outcome is Outcome.WRONG
    assert second.points == kept and second.kept_earlier
    assert "best attempt" in second.points_label


def test_retry_is_offered_only_when_it_can_raise_the_score(loaded_bank: LoadedBank) -> None:
    s = GameSession(loaded_bank)  # retry_credit 0.5 by default
    pq = go_to(s, "evidence")
    q: Any = pq.question
    wrong_b = next(c for c in pq.part_b_choices if c != q.part_b.answer)
    r = s.submit((q.answer, wrong_b))  # half the points; a retry could earn at most half
    assert r.points == q.points * 0.5
    assert not r.can_retry
    assert not retry_can_raise(q, q.points * 0.5, 1, 0.5)
    assert retry_can_raise(q, 0.0, 1, 0.5)


def test_score_includes_an_attempt_whose_retry_is_on_offer(loaded_bank: LoadedBank) -> None:
    s = GameSession(with_settings(loaded_bank, retry_credit=1.0))
    pq = go_to(s, "multi")
    before = s.score
    q: Any = pq.question
    r = s.submit({q.answers[0]} if len(q.answers) > 1 else set())
    assert r.can_retry
    assert s.score == before + r.points  # the header shows what the feedback shows


def test_true_false_has_no_retry(loaded_bank: LoadedBank) -> None:
    s = GameSession(loaded_bank)
    pq = go_to(s, "truefalse")
    q: Any = pq.question
    r = s.submit(not q.answer)
    assert r.outcome is Outcome.WRONG and not r.can_retry


def test_tried_responses_are_remembered(loaded_bank: LoadedBank) -> None:
    s = GameSession(loaded_bank)
    pq = go_to(s, "choice")
    q: Any = pq.question
    wrong = next(c for c in pq.choices if c != q.answer)
    s.submit(wrong)
    assert s.tried(pq.id) == (wrong,)


def test_guided_main_idea_waits_for_the_whole_article(loaded_bank: LoadedBank) -> None:
    s = GameSession(loaded_bank, mode=Mode.GUIDED)
    body = loaded_bank.article.body
    tagged = [pq for pq in s.questions if "main idea" in pq.question.tags]
    assert tagged
    for pq in tagged:
        assert s.passages_needed(pq) == len(body)
    # and they come after every question that needs less of the article
    positions = [s.questions.index(pq) for pq in tagged]
    needing_less = [i for i, pq in enumerate(s.questions) if s.passages_needed(pq) < len(body)]
    assert max(needing_less) < min(positions)


def test_guided_needs_every_cited_passage(loaded_bank: LoadedBank) -> None:
    article = loaded_bank.article
    body = article.body
    for q in loaded_bank.bank.questions:
        ev = loaded_bank.evidence.get(q.id, ())
        n = guided_needed(article, q, ev)
        shown_end = body[n - 1].end if n else 0
        for e in ev:
            p = next(p for p in article.passages if p.id == e.passage_id)
            assert p.end <= shown_end, (q.id, e.passage_id)


def test_evidence_spanning_the_article_waits_for_all_of_it(loaded_bank: LoadedBank) -> None:
    body = loaded_bank.article.body
    q = next(q for q in loaded_bank.bank.questions if "main idea" not in q.tags)
    ev = loaded_bank.evidence[q.id]
    first, last = (
        dataclasses.replace(ev[0], passage_id=body[0].id),
        dataclasses.replace(ev[0], passage_id=body[-2].id),
    )
    assert guided_needed(loaded_bank.article, q, (first, last)) == len(body)
    assert guided_needed(loaded_bank.article, q, (first,)) == 1


def test_timer_stands_still_while_paused(loaded_bank: LoadedBank) -> None:
    clock = Clock()
    s = GameSession(with_settings(loaded_bank, timer_seconds=30), clock=clock)
    clock.now += 5
    s.pause()
    clock.now += 100
    assert s.seconds_left() == 25
    s.resume()
    clock.now += 1
    assert s.seconds_left() == 24
    assert not s.paused


def test_short_answer_numbers_match_regardless_of_thousands_separators() -> None:
    from quizgame.bank.models import ShortQuestion
    from quizgame.game.scoring import score

    q = ShortQuestion.model_validate(
        {
            "id": "n",
            "type": "short",
            "prompt": "How many?",
            "answer": "400,000,000",
            "explanation": "x",
            "evidence": "x",
        }
    )
    for typed in ("400000000", "400 000 000", "400'000'000", "400,000,000", " 400000000 "):
        assert score(q, typed).outcome is Outcome.CORRECT, typed
    for typed in ("40000000", "400,000", "4.000.000.00"):
        assert score(q, typed).outcome is Outcome.WRONG, typed


def test_practise_missed_plays_only_those_questions(loaded_bank: LoadedBank) -> None:
    s = GameSession(loaded_bank)
    pq = s.current
    assert pq is not None
    q: Any = pq.question
    s.submit(next(c for c in pq.choices if c != q.answer))
    s.next()  # gave up the retry: wrong
    while (cur := s.current) is not None:
        s.submit(right_response(cur))
        s.next()
    missed = s.summary().missed
    assert missed == (pq.id,)
    again = GameSession(loaded_bank, only=missed)
    assert [p.id for p in again.questions] == [pq.id]
    assert again.max_score == q.points


def test_skill_breakdown_by_tag(loaded_bank: LoadedBank) -> None:
    s = GameSession(loaded_bank)
    first = s.current
    assert first is not None
    while (cur := s.current) is not None:
        s.submit(right_response(cur))
        s.next()
    skills = {r.tag: r for r in s.summary().skills}
    tagged = [q for q in loaded_bank.bank.questions if "attribution" in q.tags]
    row = skills["attribution"]
    assert row.questions == row.right == len(tagged)
    assert row.max_points == sum(q.points for q in tagged) and row.percent == 100


def test_near_miss_is_one_typo_on_words_of_four_letters_or_more() -> None:
    from quizgame.game.kinds.short import near_miss

    assert near_miss("unaceptable", ("unacceptable",))  # a letter dropped
    assert near_miss("unacceptible", ("unacceptable",))  # changed
    assert near_miss("unaccpetable", ("unacceptable",))  # two swapped
    assert near_miss("Unacceptible!", ("unacceptable",))  # case and punctuation do not count
    assert not near_miss("unacceptable", ("unacceptable",))  # right is not "almost"
    assert not near_miss("unaceptible", ("unacceptable",))  # two typos
    assert not near_miss("cat", ("car",))  # too short to tell a typo from another word


def test_spelling_help_gives_one_free_retry(loaded_bank: LoadedBank) -> None:
    s = GameSession(loaded_bank)
    pq = go_to(s, "short")
    q: Any = pq.question
    typo = q.answer[:-1] + ("x" if q.answer[-1] != "x" else "y")
    first = s.submit(typo)
    assert first.near_miss and first.can_retry and first.headline == "✗ Almost — check the spelling"
    s.retry()
    second = s.submit(q.answer)
    assert second.points == q.points  # full credit: the retry was free
    exam = GameSession(loaded_bank, mode=Mode.EXAM)
    assert not exam.spelling_help
    off = GameSession(with_settings(loaded_bank, spelling_help=False))
    pq = go_to(off, "short")
    assert not off.submit(typo).near_miss
