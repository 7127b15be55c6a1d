"""`quizgame results --copy-to postgresql://…`: move a machine's SQLite results onto the school server.

Rows are copied as they are (scores, statuses, attempts, times) in one transaction, so the server
has all of them or none; rows already there are kept, so copying twice adds nothing twice. Then the
server is read back and every copied game and answer is looked for: the copy is reported done only
when the counts match.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quizgame.results.loading import read_results
from quizgame.results.store import StoreError


@dataclass(frozen=True)
class CopyReport:
    games: int
    answers: int
    target_games: int
    target_answers: int
    missing_games: int
    missing_answers: int
    notes: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return self.missing_games == 0 and self.missing_answers == 0


def copy_results(source: str | Path | None, target: str) -> CopyReport:
    """Copy every game and answer of `source` into the PostgreSQL database at `target`."""
    from quizgame.results.postgres_store import PostgresStore
    from quizgame.results.urls import is_postgres_url, redact

    if not is_postgres_url(target):
        raise StoreError(f"--copy-to takes a postgresql://… URL, not {target!r}")
    read = read_results(source)
    if is_postgres_url(str(source)) and redact(str(source)) == redact(target):
        raise StoreError("--copy-to names the database the results are read from")
    store = PostgresStore(target)
    try:
        store.import_rows(read.games, read.answers)
        games = {g.game_id for g in store.games()}
        answers = {(a.game_id, a.question_id, a.attempt) for a in store.answers()}
    finally:
        store.close()
    missing_games = sum(1 for g in read.games if g.game_id not in games)
    missing_answers = sum(
        1 for a in read.answers if (a.game_id, a.question_id, a.attempt) not in answers
    )
    return CopyReport(
        len(read.games),
        len(read.answers),
        len(games),
        len(answers),
        missing_games,
        missing_answers,
        read.notes,
    )
