"""The results store's interface: what any engine (SQLite today, PostgreSQL later) must offer.

The game only ever sees a `ResultSink`; reports only ever see `StoredGame`/`StoredAnswer` rows. So a
new engine is one class implementing `ResultStore`, and neither the game nor the reports change.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, NamedTuple, Protocol

from quizgame.game.records import ResultSink


class StoreError(Exception):
    """The store cannot be used; the message is meant for the user, as is."""


class NewerSchemaError(StoreError):
    """The database was written by a newer quizgame: refusing beats silently corrupting it."""


class CorruptStoreError(StoreError):
    """The file is damaged or is not a quizgame results database."""


class StoredGame(NamedTuple):
    game_id: str
    player: str
    bank_id: str
    bank_hash: str
    bank_title: str
    mode: str
    question_count: int
    max_score: float
    started: float
    ended: float | None
    status: str  # "playing" (never finished: quit or killed), "finished" or "abandoned"
    score: float | None


class StoredAnswer(NamedTuple):
    """One attempt as stored. A NamedTuple: reports build 100,000 of these, and tuples are cheap."""

    game_id: str
    player: str
    bank_id: str
    bank_hash: str
    question_id: str
    question_type: str
    response_json: str  # kept encoded: reports rarely need it, and decoding 100,000 costs time
    response_text: str
    outcome: str  # an Outcome value: correct / partial / wrong
    fraction: float
    points: float
    max_points: float
    seconds: float
    attempt: int
    final: bool
    answered_at: float

    @property
    def response(self) -> Any:
        return json.loads(self.response_json)


class ResultStore(ResultSink, Protocol):
    """Durable storage for games and answers: a sink whose every write is committed before it
    returns, plus the queries reports need."""

    def games(
        self, *, bank_id: str | None = None, player: str | None = None
    ) -> Sequence[StoredGame]: ...

    def answers(
        self, *, bank_id: str | None = None, player: str | None = None
    ) -> Sequence[StoredAnswer]: ...

    def close(self) -> None: ...
