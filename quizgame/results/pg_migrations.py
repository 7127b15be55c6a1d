"""The PostgreSQL results store's schema, as versioned migrations (see `quizgame.results.postgres_store`).

Everything lives in its own schema (`SCHEMA`); the list is kept in step with
`quizgame.results.sqlite_migrations.MIGRATIONS`, entry by entry.
"""

from __future__ import annotations

SCHEMA = "quizgame"

# PG_MIGRATIONS[n] takes the schema from version n to n + 1, in step with sqlite_migrations.MIGRATIONS.
PG_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}",
        f"CREATE TABLE {SCHEMA}.meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        f"""CREATE TABLE {SCHEMA}.games (
            game_id        TEXT PRIMARY KEY,
            player         TEXT NOT NULL,
            bank_id        TEXT NOT NULL,
            bank_hash      TEXT NOT NULL,
            bank_title     TEXT NOT NULL,
            mode           TEXT NOT NULL,
            question_count INTEGER NOT NULL,
            max_score      DOUBLE PRECISION NOT NULL,
            started        DOUBLE PRECISION NOT NULL,
            ended          DOUBLE PRECISION,
            status         TEXT NOT NULL DEFAULT 'playing'
                           CHECK (status IN ('playing', 'finished', 'abandoned')),
            score          DOUBLE PRECISION
        )""",
        f"""CREATE TABLE {SCHEMA}.answers (
            id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            game_id       TEXT NOT NULL,
            player        TEXT NOT NULL,
            bank_id       TEXT NOT NULL,
            bank_hash     TEXT NOT NULL,
            question_id   TEXT NOT NULL,
            question_type TEXT NOT NULL,
            response      TEXT NOT NULL,
            response_text TEXT NOT NULL,
            outcome       TEXT NOT NULL CHECK (outcome IN ('correct', 'partial', 'wrong')),
            fraction      DOUBLE PRECISION NOT NULL,
            points        DOUBLE PRECISION NOT NULL,
            max_points    DOUBLE PRECISION NOT NULL,
            seconds       DOUBLE PRECISION NOT NULL,
            attempt       INTEGER NOT NULL,
            final         SMALLINT NOT NULL CHECK (final IN (0, 1)),
            answered_at   DOUBLE PRECISION NOT NULL,
            UNIQUE (game_id, question_id, attempt)
        )""",
        f"CREATE INDEX answers_by_bank ON {SCHEMA}.answers (bank_id, bank_hash)",
        f"CREATE INDEX answers_by_player ON {SCHEMA}.answers (player)",
        f"CREATE INDEX games_by_bank ON {SCHEMA}.games (bank_id, bank_hash)",
        f"CREATE INDEX games_by_player ON {SCHEMA}.games (player)",
    ),
    (
        f"ALTER TABLE {SCHEMA}.games ADD COLUMN class_session TEXT",
        f"ALTER TABLE {SCHEMA}.answers ADD COLUMN class_session TEXT",
    ),
    (
        f"""CREATE TABLE {SCHEMA}.regrades (
            id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            game_id      TEXT NOT NULL,
            question_id  TEXT NOT NULL,
            attempt      INTEGER NOT NULL,
            player       TEXT NOT NULL,
            bank_id      TEXT NOT NULL,
            bank_hash    TEXT NOT NULL,
            old_outcome  TEXT NOT NULL,
            old_fraction DOUBLE PRECISION NOT NULL,
            old_points   DOUBLE PRECISION NOT NULL,
            new_outcome  TEXT NOT NULL,
            new_fraction DOUBLE PRECISION NOT NULL,
            new_points   DOUBLE PRECISION NOT NULL,
            regraded_at  DOUBLE PRECISION NOT NULL
        )""",
    ),
)

__all__ = ["PG_MIGRATIONS", "SCHEMA"]
