"""The sinks the game writes to: a store behind a guard, or an explicit "results are off" sink.

A student mid-game must never see a crash because the results file is locked, full or damaged.
So the game's sink catches store errors, reports the first one through `warn` (once — not after
every answer) and keeps playing; the `problem` attribute lets a UI show it in its own way.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from quizgame.game.records import AnswerRecord, GameInfo
from quizgame.results.store import ResultStore, StoreError

Warn = Callable[[str], None]


def warn_stderr(message: str) -> None:
    print(f"quizgame: warning: {message}", file=sys.stderr)


class StoreSink:
    """Forwards every call to a store; a failing write is reported once and the game goes on."""

    def __init__(self, store: ResultStore, warn: Warn = warn_stderr) -> None:
        self.store = store
        self._warn = warn
        self.problem: str | None = None
        self.failed_writes = 0
        self.unsaved_answers = 0  # answers the store refused: never claimed as saved

    def _failed(self, exc: StoreError) -> None:
        self.failed_writes += 1
        if self.problem is None:
            self.problem = f"results are not being saved: {exc}"
            self._warn(self.problem)

    def start_game(self, info: GameInfo) -> None:
        try:
            self.store.start_game(info)
        except StoreError as exc:
            self._failed(exc)

    def record_answer(self, record: AnswerRecord) -> None:
        try:
            self.store.record_answer(record)
        except StoreError as exc:
            self.unsaved_answers += 1
            self._failed(exc)

    def finish_game(
        self, game_id: str, score: float, max_score: float, finished: bool, ended: float
    ) -> None:
        try:
            self.store.finish_game(game_id, score, max_score, finished, ended)
        except StoreError as exc:
            self._failed(exc)

    def close(self) -> None:
        self.store.close()


class UnavailableSink:
    """The store could not be opened: the game is playable, its answers are dropped, said once.

    `problem` holds the reason from the start, so a UI can show it before the first question.
    """

    def __init__(self, problem: str, warn: Warn = warn_stderr) -> None:
        self.problem = f"results are not being saved: {problem}"
        self._warn = warn
        self._warned = False
        self.dropped = 0
        self.unsaved_answers = 0

    def _drop(self) -> None:
        self.dropped += 1
        if not self._warned:
            self._warned = True
            self._warn(self.problem)

    def start_game(self, info: GameInfo) -> None:
        self._drop()

    def record_answer(self, record: AnswerRecord) -> None:
        self.unsaved_answers += 1
        self._drop()

    def finish_game(
        self, game_id: str, score: float, max_score: float, finished: bool, ended: float
    ) -> None:
        self._drop()

    def close(self) -> None:
        pass


def unsaved_answers(sink: object) -> int:
    """How many answers the sink could not save so far (0 for a sink that does not count)."""
    n = getattr(sink, "unsaved_answers", 0)
    return n if isinstance(n, int) else 0


def sink_problem(sink: object) -> str | None:
    """Why results are not being saved, or None when all is well (for a UI banner)."""
    problem = getattr(sink, "problem", None)
    return problem if isinstance(problem, str) else None


def save_summary(sink: object, answered: int | None = None) -> str:
    """What is true about the player's answers so far, for "game stopped" and quit dialogs.

    Reads the sink's `problem` and `unsaved_answers` (StoreSink, UnavailableSink, BackgroundSink);
    a sink that does not say is a plain in-memory sink (tests), and nothing is claimed for it
    beyond what it reports."""
    problem = sink_problem(sink)
    unsaved = unsaved_answers(sink)
    if not problem and not unsaved:
        return "Your answers so far are saved."
    reason = f" ({problem})" if problem else ""
    if unsaved and answered is not None and unsaved >= answered:
        return f"Your answers were NOT saved{reason}."
    if unsaved:
        return f"{unsaved} of your answers could NOT be saved{reason}."
    return f"Your answers may not all be saved{reason}."
