"""Results: where every answer goes. (Stub until the results store lands: answers are dropped.)

`open_sink(db)` is the one entry point the game uses; the store behind it can change freely.
"""

from __future__ import annotations

from pathlib import Path

from quizgame.engine import NullSink, ResultSink


def open_sink(db: str | Path | None = None) -> ResultSink:
    """The sink the game records answers to. `db`: a path, or None for the default location."""
    del db
    return NullSink()
