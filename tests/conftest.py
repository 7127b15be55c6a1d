"""Shared fixtures: the bundled bank and article, and isolation from the user's real files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quizgame.bank.bundled import bundled_dir
from quizgame.bank.loaded import LoadedBank
from quizgame.bank.loader import load_bank

REPO = Path(__file__).resolve().parent.parent
BUNDLED_BANK = bundled_dir() / "kremlin-peacekeepers.yaml"
SEED_ARTICLE = bundled_dir() / "kremlin-peacekeepers.txt"


@pytest.fixture(autouse=True)
def _isolate_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """No test may read or write the real user's config, data or results."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("QUIZGAME_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("QUIZGAME_DB", str(home / "results.sqlite3"))
    monkeypatch.setenv("QUIZGAME_CACHE_DIR", str(home / "cache"))
    yield


@pytest.fixture(scope="session")
def loaded_bank() -> LoadedBank:
    result = load_bank(BUNDLED_BANK)
    assert result.loaded is not None, [d.format() for d in result.diagnostics]
    return result.loaded
