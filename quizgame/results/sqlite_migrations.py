"""The SQLite results store's schema, as versioned migrations (see `quizgame.results.sqlite_store`).

Kept apart from the store so the schema history reads as one list and the PostgreSQL twin
(`quizgame.results.pg_migrations`) can be compared with it entry by entry.
"""

from __future__ import annotations

# MIGRATIONS[n] takes the schema from version n to n + 1. Never edit a released entry: append one.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 0 → 1: games and answers.
    (
        """CREATE TABLE games (
            game_id        TEXT PRIMARY KEY,
            player         TEXT NOT NULL,
            bank_id        TEXT NOT NULL,
            bank_hash      TEXT NOT NULL,
            bank_title     TEXT NOT NULL,
            mode           TEXT NOT NULL,
            question_count INTEGER NOT NULL,
            max_score      REAL NOT NULL,
            started        REAL NOT NULL,
            ended          REAL,
            status         TEXT NOT NULL DEFAULT 'playing'
                           CHECK (status IN ('playing', 'finished', 'abandoned')),
            score          REAL
        )""",
        """CREATE TABLE answers (
            id            INTEGER PRIMARY KEY,
            game_id       TEXT NOT NULL,
            player        TEXT NOT NULL,
            bank_id       TEXT NOT NULL,
            bank_hash     TEXT NOT NULL,
            question_id   TEXT NOT NULL,
            question_type TEXT NOT NULL,
            response      TEXT NOT NULL,
            response_text TEXT NOT NULL,
            outcome       TEXT NOT NULL CHECK (outcome IN ('correct', 'partial', 'wrong')),
            fraction      REAL NOT NULL,
            points        REAL NOT NULL,
            max_points    REAL NOT NULL,
            seconds       REAL NOT NULL,
            attempt       INTEGER NOT NULL,
            final         INTEGER NOT NULL CHECK (final IN (0, 1)),
            answered_at   REAL NOT NULL,
            UNIQUE (game_id, question_id, attempt)
        )""",
        "CREATE INDEX answers_by_bank ON answers (bank_id, bank_hash)",
        "CREATE INDEX answers_by_player ON answers (player)",
        "CREATE INDEX games_by_bank ON games (bank_id, bank_hash)",
        "CREATE INDEX games_by_player ON games (player)",
    ),
    # 1 → 2: which class session (quizgame serve / class mode) a game and its answers belong to.
    (
        "ALTER TABLE games ADD COLUMN class_session TEXT",
        "ALTER TABLE answers ADD COLUMN class_session TEXT",
    ),
    # 2 → 3: regrade history — every mark a regrade replaced, kept.
    (
        """CREATE TABLE regrades (
            id           INTEGER PRIMARY KEY,
            game_id      TEXT NOT NULL,
            question_id  TEXT NOT NULL,
            attempt      INTEGER NOT NULL,
            player       TEXT NOT NULL,
            bank_id      TEXT NOT NULL,
            bank_hash    TEXT NOT NULL,
            old_outcome  TEXT NOT NULL,
            old_fraction REAL NOT NULL,
            old_points   REAL NOT NULL,
            new_outcome  TEXT NOT NULL,
            new_fraction REAL NOT NULL,
            new_points   REAL NOT NULL,
            regraded_at  REAL NOT NULL
        )""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

__all__ = ["MIGRATIONS", "SCHEMA_VERSION"]
