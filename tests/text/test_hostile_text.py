"""The hostile corpus outside the TUI: the display rule itself, plain mode, and `quizgame check`.

The rule (quizgame.text.safe): control characters are shown as visible pictures (ESC → ␛),
everything else — markup-like brackets, RTL, zero-width characters, emoji — exactly as written.
"""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quizgame.bank.loader import load_bank
from quizgame.cli import main
from quizgame.game.records import MemorySink
from quizgame.game.session import GameSession
from quizgame.play.plain import PlainGame
from quizgame.text.safe import one_line, visible, visible_data
from tests.data.hostile import HOSTILE, write_empty_article_bank, write_hostile_bank

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # what may never be printed


# --- the rule -----------------------------------------------------------------------------------


def test_controls_become_pictures_one_for_one() -> None:
    assert visible("a\x1b[31mb\x07") == "a␛[31mb␇"
    assert visible("\x00\x7f\x9b") == "␀␡\ufffd"
    assert visible("line\nnext\ttab\r") == "line\nnext\ttab␍"
    assert one_line("line\nnext\ttab") == "line␊next␉tab"
    assert visible_data("a\r\nb\x1b") == "a\r\nb␛"
    every = "".join(map(chr, range(0x00, 0xA0)))
    for show in (visible, one_line, visible_data):
        out = show(every)
        assert len(out) == len(every)  # evidence offsets stay valid
        assert not CONTROL.search(out.replace("\r", "") if show is visible_data else out)


@pytest.mark.parametrize("key", sorted(HOSTILE))
def test_non_control_text_is_left_exactly_as_written(key: str) -> None:
    text = HOSTILE[key]
    if not CONTROL.search(text):
        assert visible(text) is text or visible(text) == text
    for a, b in zip(text, visible(text), strict=True):
        assert a == b or CONTROL.match(a)


# --- plain mode ---------------------------------------------------------------------------------

TYPED = itertools.cycle([HOSTILE["ansi-osc8"], HOSTILE["controls"], HOSTILE["markup-click"]])


def reply(prompt: str) -> str:
    """A player who types hostile text wherever free text is allowed."""
    if prompt.startswith("Try again"):
        return "n"
    if prompt.startswith("True or false"):
        return "t"
    if prompt.startswith("Your answer"):
        return next(TYPED)
    return "A"


def test_plain_mode_prints_every_hostile_text_visibly(tmp_path: Path) -> None:
    result = load_bank(write_hostile_bank(tmp_path))
    assert result.loaded is not None and result.ok
    out: list[str] = []
    session = GameSession(result.loaded, player=HOSTILE["rtl-arabic"], sink=MemorySink(), seed=1)

    def read(prompt: str) -> str:
        out.append(prompt)
        return reply(prompt)

    game = PlainGame(session, read=read, write=out.append)
    assert game.play() == 0
    text = "\n".join(out)
    assert not CONTROL.search(text)
    for pq in session.questions:
        q: Any = pq.question
        assert visible(q.prompt) in text
        assert visible(f"Why: {q.explanation}") in text
        for choice in pq.choices:
            assert visible(choice) in text
    assert "Your answer: ␛]8;;http://evil.example␛\\a link␛]8;;␛\\" in text
    assert "[@click=app.quit]click me[/]" in text
    assert "] Passage about ansi-colour: ␛[31mred text␛[0m" in text
    assert "— Summary —" in text


def test_plain_mode_command_line_end_to_end(tmp_path: Path) -> None:
    bank = write_hostile_bank(tmp_path)
    questions = len(HOSTILE)
    stdin = "\n".join(["n", "A", HOSTILE["ansi-clear"], "t"] * questions * 4) + "\n"
    args = ["play", "--plain", str(bank), "--seed", "3", "--name", HOSTILE["ansi-title"]]
    run = subprocess.run(
        [sys.executable, "-m", "quizgame", *args, "--db", str(tmp_path / "r.sqlite3")],
        input=stdin.encode(),
        capture_output=True,
        timeout=120,
    )
    out = run.stdout.decode()
    assert run.returncode == 0, run.stderr.decode()
    assert not CONTROL.search(out) and not CONTROL.search(run.stderr.decode())
    assert "[bold]Hostile[/] ␛[31mbank" in out
    assert "Score:" in out


def test_empty_article_bank_is_refused_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = write_empty_article_bank(tmp_path)
    assert main(["check", str(bank)]) == 1
    out = capsys.readouterr().out
    assert re.search(r"empty-article\.yaml:\d+:\d+: error: evidence quote not found", out)
    assert "the article has no text to quote" in out
    assert main(["play", "--plain", str(bank), "--name", "x"]) == 1
    captured = capsys.readouterr()
    assert "cannot be played" in captured.err and "Traceback" not in captured.err


def test_check_accepts_the_hostile_bank_and_prints_problems_safely(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = write_hostile_bank(tmp_path)
    assert main(["check", str(bank)]) == 0
    capsys.readouterr()
    broken = bank.read_text(encoding="utf-8").replace(
        "answer: '[bold]not bold[/bold]'", "answer: x"
    )
    for key in ("ansi-clear", "controls", "ansi-osc8"):  # wrong answers, holding raw escapes
        broken += f'\n- {{id: bad-{key}, type: choice, prompt: "p", choices: ["a", "b"],'
        broken += f" answer: {yaml_quoted(HOSTILE[key])}, explanation: e,"
        broken += f" evidence: {yaml_quoted('Passage about ' + key)}}}"
    bank.write_text(broken, encoding="utf-8")
    assert main(["check", str(bank)]) == 1
    out = capsys.readouterr().out
    assert "is not among the choices" in out
    assert not CONTROL.search(out)


def yaml_quoted(text: str) -> str:
    import json

    return json.dumps(text)  # a JSON string is a YAML double-quoted scalar
