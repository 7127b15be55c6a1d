"""A results sink that never blocks the UI: calls are queued and run on one worker thread.

The real sink (SQLite, later) is opened *on* that thread, so a store whose connection is tied to the
thread that created it works unchanged, and calls keep their order. A failing store is reported
once through `on_error` and never stops the game. No Textual import: tests drive it directly.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable
from typing import Any

from quizgame.game.records import AnswerRecord, GameInfo, ResultSink

_STOP = object()


class BackgroundSink:
    def __init__(
        self,
        factory: Callable[[], ResultSink],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._factory = factory
        self._on_error = on_error
        self._queue: queue.Queue[Any] = queue.Queue()
        self._failed = False
        self._error: str | None = None
        self._errored_answers = 0
        self._sink: ResultSink | None = None
        self._thread = threading.Thread(target=self._run, name="quizgame-results", daemon=True)
        self._thread.start()

    # ResultSink -------------------------------------------------------------------------------------

    def start_game(self, info: GameInfo) -> None:
        self._queue.put(("start_game", (info,)))

    def record_answer(self, record: AnswerRecord) -> None:
        self._queue.put(("record_answer", (record,)))

    def finish_game(
        self, game_id: str, score: float, max_score: float, finished: bool, ended: float
    ) -> None:
        self._queue.put(("finish_game", (game_id, score, max_score, finished, ended)))

    # control ----------------------------------------------------------------------------------------

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything queued so far has been handed to the store."""
        done = threading.Event()
        self._queue.put(done)
        return done.wait(timeout)

    def close(self, timeout: float = 5.0) -> None:
        if self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join(timeout)

    @property
    def problem(self) -> str | None:
        """Why results are not (all) being saved, as the store's sink says; None when all is well.
        Accurate for what has reached the store: `flush()` first to include the latest answers."""
        inner = getattr(self._sink, "problem", None)
        return inner if isinstance(inner, str) else self._error

    @property
    def unsaved_answers(self) -> int:
        inner = getattr(self._sink, "unsaved_answers", 0)
        return (inner if isinstance(inner, int) else 0) + self._errored_answers

    def _run(self) -> None:
        sink: ResultSink | None = None
        try:
            sink = self._factory()
            self._sink = sink
        except Exception as exc:
            self._error = f"results are not being saved: {exc}"
            self._fail(exc)
        while True:
            item = self._queue.get()
            if item is _STOP:
                break
            if isinstance(item, threading.Event):
                item.set()
                continue
            name, args = item
            if sink is None:
                self._errored_answers += name == "record_answer"
                continue
            try:
                getattr(sink, name)(*args)
            except Exception as exc:
                self._errored_answers += name == "record_answer"
                self._error = self._error or f"results are not being saved: {exc}"
                self._fail(exc)
        closer = getattr(sink, "close", None)
        if callable(closer):
            with contextlib.suppress(Exception):
                closer()

    def _fail(self, exc: BaseException) -> None:
        if not self._failed and self._on_error is not None:
            self._failed = True
            with contextlib.suppress(Exception):
                self._on_error(exc)
