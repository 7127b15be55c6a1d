"""Which games belong to which class session, until the results store has its own column.

A small SQLite table in `class_sessions.sqlite3` beside the results database: one row per game
that joined a class (session tag, game id, player, when). The results store's games and answers
carry the same game id, so a report can show one class at a time by joining on it. When the
results schema gains its nullable `class_session` column this file can be folded into it.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

FILE_NAME = "class_sessions.sqlite3"


class ClassLog:
    def __init__(self, results_db: Path) -> None:
        self.path = results_db.parent / FILE_NAME
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS class_games ("
            " class_session TEXT NOT NULL, game_id TEXT NOT NULL, player TEXT NOT NULL,"
            " joined REAL NOT NULL, PRIMARY KEY (class_session, game_id))"
        )
        self._db.commit()

    def joined(self, class_session: str, game_id: str, player: str) -> None:
        if not game_id:
            return
        self._db.execute(
            "INSERT OR REPLACE INTO class_games VALUES (?, ?, ?, ?)",
            (class_session, game_id, player, time.time()),
        )
        self._db.commit()

    def games(self, class_session: str) -> list[tuple[str, str]]:
        """(game id, player) of every game in a class session."""
        rows = self._db.execute(
            "SELECT game_id, player FROM class_games WHERE class_session = ? ORDER BY joined",
            (class_session,),
        )
        return [(str(g), str(p)) for g, p in rows]

    def close(self) -> None:
        self._db.close()
