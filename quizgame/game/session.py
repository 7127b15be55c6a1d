"""A game session: the whole game loop as a pure object the TUI, plain mode and tests all drive.

The session decides everything a screen shows — the order, the choice order, what may be retried,
points, streaks, what feedback is due now and what waits until the end — so every rule is testable
without a terminal. Every attempt is handed to a `ResultSink` the moment it is scored.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace
from typing import Any

from quizgame.article.passages import Article, Passage
from quizgame.bank.loaded import LoadedBank
from quizgame.bank.models import Mode, Settings
from quizgame.game.attempts import (
    answer_record,
    finalised,
    judge_attempt,
    restored_result,
    summary_of,
)
from quizgame.game.presented import AnswerResult, PresentedQuestion, Summary
from quizgame.game.presenting import body_needed, present_all
from quizgame.game.question_timer import QuestionTimer
from quizgame.game.records import GameInfo, NullSink, PriorAnswer, ResultSink


class GameOver(RuntimeError):
    """An answer was given after the last question."""


class GameSession:
    """One player playing one bank once."""

    def __init__(
        self,
        loaded: LoadedBank,
        *,
        mode: Mode | str | None = None,
        player: str = "",
        seed: int | None = None,
        sink: ResultSink | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        only: Collection[str] | None = None,
    ) -> None:
        self.loaded = loaded
        self.only = frozenset(only) if only is not None else None  # practise just these ids
        self.settings: Settings = loaded.bank.settings
        self.mode = Mode(mode) if mode is not None else self.settings.mode
        self.player = player
        self.sink: ResultSink = sink if sink is not None else NullSink()
        self._clock = clock
        self._wall = wall_clock
        self._rng = random.Random(seed)
        self.game_id = uuid.uuid4().hex
        self.questions: tuple[PresentedQuestion, ...] = present_all(
            loaded, self.mode, self.only, self._rng
        )
        self._index = 0
        self._attempts: dict[str, int] = {}
        self._results: dict[str, AnswerResult] = {}
        self._pending: AnswerResult | None = None  # last non-final attempt (practice retries)
        self._best: dict[str, float] = {}  # best points of any attempt so far, per question
        self._free: dict[str, int] = {}  # free retries granted per question (spelling help)
        self._tried: dict[str, list[Any]] = {}  # every response given, per question
        self._streak = 0
        # What the player did, kept here so screens only render it: the response to each question's
        # latest attempt, the verdict on the current question's latest attempt, and whether the
        # player chose to see the answer instead of the retry on offer.
        self._responses: dict[str, Any] = {}
        self._last: AnswerResult | None = None
        self._gave_up = False
        self._started = self._clock()
        self._timer = QuestionTimer(self._clock, self._started)  # stands still while paused
        self._ended: float | None = None
        # An exam paper (quizgame.game.exam) hands its drafts in when the game is abandoned.
        self.on_abandon: Callable[[], None] | None = None
        self.max_score = float(sum(q.question.points for q in self.questions))
        self.sink.start_game(
            GameInfo(
                self.game_id,
                player,
                loaded.bank_id,
                loaded.content_hash,
                loaded.bank.title,
                self.mode,
                len(self.questions),
                self.max_score,
                self._wall(),
            )
        )

    @classmethod
    def resumed(
        cls, loaded: LoadedBank, game_id: str, prior: Sequence[PriorAnswer], **kwargs: Any
    ) -> GameSession:
        """Continue a game that was left (read back from the results store): the answers already
        given count as they were scored, come first, and play starts at the first question not
        answered. The sink is not told of a new game: later answers go on under `game_id`."""
        sink: ResultSink | None = kwargs.pop("sink", None)
        session = cls(loaded, **kwargs)
        session.sink = sink if sink is not None else NullSink()
        session.game_id = game_id
        session._restore(prior)
        return session

    def _restore(self, prior: Sequence[PriorAnswer]) -> None:
        by_id = {pq.id: pq for pq in self.questions}
        done = [p for p in prior if p.question_id in by_id]
        first = [by_id[p.question_id] for p in done]
        answered = {p.question_id for p in done}
        rest = [pq for pq in self.questions if pq.id not in answered]
        self.questions = tuple(replace(pq, number=n) for n, pq in enumerate([*first, *rest], 1))
        for p, pq in zip(done, self.questions, strict=False):
            q = pq.question
            self._attempts[q.id] = p.attempt
            self._best[q.id] = p.points
            self._results[q.id] = restored_result(pq, p)
        self._index = len(done)
        self._started -= sum(p.seconds for p in done)  # the time taken includes the earlier sitting
        self._timer.restart()
        if self.finished:
            self._finish(finished=True)

    # presentation ---------------------------------------------------------------------------------

    @property
    def article(self) -> Article:
        return self.loaded.article

    # state ----------------------------------------------------------------------------------------

    @property
    def feedback_now(self) -> bool:
        """Practice and guided show feedback after each answer; exam saves it for the summary."""
        return self.mode is not Mode.EXAM

    @property
    def spelling_help(self) -> bool:
        """A short answer one typo off gets "almost" and a free retry: the bank's setting, by
        default on in practice and guided; never in exams, which say nothing before the end."""
        if self.mode is Mode.EXAM:
            return False
        return self.settings.spelling_help is not False

    @property
    def max_attempts(self) -> int:
        return 1 if self.mode is Mode.EXAM else self.settings.max_attempts

    @property
    def index(self) -> int:
        return self._index

    @property
    def current(self) -> PresentedQuestion | None:
        return self.questions[self._index] if self._index < len(self.questions) else None

    @property
    def finished(self) -> bool:
        return self._index >= len(self.questions)

    @property
    def awaiting_retry(self) -> bool:
        return self._pending is not None

    @property
    def score(self) -> float:
        """Points so far: each question's best attempt, a retry still on offer included."""
        pending = self._pending.points if self._pending is not None else 0.0
        return sum(r.points for r in self._results.values()) + pending

    @property
    def answered(self) -> int:
        return len(self._results)

    @property
    def streak(self) -> int:
        """Right answers in a row, counting final answers only."""
        return self._streak

    @property
    def last_result(self) -> AnswerResult | None:
        """The verdict on the current question's latest attempt (None before one is given)."""
        return self._last

    @property
    def last_response(self) -> Any:
        """The response to the current question's latest attempt (None before one is given)."""
        cur = self.current
        return self._responses.get(cur.id) if cur is not None else None

    def response_for(self, question_id: str) -> Any:
        """The response to a question's latest attempt (None when it was never answered)."""
        return self._responses.get(question_id)

    @property
    def gave_up(self) -> bool:
        """The player asked to see the answer instead of taking the retry on offer."""
        return self._gave_up

    @property
    def retry_open(self) -> bool:
        """A retry is on offer and not given up: the answer stays hidden so the retry means something."""
        return self._last is not None and self._last.can_retry and not self._gave_up

    def give_up(self) -> None:
        """Show the answer instead of retrying; moving on from here ends the attempts."""
        if self.retry_open:
            self._gave_up = True

    def result_for(self, question_id: str) -> AnswerResult | None:
        return self._results.get(question_id)

    def tried(self, question_id: str) -> tuple[Any, ...]:
        """Every response given to this question so far (to mark tried choices on a retry)."""
        return tuple(self._tried.get(question_id, ()))

    def seconds_on_question(self) -> float:
        return self._timer.seconds()

    @property
    def paused(self) -> bool:
        return self._timer.paused

    def pause(self) -> None:
        """Stop the question's timer (help or a dialog covers the question)."""
        self._timer.pause()

    def resume(self) -> None:
        """Start the timer again where it stopped: the paused time is not counted."""
        self._timer.resume()

    def seconds_left(self) -> float | None:
        """Time left on the current question's timer, or None when the bank sets no timer."""
        return self._timer.left(self.settings.timer_seconds)

    # guided reading -------------------------------------------------------------------------------

    def passages_needed(self, pq: PresentedQuestion | None = None) -> int:
        """How many body passages must be read before `pq` (default: current) may be shown.

        Every passage the question's evidence cites must be on screen; a `main idea` question, or
        one whose evidence spans the article, waits for the whole article.
        """
        pq = pq or self.current
        if pq is None:
            return len(self.article.body)
        return body_needed(self.loaded, pq.question)

    def body_passages(self) -> tuple[Passage, ...]:
        return self.article.body

    # answering ------------------------------------------------------------------------------------

    def submit(self, response: Any) -> AnswerResult:
        """Score an attempt at the current question and hand it to the sink."""
        cur = self.current
        if cur is None:
            raise GameOver("the game is over")
        self._responses[cur.id] = response
        return self._record(cur, response, timed_out=False)

    def time_up(self) -> AnswerResult:
        """The timer ran out: the question counts as wrong, with no retry."""
        cur = self.current
        if cur is None:
            raise GameOver("the game is over")
        return self._record(cur, None, timed_out=True)

    def goto(self, index: int) -> PresentedQuestion | None:
        """Exam navigation (see `quizgame.game.exam`): show question `index` (0-based), unscored."""
        if self.mode is not Mode.EXAM or self._ended is not None:
            raise RuntimeError("only an exam in progress moves between questions freely")
        self._index = max(0, min(index, len(self.questions) - 1))
        self._timer.restart()
        return self.current

    def submit_exam(
        self, responses: Mapping[str, Any], seconds: Mapping[str, float], *, finished: bool = True
    ) -> None:
        """Score an exam's final answers in question order, hand each to the sink once, and end.

        Drafts are never recorded before this: the store holds one final answer per question,
        the one the student submitted (an unanswered question has no record and scores 0).
        """
        if self.mode is not Mode.EXAM or self._ended is not None:
            raise RuntimeError("only an exam in progress is submitted")
        for i, pq in enumerate(self.questions):
            self._index = i
            if pq.id in responses:
                self._responses[pq.id] = responses[pq.id]
                self._record(pq, responses[pq.id], timed_out=False, seconds=seconds.get(pq.id))
        self._index = len(self.questions)
        self._last = None
        self._finish(finished=finished)

    def _record(
        self,
        cur: PresentedQuestion,
        response: Any,
        *,
        timed_out: bool,
        seconds: float | None = None,
    ) -> AnswerResult:
        q = cur.question
        attempt = self._attempts.get(q.id, 0) + 1
        self._attempts[q.id] = attempt
        if seconds is None:
            seconds = self.seconds_on_question()
        if not timed_out:
            self._tried.setdefault(q.id, []).append(response)
        judged = judge_attempt(
            cur,
            response,
            timed_out=timed_out,
            attempt=attempt,
            free=self._free.get(q.id, 0),
            best=self._best.get(q.id, 0.0),
            streak=self._streak,
            seconds=seconds,
            settings=self.settings,
            max_attempts=self.max_attempts,
            spelling_help=self.spelling_help,
        )
        result = judged.result
        self._best[q.id] = judged.best
        if result.near_miss:
            self._free[q.id] = 1
        self.sink.record_answer(
            answer_record(
                result,
                game_id=self.game_id,
                player=self.player,
                loaded=self.loaded,
                stored=judged.stored,
                answered_at=self._wall(),
            )
        )
        self._last = result
        if result.can_retry:
            self._pending = result
        else:
            self._pending = None
            self._streak = result.streak
            self._results[q.id] = result
        return result

    def retry(self) -> None:
        """Try the current question again (practice mode, after a non-final attempt)."""
        if self._pending is None:
            raise RuntimeError("nothing to retry")
        self._pending = None
        self._last = None
        self._gave_up = False
        self._timer.restart()

    def next(self) -> PresentedQuestion | None:
        """Move on; a pending retry is given up and its last attempt becomes final."""
        cur = self.current
        if cur is None:
            return None
        if self._pending is not None:
            self._results[cur.id] = finalised(self._pending)
            self._streak = 0
            self._pending = None
        if cur.id not in self._results:
            raise RuntimeError("answer the current question before moving on")
        self._index += 1
        self._last = None
        self._gave_up = False
        self._timer.restart()
        if self.finished:
            self._finish(finished=True)
        return self.current

    def abandon(self) -> None:
        """The player quit mid-game: the sink marks the game abandoned.

        A retry still on offer is given up, so the last attempt counts in the summary; an exam's
        drafts are handed in (see `quizgame.game.exam`).
        """
        if self.on_abandon is not None and self._ended is None:
            hand_in, self.on_abandon = self.on_abandon, None
            hand_in()
            return
        cur = self.current
        if self._pending is not None and cur is not None:
            self._results[cur.id] = finalised(self._pending)
            self._pending = None
        if self._ended is None:
            self._finish(finished=False)

    def _finish(self, *, finished: bool) -> None:
        if self._ended is None:
            self._ended = self._clock()
            self.sink.finish_game(
                self.game_id, round(self.score, 4), self.max_score, finished, self._wall()
            )

    @property
    def seconds(self) -> float:
        end = self._ended if self._ended is not None else self._clock()
        return end - self._started

    def summary(self) -> Summary:
        return summary_of(
            self.questions, self._results, self._attempts, self.score, self.max_score, self.seconds
        )

    def results(self) -> tuple[AnswerResult, ...]:
        """Final results in question order (what exam mode reveals at the end)."""
        return tuple(self._results[pq.id] for pq in self.questions if pq.id in self._results)
