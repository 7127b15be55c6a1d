"""One player's own history with one bank: best score, last played, and a game left unfinished.

Results name a bank by its id (file name) and content hash; like the reports, every version of a
bank id counts together, so editing a bank does not lose the player's best. Only a game of the
bank's current version can be resumed (its question ids and points are the ones being played).
The query only ever reads the named player's rows: a served game never sees anyone else's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quizgame.game.records import PriorAnswer
from quizgame.results.store import StoredAnswer, StoredGame


@dataclass(frozen=True)
class UnfinishedGame:
    """The player's latest game of this bank, left before the end, and what it already holds."""

    game_id: str
    bank_hash: str
    mode: str
    question_count: int
    answers: tuple[PriorAnswer, ...]  # each question's latest attempt, in the order answered

    @property
    def next_number(self) -> int:
        """The question the game resumes at (1-based)."""
        return len(self.answers) + 1


@dataclass(frozen=True)
class PlayerHistory:
    best_score: float | None  # over finished games of every version; None: never finished one
    best_max: float
    last_played: float | None  # when the latest game (finished or not) started
    unfinished: UnfinishedGame | None = None

    @property
    def best_percent(self) -> float | None:
        if self.best_score is None or self.best_max <= 0:
            return None
        return 100.0 * self.best_score / self.best_max


def history_of(
    games: Sequence[StoredGame], answers: Sequence[StoredAnswer]
) -> PlayerHistory | None:
    """The history from one player's games and answers of one bank id (None: never played it)."""
    if not games:
        return None
    best: StoredGame | None = None
    for g in games:
        if g.status != "finished" or g.score is None or g.max_score <= 0:
            continue
        if best is None or g.score / g.max_score > (best.score or 0.0) / best.max_score:
            best = g
    latest = max(games, key=lambda g: (g.started, g.game_id))
    return PlayerHistory(
        best.score if best is not None else None,
        best.max_score if best is not None else 0.0,
        latest.started,
        _unfinished(latest, answers),
    )


def _unfinished(game: StoredGame, answers: Sequence[StoredAnswer]) -> UnfinishedGame | None:
    """The latest game when it can be resumed: not finished, not a class game, some answers given,
    some still to give."""
    if game.status == "finished" or game.class_session is not None:
        return None
    # Each question's latest attempt: moving on (or quitting) with a retry still on offer makes the
    # last attempt final in the game, though the store holds it as not final; its points are
    # already the best of the question's attempts.
    given: dict[str, PriorAnswer] = {}
    for a in answers:
        if a.game_id == game.game_id:
            given.pop(a.question_id, None)  # answers come in the order given: keep the latest
            given[a.question_id] = PriorAnswer(
                a.question_id,
                a.outcome,
                a.fraction,
                a.points,
                a.attempt,
                a.response_text,
                a.seconds,
            )
    if not given or len(given) >= game.question_count:
        return None
    return UnfinishedGame(
        game.game_id, game.bank_hash, game.mode, game.question_count, tuple(given.values())
    )


def read_history(db: str | None, player: str, bank_id: str) -> PlayerHistory | None:
    """The player's history from the store at `db` (None when there is no store or it cannot be
    read: history is a nicety, never a reason to stop a game). Never creates or writes a store."""
    from quizgame.results import StoreError, open_store

    try:
        store = open_store(db, create=False, read_only=True)
    except (StoreError, OSError):
        return None
    try:
        return store.player_history(player, bank_id)
    except (StoreError, OSError):
        return None
    finally:
        store.close()
