from __future__ import annotations

import pytest

from tests.tui.driver import Game


@pytest.fixture
def game() -> Game:
    return Game()
