"""The background sink: answers reach the store in order, on one thread; a failing store is reported once."""

from __future__ import annotations

import threading

from quizgame.game.outcome import Outcome
from quizgame.game.records import AnswerRecord, MemorySink
from quizgame.results.background import BackgroundSink


def _record(n: int) -> AnswerRecord:
    return AnswerRecord(
        "g",
        "p",
        "b",
        "h",
        f"q{n}",
        "choice",
        "x",
        "x",
        Outcome.CORRECT,
        1.0,
        1.0,
        1.0,
        0.1,
        1,
        True,
        0.0,
    )


def test_background_sink_keeps_order_and_uses_one_thread() -> None:
    inner = MemorySink()
    threads: set[int] = set()

    class Spy(MemorySink):
        def record_answer(self, record: AnswerRecord) -> None:
            threads.add(threading.get_ident())
            inner.record_answer(record)

    sink = BackgroundSink(Spy)
    for n in range(50):
        sink.record_answer(_record(n))
    assert sink.flush(timeout=10)
    assert [a.question_id for a in inner.answers] == [f"q{n}" for n in range(50)]
    assert threads and threading.get_ident() not in threads
    sink.close()


def test_background_sink_reports_a_failing_store_once() -> None:
    errors: list[BaseException] = []

    class Broken(MemorySink):
        def record_answer(self, record: AnswerRecord) -> None:
            raise OSError("disk full")

    sink = BackgroundSink(Broken, errors.append)
    sink.record_answer(_record(1))
    sink.record_answer(_record(2))
    assert sink.flush(timeout=10)
    assert [str(e) for e in errors] == ["disk full"]
    sink.close()

    def cannot_open() -> MemorySink:
        raise RuntimeError("no db")

    failing = BackgroundSink(cannot_open, errors.append)
    failing.record_answer(_record(3))
    assert failing.flush(timeout=10)
    assert str(errors[-1]) == "no db"
    failing.close()
