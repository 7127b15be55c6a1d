"""`quizgame serve` without a browser: its arguments, checks and the command each visitor runs."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path
from typing import Any

import pytest

from quizgame.cli import main
from quizgame.commands import serve
from quizgame.serve import server as server_module
from tests.conftest import BUNDLED_BANK


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[server_module.QuizServer]:
    """Servers the command built; serve_forever returns at once."""
    servers: list[server_module.QuizServer] = []

    def fake_serve(self: server_module.QuizServer) -> None:
        servers.append(self)

    monkeypatch.setattr(server_module.QuizServer, "serve_forever", fake_serve)
    return servers


def test_localhost_by_default_and_each_visitor_runs_a_served_play(
    made: list[Any], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "results.sqlite3"
    assert main(["serve", "--db", str(db), str(BUNDLED_BANK)]) == 0
    (server,) = made
    assert server.host == "127.0.0.1" and server.port == 8000
    argv = shlex.split(server.command)
    assert argv[1:5] == ["-m", "quizgame", "play", "--served"]
    assert str(BUNDLED_BANK.resolve()) in argv
    assert f"--db {db.resolve()}" in server.command
    assert server.max_players == server_module.DEFAULT_MAX_PLAYERS
    assert server.title == "Kremlin denies Trump's peacekeeper claim — quizgame"
    err = capsys.readouterr().err
    assert "http://127.0.0.1:8000" in err and "warning" not in err


def test_any_other_host_must_be_explicit_and_warns(
    made: list[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--host", "0.0.0.0", "--port", "8123", "--max-players", "3"]) == 0
    assert made[0].host == "0.0.0.0" and made[0].max_players == 3
    assert "warning: listening on 0.0.0.0" in capsys.readouterr().err


def test_missing_textual_serve_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)  # import now fails
    assert main(["serve"]) == 1
    assert "pip install 'quizgame[serve]'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["nope.yaml"], 2, "file not found"),
        (["--max-players", "0"], 2, "--max-players 0: give at least 1"),
        (["--port", "70000"], 2, "not a port number"),
        (["--roster", "missing.txt"], 2, "class list file not found"),
    ],
)
def test_bad_arguments_are_refused_before_serving(
    made: list[Any],
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    code: int,
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["serve", *argv]) == code
    assert message in capsys.readouterr().err
    assert made == []


def test_game_command_quotes_paths(tmp_path: Path) -> None:
    bank = tmp_path / "my bank's file.yaml"
    roster = tmp_path / "class 7b.txt"
    args = argparse.Namespace(banks=[str(bank)], db=None, mode="exam", roster=str(roster))
    assert shlex.split(serve.game_command(args))[5:] == [
        str(bank.resolve()),
        "--mode",
        "exam",
        "--roster",
        str(roster.resolve()),
    ]


# --- quizgame class -------------------------------------------------------------------------


def test_class_builds_a_class_server_and_host(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from quizgame.serve import host_app

    ran: list[host_app.HostApp] = []
    monkeypatch.setattr(host_app.HostApp, "run", lambda self: ran.append(self))
    roster = tmp_path / "7b.txt"
    roster.write_text("Ada\nBo\n", encoding="utf-8")
    db = tmp_path / "r.sqlite3"
    argv = ["class", str(BUNDLED_BANK), "--join-code", "--roster", str(roster), "--db", str(db)]
    assert main(argv) == 0
    (app,) = ran
    session = app.host.session
    assert session.session_id.startswith("class-") and session.roster == ("Ada", "Bo")
    assert session.questions[0].id == "kremlin-refutes" and len(session.questions) > 10
    argv_game = shlex.split(app.server.command)
    assert argv_game[argv_game.index("--class-session") + 1] == session.session_id
    assert argv_game[argv_game.index("--join-code") + 1] == app.join_code
    assert len(app.join_code) == 4 and app.server.hooks is app.host
    assert (tmp_path / "class_sessions.sqlite3").exists()
    assert "ended: 0 joined" in capsys.readouterr().err
    assert "--class-pace" not in argv_game  # self-paced by default


def test_class_teacher_paced(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from quizgame.play.classroom import Pace
    from quizgame.serve import host_app

    ran: list[host_app.HostApp] = []
    monkeypatch.setattr(host_app.HostApp, "run", lambda self: ran.append(self))
    db = str(tmp_path / "r.sqlite3")
    assert main(["class", str(BUNDLED_BANK), "--pace", "teacher", "--db", db]) == 0
    (app,) = ran
    assert app.host.session.pace is Pace.TEACHER and app.join_code == ""
    assert shlex.split(app.server.command)[-2:] == ["--class-pace", "teacher"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--join-code", "12ab"], "give 3 to 8 digits"),
        (["--roster", "/nonexistent/7b.txt"], "class list file not found"),
    ],
)
def test_class_refuses_what_it_cannot_do(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    from quizgame.serve import host_app

    monkeypatch.setattr(host_app.HostApp, "run", lambda self: pytest.fail("must not run"))
    assert main(["class", str(BUNDLED_BANK), *extra]) == 2
    assert message in capsys.readouterr().err


def test_all_addresses_shows_this_computers_network_address(
    made: list[Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(serve, "lan_address", lambda: "192.168.1.20")
    assert main(["serve", "--host", "0.0.0.0", "--port", "8123"]) == 0
    assert made[0].public_url == "http://192.168.1.20:8123"  # not 0.0.0.0, which no browser opens
    assert "serving the game at http://192.168.1.20:8123" in capsys.readouterr().err
    assert made[0].origins.allows("http://192.168.1.20:8123", "192.168.1.20:8123")


def test_class_on_a_postgresql_store_keeps_no_side_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from quizgame.serve import host_app

    ran: list[host_app.HostApp] = []
    monkeypatch.setattr(host_app.HostApp, "run", lambda self: ran.append(self))
    monkeypatch.chdir(tmp_path)
    url = "postgresql://quizgame@db.school.lan/results"
    assert main(["class", str(BUNDLED_BANK), "--db", url]) == 0
    (app,) = ran
    assert app.host.log is None and list(tmp_path.iterdir()) == []  # no "postgresql:" folder
    argv = shlex.split(app.server.command)
    assert argv[argv.index("--db") + 1] == url
