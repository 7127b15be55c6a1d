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

    def _drop(self) -> None:
        self.dropped += 1
        if not self._warned:
            self._warned = True
            self._warn(self.problem)

    def start_game(self, info: GameInfo) -> None:
        self._drop()

    def record_answer(self, record: AnswerRecord) -> None:
        self._drop()

    def finish_game(
        self, game_id: str, score: float, max_score: float, finished: bool, ended: float
    ) -> None:
        self._drop()

    def close(self) -> None:
        pass
