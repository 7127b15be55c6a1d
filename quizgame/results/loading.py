"""Reading stored results for a report: the one path `quizgame results` and `quizgame teacher` share.

Reports only read, so the store is opened read-only: that works on a read-only filesystem (a USB
stick, a mounted share) and never changes the file. A damaged SQLite file is not refused whole:
what can be read is read (results/salvage.py), and a note says what was lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quizgame.results import describe_db, open_store, resolve_db
from quizgame.results.store import DamagedStoreError, StoredAnswer, StoredGame, StoreError


class NoResultsYet(Exception):
    """Nobody has played yet: a normal state, not an error. The message says where we looked."""


@dataclass(frozen=True)
class ReadResults:
    games: list[StoredGame]
    answers: list[StoredAnswer]
    notes: tuple[str, ...]  # what the reader should know first (damage, an unreadable WAL)
    where: str  # the database, for messages


def read_results(
    db: str | Path | None = None, *, bank_id: str | None = None, player: str | None = None
) -> ReadResults:
    """Every stored game and answer (of one bank / player if given).

    Raises NoResultsYet when there is no database yet, StoreError when it cannot be read at all."""
    where = resolve_db(db)
    label = describe_db(where)
    if isinstance(where, Path) and not where.exists():
        raise NoResultsYet(
            f"No results yet: there is no results database at {label}. "
            "Answers are saved there as soon as someone plays."
        )
    try:
        store = open_store(where, create=False, read_only=True)
        try:
            games = list(store.games(bank_id=bank_id, player=player))
            answers = list(store.answers(bank_id=bank_id, player=player))
            notes = tuple(getattr(store, "notes", ()))
        finally:
            store.close()
    except DamagedStoreError:
        if not isinstance(where, Path):
            raise
        return _salvaged(where, label, bank_id, player)
    return ReadResults(games, answers, notes, label)


def _salvaged(path: Path, label: str, bank_id: str | None, player: str | None) -> ReadResults:
    from quizgame.results.salvage import salvage

    found = salvage(path)  # raises CorruptStoreError when nothing at all is readable

    def keep(row: StoredGame | StoredAnswer) -> bool:
        return (bank_id is None or row.bank_id == bank_id) and (
            player is None or row.player == player
        )

    games = [g for g in found.games if keep(g)]
    answers = [a for a in found.answers if keep(a)]
    return ReadResults(games, answers, (f"{label}: {found.note}",), label)


__all__ = ["NoResultsYet", "ReadResults", "StoreError", "read_results"]
