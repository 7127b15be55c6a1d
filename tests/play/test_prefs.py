"""Preferences: remembered, atomic, and never a reason to crash."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from quizgame.play.prefs import (
    Prefs,
    clean_name,
    config_dir,
    load_prefs,
    remember,
    save_prefs,
    starting_mode,
)


def test_config_dir_honours_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZGAME_CONFIG_DIR", str(tmp_path / "c"))
    assert config_dir() == tmp_path / "c"
    monkeypatch.delenv("QUIZGAME_CONFIG_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_dir() == tmp_path / "xdg" / "quizgame"


def test_round_trip_and_defaults(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "prefs.json"
    assert load_prefs(path) == Prefs()
    assert save_prefs(Prefs(name="Ada", mode="exam"), path)
    assert load_prefs(path) == Prefs(name="Ada", mode="exam")
    assert remember(name="Grace", path=path)
    assert load_prefs(path) == Prefs(name="Grace", mode="exam")
    assert not [p for p in path.parent.iterdir() if p.name != "prefs.json"]  # no temp files left


@pytest.mark.parametrize(
    "content", ["{not json", "[1, 2]", '{"name": 5, "mode": "chess"}', "\xff\xfe", ""]
)
def test_corrupt_file_gives_defaults(tmp_path: Path, content: str) -> None:
    path = tmp_path / "prefs.json"
    path.write_text(content, encoding="latin-1")
    assert load_prefs(path) == Prefs()
    assert remember(name="Ada", path=path)  # and is replaced by a good one
    assert json.loads(path.read_text(encoding="utf-8"))["name"] == "Ada"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_dir_is_not_an_error(tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        assert save_prefs(Prefs(name="Ada"), ro / "prefs.json") is False
    finally:
        ro.chmod(0o700)


def test_path_that_cannot_be_a_dir_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert save_prefs(Prefs(name="Ada"), blocker / "sub" / "prefs.json") is False
    assert load_prefs(blocker / "sub" / "prefs.json") == Prefs()


def test_clean_name() -> None:
    assert clean_name("  Ada\tLovelace\n") == "Ada Lovelace"
    assert clean_name("\x1b[31mred\x07") == "[31mred"
    assert clean_name("x" * 100) == "x" * 40
    assert clean_name("[b]Bob[/b]") == "[b]Bob[/b]"  # kept literally; shown as text, never markup


def test_starting_mode_asked_then_the_banks_own_then_remembered_then_default() -> None:
    from quizgame.bank.models import Settings

    plain = Settings()
    exam_bank = Settings.model_validate({"mode": "exam"})
    assert starting_mode(plain, "guided", "exam") == "guided"  # --mode wins
    assert starting_mode(exam_bank, None, "guided") == "exam"  # a teacher's explicit mode holds
    assert starting_mode(plain, None, "guided") == "guided"  # else the player's last choice
    assert starting_mode(plain, None, "") == "practice"
    assert starting_mode(plain, None, "bogus") == "practice"
