"""The results store's interface: what every engine (SQLite, PostgreSQL) offers.

The game only ever sees a `ResultSink`; reports only ever see `StoredGame`/`StoredAnswer` rows. So a
new engine is one class implementing `ResultStore`, and neither the game nor the reports change.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from quizgame.game.records import AnswerRecord, GameInfo, ResultSink

if TYPE_CHECKING:
    from quizgame.results.history import PlayerHistory


class StoreError(Exception):
    """The store cannot be used; the message is meant for the user, as is."""


class NewerSchemaError(StoreError):
    """The database was written by a newer quizgame: refusing beats silently corrupting it."""


class CorruptStoreError(StoreError):
    """The file is damaged or is not a quizgame results database."""


class DamagedStoreError(CorruptStoreError):
    """An SQLite results file whose pages SQLite cannot read: part of it may still be readable."""


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
    class_session: str | None = None  # the class session (class mode) the game was played in


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
    class_session: str | None = None

    @property
    def response(self) -> Any:
        return json.loads(self.response_json)


# The columns every engine stores and reads back, in StoredGame / StoredAnswer order.
GAME_COLUMNS = (
    "game_id, player, bank_id, bank_hash, bank_title, mode, question_count, max_score, "
    "started, ended, status, score, class_session"
)
ANSWER_COLUMNS = (
    "game_id, player, bank_id, bank_hash, question_id, question_type, response, response_text, "
    "outcome, fraction, points, max_points, seconds, attempt, final, answered_at, class_session"
)


def game_params(info: GameInfo) -> tuple[Any, ...]:
    """The INSERT parameters of a new game (GAME_COLUMNS up to `started`, then class_session)."""
    return (
        info.game_id,
        info.player,
        info.bank_id,
        info.bank_hash,
        info.bank_title,
        str(info.mode),
        info.question_count,
        info.max_score,
        info.started,
        getattr(info, "class_session", None),  # class mode tags its games; absent elsewhere
    )


def answer_params(record: AnswerRecord) -> tuple[Any, ...]:
    """The INSERT parameters of one answer, in ANSWER_COLUMNS order."""
    return (
        record.game_id,
        record.player,
        record.bank_id,
        record.bank_hash,
        record.question_id,
        record.question_type,
        json.dumps(record.response, ensure_ascii=False, sort_keys=True),
        record.response_text,
        str(record.outcome),
        record.fraction,
        record.points,
        record.max_points,
        record.seconds,
        record.attempt,
        1 if record.final else 0,
        record.answered_at,
        getattr(record, "class_session", None),
    )


def answer_params_of_row(a: StoredAnswer) -> tuple[Any, ...]:
    """A stored answer back as INSERT parameters (copying between stores)."""
    return (*a[:14], 1 if a.final else 0, *a[15:])


def answer_row(r: Sequence[Any]) -> StoredAnswer:
    """A stored answer from a row in ANSWER_COLUMNS order (`final` is stored as 0/1)."""
    return StoredAnswer._make((*r[:14], bool(r[14]), *r[15:]))


class Regrade(NamedTuple):
    """One stored answer's mark before and after a regrade."""

    game_id: str
    question_id: str
    attempt: int
    player: str
    bank_id: str
    old_outcome: str
    old_fraction: float
    old_points: float
    new_outcome: str
    new_fraction: float
    new_points: float

    def history(self, bank_hash: str, when: float) -> tuple[Any, ...]:
        return (*self[:5], bank_hash, *self[5:], when)

    def update(self) -> tuple[Any, ...]:
        return (self.new_outcome, self.new_fraction, self.new_points, *self[:3])


REGRADE_INSERT = (
    "INSERT INTO regrades (game_id, question_id, attempt, player, bank_id, bank_hash, "
    "old_outcome, old_fraction, old_points, new_outcome, new_fraction, new_points, regraded_at) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
)
REGRADE_UPDATE = (
    "UPDATE answers SET outcome = %s, fraction = %s, points = %s "
    "WHERE game_id = %s AND question_id = %s AND attempt = %s"
)
# A regraded game's stored score follows its answers, as the reports count it: the sum of the points
# of each question's last attempt. Without it the player's personal best (read from `games`)
# would keep the mark the regrade replaced. Unfinished games have no score to follow.
GAME_RESCORE = (
    "UPDATE games SET score = (SELECT COALESCE(SUM(a.points), 0) FROM answers a "
    "WHERE a.game_id = games.game_id AND a.attempt = (SELECT MAX(b.attempt) FROM answers b "
    "WHERE b.game_id = a.game_id AND b.question_id = a.question_id)) "
    "WHERE game_id = %s AND score IS NOT NULL"
)
REGRADE_SELECT = (
    "SELECT game_id, question_id, attempt, player, bank_id, bank_hash, old_outcome, "
    "old_fraction, old_points, new_outcome, new_fraction, new_points, regraded_at "
    "FROM regrades ORDER BY id"
)


class ResultStore(ResultSink, Protocol):
    """Durable storage for games and answers: a sink whose every write is committed before it
    returns, plus the queries reports need."""

    def games(
        self, *, bank_id: str | None = None, player: str | None = None
    ) -> Sequence[StoredGame]: ...

    def answers(
        self, *, bank_id: str | None = None, player: str | None = None
    ) -> Sequence[StoredAnswer]: ...

    def player_history(self, player: str, bank_id: str) -> PlayerHistory | None:
        """This player's own best, last game and unfinished game of this bank id (every version).

        Reads only the named player's rows (a served game must not see anyone else's)."""
        ...

    def close(self) -> None: ...

    @property
    def schema_version(self) -> int: ...

    def apply_regrade(self, changes: Sequence[Regrade], bank_hash: str, when: float) -> None: ...

    def regrades(self) -> list[tuple[Any, ...]]: ...

    @property
    def location(self) -> str:
        """Where the store is, for messages (a path, or a URL without its password)."""
        ...
