"""The play cache: a bank loaded once is played again without YAML, validation or article parsing,
and any change to the bank or its article, or a broken cache, falls back to a full load."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quizgame.bank import playcache
from quizgame.play.bank_list import bank_entry
from tests.conftest import BUNDLED_BANK, REPO, SEED_ARTICLE


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    shutil.copy(BUNDLED_BANK, tmp_path / "bank.yaml")
    shutil.copy(SEED_ARTICLE, tmp_path / SEED_ARTICLE.name)
    text = (tmp_path / "bank.yaml").read_text(encoding="utf-8")
    article_line = next(line for line in text.splitlines() if line.startswith("article:"))
    (tmp_path / "bank.yaml").write_text(
        text.replace(article_line, f"article: {SEED_ARTICLE.name}"), encoding="utf-8"
    )
    return tmp_path / "bank.yaml"


def entries() -> list[Path]:
    return sorted(playcache.cache_dir().glob("*.pickle"))


def test_a_played_bank_is_stored_and_read_back_equal(bank: Path) -> None:
    assert playcache.cached(bank) is None
    first = bank_entry(bank)
    assert first.loaded is not None and len(entries()) == 1
    again = playcache.cached(bank)
    assert again is not None
    assert again.bank == first.loaded.bank
    assert again.article.text == first.loaded.article.text
    assert again.evidence == first.loaded.evidence
    assert again.content_hash == first.loaded.content_hash
    assert bank_entry(bank).loaded == again


def test_a_changed_bank_or_article_is_loaded_again(bank: Path) -> None:
    bank_entry(bank)
    article = bank.parent / SEED_ARTICLE.name
    article.write_text(article.read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
    assert playcache.cached(bank) is None  # the article changed
    bank_entry(bank)
    assert playcache.cached(bank) is not None
    bank.write_text(bank.read_text(encoding="utf-8").replace("title:", "title: New"), "utf-8")
    assert playcache.cached(bank) is None  # the bank changed
    entry = bank_entry(bank)
    assert entry.loaded is not None and entry.title.startswith("New")
    assert len(entries()) == 1  # the entry for the old version is gone


def test_a_bank_with_errors_is_never_stored(bank: Path) -> None:
    bank.write_text(bank.read_text(encoding="utf-8") + "\nbogus: 1\n", encoding="utf-8")
    entry = bank_entry(bank)
    assert entry.error and entry.loaded is None
    assert entries() == []


def test_a_corrupt_or_foreign_entry_is_a_miss_and_the_game_still_loads(bank: Path) -> None:
    bank_entry(bank)
    (only,) = entries()
    only.write_bytes(b"not a pickle")
    assert playcache.cached(bank) is None
    assert bank_entry(bank).loaded is not None
    (only,) = entries()
    only.write_bytes(b"\x80\x04N.")  # a valid pickle of None
    assert playcache.cached(bank) is None


def test_an_unwritable_cache_folder_is_skipped(
    bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("QUIZGAME_CACHE_DIR", str(blocker / "cache"))
    assert bank_entry(bank).loaded is not None
    assert playcache.cached(bank) is None


def test_the_cache_can_be_switched_off(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZGAME_NO_CACHE", "1")
    assert bank_entry(bank).loaded is not None
    assert entries() == []


def test_a_cached_game_needs_neither_yaml_nor_the_loader(bank: Path) -> None:
    bank_entry(bank)
    code = (
        "import sys; from pathlib import Path\n"
        "from quizgame.play.bank_list import bank_entry\n"
        f"entry = bank_entry(Path({str(bank)!r}))\n"
        "assert entry.loaded is not None\n"
        "print(sorted(m for m in ('yaml', 'quizgame.bank.loader', 'quizgame.bank.yamlnodes') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env=dict(os.environ),
        timeout=60,
    )
    assert out.stdout.strip() == "[]", out.stderr


def test_a_file_saved_again_while_loading_is_not_stored_under_its_new_bytes(bank: Path) -> None:
    from quizgame.bank.loader import load_bank

    loaded = load_bank(bank).loaded
    assert loaded is not None
    bank.write_text(bank.read_text(encoding="utf-8").replace("title:", "title: Newer"), "utf-8")
    playcache.store(bank, loaded)  # the bank changed after it was loaded
    assert entries() == []
    loaded = load_bank(bank).loaded
    assert loaded is not None
    article = bank.parent / SEED_ARTICLE.name
    article.write_text(article.read_text(encoding="utf-8") + "\nLate line.\n", encoding="utf-8")
    playcache.store(bank, loaded)  # the article changed after it was loaded
    assert entries() == []
    playcache.store(bank, load_bank(bank).loaded or loaded)
    assert len(entries()) == 1
