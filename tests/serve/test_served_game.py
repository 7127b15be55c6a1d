"""A served game (one browser visitor): no teacher view, no shared preferences, the class list.

These drive the app with Pilot as `quizgame play --served` builds it; tests/serve/test_browser.py
checks the same through the real server in headless Chromium.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from quizgame.cli import main
from quizgame.play import prefs
from quizgame.play.roster import RosterError, parse_roster, read_roster
from quizgame.tui.screens.picker_screen import BankPickerScreen
from quizgame.tui.screens.play_screen import PlayScreen
from quizgame.tui.screens.player_screen import PlayerScreen
from tests.tui.driver import Game, screen_text


def _write_prefs(name: str) -> Path:
    path = prefs.prefs_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"name": name, "mode": "exam"}), encoding="utf-8")
    return path


async def test_served_bank_list_has_no_way_into_the_teacher_view(game: Game) -> None:
    app = game.app([], name=None, served=True, db="/tmp/never-opened.sqlite3")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BankPickerScreen)
        assert "Teacher view" not in screen_text(app)  # not offered in the key bar
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, BankPickerScreen)  # and the key does nothing
        app.open_teacher_view()  # nor can any other path reach it
        await pilot.pause()
        assert isinstance(app.screen, BankPickerScreen)


async def test_served_game_never_opens_the_teacher_view_even_if_asked(game: Game) -> None:
    app = game.app([], name=None, served=True, open_teacher=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BankPickerScreen)


async def test_served_game_neither_reads_nor_writes_preferences(game: Game) -> None:
    path = _write_prefs("Previous Student")
    before = path.read_bytes()
    app = game.app(name=None, served=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        field = app.screen.query_one("#name", Input)
        assert field.value == ""  # not the previous visitor's name
        for ch in "Bo":
            await pilot.press(ch)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert app.session is not None and app.session.player == "Bo"
        assert app.session.mode.value == "practice"  # the bank's mode, not the remembered exam
    assert path.read_bytes() == before  # nothing written for the next visitor to find


def test_play_served_flag_builds_a_served_app(monkeypatch: pytest.MonkeyPatch) -> None:
    from quizgame.tui import app as app_module

    made: list[app_module.QuizApp] = []
    monkeypatch.setattr(app_module.QuizApp, "run", lambda self: made.append(self))
    assert main(["play", "--served", "--name", "Ada"]) == 0
    (app,) = made
    assert app.served and not app.remember_player and app.player_name is None


async def test_roster_names_are_picked_not_typed(game: Game, tmp_path: Path) -> None:
    app = game.app(name=None, served=True, roster=("Ada Lovelace", "Bo Diddley"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        assert not app.screen.query(Input)  # no free typing of names
        names = app.screen.query_one("#roster", OptionList)
        assert names.option_count == 2
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.session is not None and app.session.player == "Bo Diddley"


def test_roster_files(tmp_path: Path) -> None:
    assert parse_roster("Ada\n\n# a comment\n  Bo   Diddley \nAda\n") == ("Ada", "Bo Diddley")
    assert parse_roster("id,name,class\n1,Ada,7b\n2,Bo,7b\n") == ("Ada", "Bo")
    assert parse_roster("Lovelace, Ada\nDiddley, Bo\n") == ("Lovelace", "Diddley")
    assert "\x1b" not in parse_roster("Ada\x1b[31m\n")[0]  # control characters never get through
    with pytest.raises(RosterError, match="no names"):
        parse_roster("# only a comment\n\n", "class.txt")
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 300_000)
    with pytest.raises(RosterError, match="over 256 KiB"):
        read_roster(big)
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\xff\xfe\x00A")
    with pytest.raises(RosterError, match="not UTF-8"):
        read_roster(binary)
