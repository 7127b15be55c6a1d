from __future__ import annotations

import pytest

from tests.tui.driver import Game


@pytest.fixture
def game() -> Game:
    return Game()


from tests.results.conftest import pg_server, pg_url  # noqa: E402, F401  (PostgreSQL fixtures)
