"""Attempt bookkeeping: the pure rules that turn one scored attempt into points and records.

`quizgame.game.session.GameSession` keeps the state (attempts, best points, streak); the rules
here take that state as arguments, so each is testable alone and the game loop stays readable.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from quizgame.bank.loaded import LoadedBank
from quizgame.bank.models import Settings, ShortQuestion, TrueFalseQuestion
from quizgame.game.kinds import AnyQuestion
from quizgame.game.kinds.short import near_miss
from quizgame.game.outcome import Outcome
from quizgame.game.presented import AnswerResult, PresentedQuestion, Summary, SummaryRow
from quizgame.game.records import AnswerRecord, PriorAnswer
from quizgame.game.scoring import response_json, response_text, right_answer_text, score


def retry_can_raise(q: AnyQuestion, best: float, attempt: int, credit: float) -> bool:
    """A retry is worth offering only if its best outcome beats the points already kept.

    True/false has no retry: the second try of two options is a give-away.
    """
    if isinstance(q, TrueFalseQuestion):
        return False
    return q.points * credit**attempt > best + 1e-9


def attempt_points(
    q: AnyQuestion, fraction: float, counted: int, seconds: float, settings: Settings
) -> float:
    """Points for the `counted`-th counted attempt, before keeping the best and the streak bonus:
    the question's points times the fraction right, less the retry credit for each earlier try,
    and (with speed points on a timer) up to half off for the time taken."""
    points = q.points * fraction * (settings.retry_credit ** (counted - 1))
    timer = settings.timer_seconds
    if settings.speed_points and timer and fraction > 0:
        points *= 1 - min(seconds / timer, 1.0) / 2
    return points


def streak_bonus(q: AnyQuestion, streak: int, settings: Settings) -> float:
    """Bonus for a final answer that extends a streak: 10% of the question's points per question
    in the streak beyond the first, at most 50%; nothing if the bank has the bonus off."""
    if settings.streak_bonus and streak > 1:
        return q.points * 0.1 * min(streak - 1, 5)
    return 0.0


@dataclass(frozen=True, slots=True)
class Judged:
    """One attempt judged: the result shown, the response as JSON data for the store, and the
    question's best points so far (before any streak bonus), which the session keeps."""

    result: AnswerResult
    stored: Any
    best: float


def judge_attempt(
    cur: PresentedQuestion,
    response: Any,
    *,
    timed_out: bool,
    attempt: int,
    free: int,
    best: float,
    streak: int,
    seconds: float,
    settings: Settings,
    max_attempts: int,
    spelling_help: bool,
) -> Judged:
    """Score attempt number `attempt` at `cur` given the session's state: `free` retries already
    granted for a near miss, the `best` points kept so far, the current `streak`.

    A retry never lowers the question's score; a short answer one typo off earns one free retry;
    a retry is offered only while it could still raise the score.
    """
    q = cur.question
    feedback: tuple[str, ...]
    if timed_out:
        fraction, outcome, feedback = (
            0.0,
            Outcome.WRONG,
            ("Time ran out before an answer was given.",),
        )
        shown, stored = "(no answer: time ran out)", None
    else:
        scored = score(q, response)
        fraction, outcome, feedback = scored.fraction, scored.outcome, scored.feedback
        shown, stored = response_text(q, response), response_json(q, response)
    counted = attempt - free  # free retries granted (a near miss in spelling) do not count
    near = (
        not timed_out
        and free == 0
        and outcome is Outcome.WRONG
        and spelling_help
        and isinstance(q, ShortQuestion)
        and isinstance(response, str)
        and near_miss(response, (q.answer, *q.accept))
    )
    points = attempt_points(q, fraction, counted, seconds, settings)
    kept_earlier = best > points
    points = max(points, best)  # a retry never lowers the question's score
    new_best = points
    can_retry = near or (
        not timed_out
        and outcome is not Outcome.CORRECT
        and counted < max_attempts
        and retry_can_raise(q, points, counted, settings.retry_credit)
    )
    bonus = 0.0
    if not can_retry:
        streak = streak + 1 if outcome is Outcome.CORRECT else 0
        bonus = streak_bonus(q, streak, settings)
        points += bonus
    points = round(points, 4)
    result = AnswerResult(
        question=cur,
        outcome=outcome,
        fraction=fraction,
        points=points,
        max_points=float(q.points),
        attempt=attempt,
        can_retry=can_retry,
        feedback=feedback,
        explanation=q.explanation,
        evidence=cur.evidence,
        right_answer=right_answer_text(q),
        response_text=shown,
        seconds=seconds,
        timed_out=timed_out,
        streak=streak,
        bonus=round(bonus, 4),
        kept_earlier=kept_earlier,
        near_miss=near,
    )
    return Judged(result, stored, new_best)


def restored_result(pq: PresentedQuestion, p: PriorAnswer) -> AnswerResult:
    """The final result of an answer given in an earlier sitting, as it was scored then."""
    q = pq.question
    return AnswerResult(
        question=pq,
        outcome=Outcome(p.outcome),
        fraction=p.fraction,
        points=p.points,
        max_points=float(q.points),
        attempt=p.attempt,
        can_retry=False,
        feedback=(),
        explanation=q.explanation,
        evidence=pq.evidence,
        right_answer=right_answer_text(q),
        response_text=p.response_text,
        seconds=p.seconds,
    )


def answer_record(
    result: AnswerResult,
    *,
    game_id: str,
    player: str,
    loaded: LoadedBank,
    stored: Any,
    answered_at: float,
) -> AnswerRecord:
    """What the results sink keeps of one attempt (`stored` is the response as JSON data)."""
    q = result.question.question
    return AnswerRecord(
        game_id=game_id,
        player=player,
        bank_id=loaded.bank_id,
        bank_hash=loaded.content_hash,
        question_id=q.id,
        question_type=q.type,
        response=stored,
        response_text=result.response_text,
        outcome=result.outcome,
        fraction=result.fraction,
        points=result.points,
        max_points=float(q.points),
        seconds=round(result.seconds, 3),
        attempt=result.attempt,
        final=not result.can_retry,
        answered_at=answered_at,
    )


def summary_of(
    questions: tuple[PresentedQuestion, ...],
    results: Mapping[str, AnswerResult],
    attempts: Mapping[str, int],
    score: float,
    max_score: float,
    seconds: float,
) -> Summary:
    """The end-of-game table: one row per question, unanswered ones at no points."""
    rows = []
    for pq in questions:
        r = results.get(pq.id)
        rows.append(
            SummaryRow(
                pq.number,
                pq.id,
                pq.question.prompt,
                r.outcome if r else None,
                r.points if r else 0.0,
                float(pq.question.points),
                attempts.get(pq.id, 0),
                tuple(pq.question.tags),
            )
        )
    return Summary(round(score, 4), max_score, seconds, tuple(rows))


def finalised(result: AnswerResult) -> AnswerResult:
    """A retry given up: its last attempt becomes final and breaks the streak."""
    return replace(result, can_retry=False, streak=0)
