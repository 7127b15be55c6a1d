"""Plain line mode, driven through stdin like a screen-reader user or a script would."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from quizgame.bank.loaded import LoadedBank
from quizgame.cli import main
from quizgame.game.records import MemorySink
from quizgame.game.session import GameSession
from quizgame.play.plain import PlainGame
from tests.answers import response
from tests.conftest import BUNDLED_BANK


def right_answers(loaded: LoadedBank) -> list[str]:
    """The input lines that answer the bundled bank right, in bank order (no shuffling there)."""
    session = GameSession(loaded, player="t")
    lines: list[str] = []
    letter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    for pq in session.questions:
        resp = response(pq, "right")
        if pq.type == "choice":
            lines.append(letter[pq.choices.index(resp)])
        elif pq.type == "truefalse":
            lines.append("t" if resp else "f")
        elif pq.type == "multi":
            lines.append(" ".join(letter[i] for i, c in enumerate(pq.choices) if c in resp))
        elif pq.type == "short":
            lines.append(resp)
        elif pq.type == "match":
            lines.extend(letter[pq.match_right.index(resp[left])] for left in pq.match_left)
        elif pq.type == "evidence":
            lines.append(letter[pq.choices.index(resp[0])])
            lines.append(letter[pq.part_b_choices.index(resp[1])])
        elif pq.type == "numeric":
            lines.append(resp)
        elif pq.type == "order":
            lines.append(" ".join(str(pq.order_items.index(i) + 1) for i in resp))
        elif pq.type == "cloze":
            for fill, options in zip(resp, pq.gap_options, strict=True):
                lines.append(letter[options.index(fill)] if options else fill)
    return lines


def play(loaded: LoadedBank, lines: list[str], mode: str = "practice") -> tuple[str, MemorySink]:
    sink = MemorySink()
    session = GameSession(loaded, mode=mode, player="Ada", sink=sink)
    feed = iter(lines)
    out: list[str] = []

    def read(prompt: str) -> str:
        out.append(prompt)
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    assert PlainGame(session, read=read, write=out.append).play() == 0
    return "\n".join(out), sink


def test_all_right_practice(loaded_bank: LoadedBank) -> None:
    text, sink = play(loaded_bank, right_answers(loaded_bank))
    assert text.count("✓ Correct") >= 21
    assert "✗" not in text.split("— Summary —")[0]
    assert "Score: 21 / 21 points (100%), 21 of 21 right" in text
    # evidence: the exact quoted words with their passage id
    assert "Evidence p1: “The Kremlin on Tuesday refuted President Trump’s claim" in text
    assert "[p19] The White House did not respond" in text  # the article, passages numbered
    assert len(sink.answers) == 21 and sink.finished[0][3] is True


def test_wrong_then_retry_and_invalid_input(loaded_bank: LoadedBank) -> None:
    lines = ["Z", "9", "A", "y", "B"]  # two invalid keys, a wrong answer, retry, right answer
    text, sink = play(loaded_bank, lines)
    assert "Please answer with a letter A–D or a number 1–4." in text
    assert "✗ Wrong — +0 of 1 point" in text
    assert "Try again for reduced credit? [y/n]" in text
    # the note on the wrong choice would hint at the answer: not before the last attempt
    assert "Note:" not in text.split("Try again for reduced credit?")[0]
    assert "✓ Correct — +0.5 of 1 point" in text
    # input ran out on question 2: a clean stop, recorded as abandoned
    assert "Game stopped. Your answers so far are saved." in text
    assert [a.final for a in sink.answers] == [False, True]
    assert sink.finished[0][3] is False


def test_partly_right_multi_and_quit_word(loaded_bank: LoadedBank) -> None:
    lines = [*right_answers(loaded_bank)[:6], "A", "n", "q"]  # question 7 is multi: one of three
    text, sink = play(loaded_bank, lines)
    assert "◐ Partly right — +0.33 of 1 point" in text
    assert "Right answer: He supports installing European peacekeepers" in text
    assert sink.finished[0][3] is False


def test_exam_mode_feedback_at_the_end(loaded_bank: LoadedBank) -> None:
    lines = right_answers(loaded_bank)
    lines[0] = "A"  # first one wrong
    text, sink = play(loaded_bank, [*lines, "s"], mode="exam")
    before, after = text.split("— Summary —")
    assert "✗" not in before and before.count("Answer kept") == 21
    assert "Answered 21 of 21 · Unanswered: none · Flagged: none" in before
    assert "Exam submitted. Your answers are saved." in before and sink.finished[0][3] is True
    assert "1. ✗ Wrong — +0 of 1 point" in after
    assert "Why: The first paragraph says the Kremlin refuted" in after
    assert "Score: 20 / 21 points (95%)" in after


def test_guided_mode_reveals_passages_as_needed(loaded_bank: LoadedBank) -> None:
    text, _ = play(loaded_bank, right_answers(loaded_bank)[:1], mode="guided")
    assert "[p1] WASHINGTON" in text
    before = text.split("Question 1 of 21")[0]
    assert "[p2]" in before  # the first question (guided order) cites p2…
    assert "[p3]" not in before  # …and nothing further is shown yet


def test_cli_plain_mode_with_piped_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], loaded_bank: LoadedBank
) -> None:
    answers = right_answers(loaded_bank)
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(answers[:3]) + "\n"))
    code = main(["play", "--plain", "--name", "[b]Ada[/b]", str(BUNDLED_BANK)])
    out = capsys.readouterr().out
    assert code == 0
    assert out.count("✓ Correct — +1 of 1 point") == 3
    assert "Game stopped." in out and "Score: 3 / 21 points (14%)" in out


def test_cli_plain_mode_bad_bank(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\n", encoding="utf-8")
    assert main(["play", "--plain", "--name", "A", str(bad)]) == 1
    captured = capsys.readouterr()
    assert "cannot be played" in captured.err and "Traceback" not in captured.err
    assert main(["play", "--plain", "--name", "A", str(tmp_path / "missing.yaml")]) == 2


@pytest.mark.slow
def test_plain_mode_in_a_real_pipe(tmp_path: Path) -> None:
    env = {"QUIZGAME_CONFIG_DIR": str(tmp_path / "cfg"), "QUIZGAME_DB": str(tmp_path / "r.db")}
    import os

    proc = subprocess.run(
        [sys.executable, "-m", "quizgame", "play", "--plain", "--name", "Ada"],
        input="B\nq\n",
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "✓ Correct" in proc.stdout and "Game stopped." in proc.stdout
    assert "textual" not in proc.stderr.lower()


def test_retry_keeps_the_answer_hidden_until_declined(loaded_bank: LoadedBank) -> None:
    out, _sink = play(loaded_bank, ["A", "n"])  # wrong on Q1, then decline the retry
    before, _, after = out.partition("Try again for reduced credit?")
    assert "Right answer" not in before and "Why:" not in before
    assert "Evidence p1:" not in before  # the proof would give the answer away
    assert "Right answer: The Kremlin" in after and "Why: " in after
    assert "Evidence p1:" in after


def test_eof_during_a_retry_offer_keeps_the_attempt(loaded_bank: LoadedBank) -> None:
    out, sink = play(loaded_bank, ["A"])  # stdin ends at the retry question
    assert "  1. ✗ Wrong" in out
    assert sink.finished and sink.finished[0][3] is False  # abandoned, recorded as such


def test_plain_mode_offers_to_resume_a_left_game(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], loaded_bank: LoadedBank
) -> None:
    answers = right_answers(loaded_bank)

    def play(stdin: str) -> str:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        assert main(["play", "--plain", "--name", "Ada", str(BUNDLED_BANK)]) == 0
        return capsys.readouterr().out

    first = play("\n".join(answers[:3]) + "\n")  # then input ends: the game is left
    assert "Resume" not in first
    resumed = play("maybe\ny\n" + "\n".join(answers[3:5]) + "\n")
    assert "Resume (question 4 of 21)? [y = resume, n = start again]" in resumed
    assert "Please answer y (yes) or n (no)." in resumed  # a stray answer decides nothing
    assert "Question 4 of 21" in resumed and "Question 1 of 21" not in resumed
    assert "Score: 5 / 21 points" in resumed  # the three earlier answers count
    again = play("n\n")
    assert "Resume (question 6 of 21)?" in again and "Question 1 of 21" in again
    assert "Score: 0 / 21 points" in again


def test_exam_review_revisits_flags_and_confirms_before_submitting(
    loaded_bank: LoadedBank,
) -> None:
    lines = right_answers(loaded_bank)
    first_right = lines[0]
    lines[0] = "A"  # wrong at first…
    review = ["!4", "x", "1", first_right, "s", "n", "!4", "s"]  # …changed from the review
    text, sink = play(loaded_bank, [*lines, *review], mode="exam")
    before, after = text.split("— Summary —")
    assert "Flagged: 4" in before and "⚑ Flagged" in before
    assert "Please type a number 1–21, !N (e.g. !3), or s." in before
    assert "1 flagged (4). Submit anyway? [y/n]" in before  # asked, said no, unflagged
    assert before.count("— Review before you submit —") == 5
    assert [a.question_id for a in sink.answers].count(sink.answers[0].question_id) == 1
    assert "Score: 21 / 21 points (100%)" in after  # the changed answer is the one scored


def test_leaving_an_exam_hands_in_what_was_answered(loaded_bank: LoadedBank) -> None:
    text, sink = play(loaded_bank, right_answers(loaded_bank)[:2], mode="exam")
    assert len(sink.answers) == 2 and sink.finished[0][3] is False
    assert "Game stopped." in text
