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
    return sorted(playcache.cache_dir().glob("*.json"))


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
    only.write_bytes(b"not JSON")
    assert playcache.cached(bank) is None
    assert bank_entry(bank).loaded is not None
    (only,) = entries()
    only.write_bytes(b"null")  # valid JSON, not an entry
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
        "import quizgame.tui.app  # the game itself (kinds, session, screens) needs no YAML either\n"
        f"entry = bank_entry(Path({str(bank)!r}))\n"
        "assert entry.loaded is not None\n"
        "print(sorted(m for m in ('yaml', 'quizgame.bank.loader', 'quizgame.bank.yamlnodes',"
        " 'quizgame.bank.yamlparse',"
        " 'pydantic.plugin._loader') if m in sys.modules))\n"
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


# --- data, not code; a private folder --------------------------------------------------------------


class _Planted:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (exec, ("import pathlib; pathlib.Path('PWNED').write_text('ran')",))


def test_a_planted_pickle_is_never_run(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pickle

    bank_entry(bank)
    (only,) = entries()
    monkeypatch.chdir(bank.parent)
    only.write_bytes(pickle.dumps(_Planted()))
    only.with_suffix(".pickle").write_bytes(pickle.dumps(_Planted()))  # the old entry name too
    assert playcache.cached(bank) is None
    assert bank_entry(bank).loaded is not None
    assert not (bank.parent / "PWNED").exists()


def test_the_entry_is_plain_json_data(bank: Path) -> None:
    import json

    first = bank_entry(bank).loaded
    assert first is not None
    (only,) = entries()
    data = json.loads(only.read_text(encoding="utf-8"))
    assert data["bank"]["title"] == first.bank.title
    assert playcache.cached(bank) == first  # bank, article passages and evidence all equal


@pytest.mark.parametrize(
    "tamper",
    [
        lambda d: d["passages"][0].__setitem__(3, 10**9),  # a span past the article's end
        lambda d: d["evidence"].__setitem__("x", [["q", "p999", "body", [[0, 1]]]]),
        lambda d: d["bank"].__setitem__("questions", "not a list"),
        lambda d: d["passages"][0].__setitem__(1, "no-such-kind"),
        lambda d: d.__setitem__("article_sha256", "0" * 64),
        lambda d: d.__setitem__("passages", {"a": 1}),
        lambda d: d["bank"].__setitem__("title", 42),
        lambda d: d["bank"]["questions"][0].__setitem__("type", "essay"),
        lambda d: d["bank"]["questions"][0].__setitem__("points", "many"),
        lambda d: d["bank"]["questions"][0].__setitem__("surprise", 1),
        lambda d: d["bank"]["questions"][0].pop("prompt"),
        lambda d: d["bank"].__setitem__("settings", {"mode": "chaos"}),
    ],
)
def test_a_tampered_entry_is_a_miss(bank: Path, tamper: object) -> None:
    import json

    bank_entry(bank)
    (only,) = entries()
    data = json.loads(only.read_text(encoding="utf-8"))
    tamper(data)  # type: ignore[operator]
    only.write_text(json.dumps(data), encoding="utf-8")
    assert playcache.cached(bank) is None
    assert bank_entry(bank).loaded is not None


def test_a_folder_owned_by_another_user_is_not_used(
    bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank_entry(bank)
    assert playcache.cached(bank) is not None
    monkeypatch.setattr(os, "getuid", lambda: os.stat(playcache.cache_dir()).st_uid + 1)
    assert not playcache.private_folder(playcache.cache_dir())
    assert playcache.cached(bank) is None


@pytest.mark.parametrize("mode", [0o777, 0o755, 0o770, 0o701])
def test_an_existing_folder_open_to_others_is_neither_read_nor_written(
    bank: Path, mode: int
) -> None:
    bank_entry(bank)
    folder = playcache.cache_dir()
    assert len(entries()) == 1 and playcache.cached(bank) is not None
    folder.chmod(mode)  # e.g. a QUIZGAME_CACHE_DIR someone else can write to
    assert playcache.cached(bank) is None  # its entries are not trusted
    (folder / "x.json").unlink(missing_ok=True)
    for old in entries():
        old.unlink()
    assert bank_entry(bank).loaded is not None
    assert entries() == []  # nor written to
    folder.chmod(0o700)
    bank_entry(bank)
    assert len(entries()) == 1


def test_a_symlinked_cache_folder_is_not_used(
    bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    link = tmp_path / "link"
    link.symlink_to(real)
    monkeypatch.setenv("QUIZGAME_CACHE_DIR", str(link))
    assert bank_entry(bank).loaded is not None
    assert list(real.iterdir()) == []


def test_fields_left_out_are_filled_in_as_validation_would(bank: Path) -> None:
    """Defaults (a factory's list, a whole `Settings`) come back equal, fields-set included."""
    text = bank.read_text(encoding="utf-8")
    start = text.index("settings:")
    end = text.index("\n\n", start)
    bank.write_text(text[:start] + text[end + 2 :], encoding="utf-8")  # no `settings:` at all
    loaded = bank_entry(bank).loaded
    again = playcache.cached(bank)
    assert loaded is not None and again is not None
    assert again.bank == loaded.bank
    assert again.bank.settings == loaded.bank.settings and again.bank.settings.max_attempts == 2
    assert again.bank.model_fields_set == loaded.bank.model_fields_set
    for mine, theirs in zip(again.bank.questions, loaded.bank.questions, strict=True):
        assert mine.model_fields_set == theirs.model_fields_set
        assert mine.tags == theirs.tags
