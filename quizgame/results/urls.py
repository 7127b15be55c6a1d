"""Telling a PostgreSQL URL from an SQLite path, and showing one without its password.

Apart from `postgres_store` so that choosing the engine (`quizgame.results.resolve_db`, on every
game start) does not import the PostgreSQL store and its migrations, which a game on SQLite never
uses (issue 14: start-up imports only what the first question needs).
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit


def is_postgres_url(value: object) -> bool:
    return isinstance(value, str) and value.startswith(("postgresql://", "postgres://"))


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[1]}"))
