"""`quizgame check` warns about unfair questions in hand-written banks, at their position."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizgame.cli import main
from tests.authoring.helpers import PORT

GOOD = """title: Port
article: port.txt
questions:
  - id: q1
    type: choice
    prompt: Who said the new port would open in May?
    choices: [Oskar Lind, Anna Berg, Tomas Vik]
    answer: Anna Berg
    explanation: Anna Berg said so in p1.
    evidence: {quote: "Transport minister Anna Berg said on Monday that the new port would open in May.", passage: p1}
"""


def _check(
    tmp_path: Path, bank: str, capsys: pytest.CaptureFixture[str]
) -> list[dict[str, object]]:
    (tmp_path / "port.txt").write_text(PORT, encoding="utf-8")
    path = tmp_path / "bank.yaml"
    path.write_text(bank, encoding="utf-8")
    capsys.readouterr()
    main(["check", "--format", "json", str(path)])
    return list(json.loads(capsys.readouterr().out))


def _codes(diags: list[dict[str, object]]) -> list[str]:
    return [str(d["code"]) for d in diags]


def test_a_fair_bank_gets_no_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _check(tmp_path, GOOD, capsys) == []


def test_an_alias_of_the_answer_is_reported_at_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = GOOD.replace("[Oskar Lind, Anna Berg, Tomas Vik]", "[Oskar Lind, Anna Berg, Berg]")
    diags = _check(tmp_path, bank, capsys)
    assert _codes(diags) == ["option-alias"]
    assert diags[0]["line"] == 7 and "Berg" in str(diags[0]["message"])


def test_a_second_right_answer_is_reported_with_the_article_s_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = (
        GOOD.replace(
            "Who said the new port would open in May?",
            "Who denied that the port would open on time?",
        )
        .replace("answer: Anna Berg", "answer: Tomas Vik")
        .replace("[Oskar Lind, Anna Berg, Tomas Vik]", "[Oskar Lind, Lena Dahl, Tomas Vik]")
        .replace(
            '"Transport minister Anna Berg said on Monday that the new port would open in May.", passage: p1',
            '"Opposition leader Tomas Vik denied that the port would open on time.", passage: p2',
        )
    )
    diags = _check(tmp_path, bank, capsys)
    assert _codes(diags) == ["second-answer"]
    assert "Lena Dahl" in str(diags[0]["message"])
    assert "Union chief Lena Dahl also denied" in str(diags[0]["hint"])


def test_the_key_always_first_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = GOOD.split("questions:\n")[1]
    bank = (
        GOOD.split("questions:\n")[0]
        + "questions:\n"
        + "".join(
            one.replace("id: q1", f"id: q{n}").replace(
                "[Oskar Lind, Anna Berg, Tomas Vik]", "[Anna Berg, Oskar Lind, Tomas Vik]"
            )
            for n in range(3)
        )
    )
    diags = _check(tmp_path, bank, capsys)
    assert "key-position" in _codes(diags)
    shuffled = bank.replace("questions:\n", "settings: {shuffle_choices: true}\nquestions:\n")
    assert "key-position" not in _codes(_check(tmp_path, shuffled, capsys))


def test_the_key_always_longest_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = (
        GOOD.split("questions:\n")[1]
        .replace(
            "prompt: Who said the new port would open in May?", "prompt: Which month did Berg name?"
        )
        .replace("[Oskar Lind, Anna Berg, Tomas Vik]", '[June, "May, next year", July]')
        .replace("answer: Anna Berg", 'answer: "May, next year"')
    )
    bank = (
        GOOD.split("questions:\n")[0]
        + "questions:\n"
        + "".join(one.replace("id: q1", f"id: q{n}") for n in range(3))
    )
    assert "key-longest" in _codes(_check(tmp_path, bank, capsys))


def test_an_unclosed_quotation_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = GOOD.replace(
        "prompt: Who said the new port would open in May?",
        "prompt: Who said “the new port would open in May?",
    )
    diags = _check(tmp_path, bank, capsys)
    assert _codes(diags) == ["unclosed-quote"] and diags[0]["line"] == 6


def test_a_stem_that_gives_its_answer_away_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = GOOD.replace(
        "prompt: Who said the new port would open in May?",
        "prompt: Did Berg say the new port would open in May?",
    )
    assert _codes(_check(tmp_path, bank, capsys)) == ["stem-gives-answer"]


def test_attribution_runs_only_when_options_are_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import quizgame.authoring.bank_lint as lint

    def boom(*_: object) -> None:
        raise AssertionError("extract should not run")

    monkeypatch.setattr(lint, "extract", boom)
    bank = GOOD.replace("[Oskar Lind, Anna Berg, Tomas Vik]", '["in May.", "in June.", "never."]')
    bank = bank.replace("answer: Anna Berg", 'answer: "in May."')
    assert _check(tmp_path, bank, capsys) == []


def test_warnings_keep_the_exit_status_unless_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "port.txt").write_text(PORT, encoding="utf-8")
    path = tmp_path / "bank.yaml"
    path.write_text(GOOD.replace("Tomas Vik]", "Berg]"), encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert main(["check", "--strict", str(path)]) == 1
    out = capsys.readouterr().out
    assert "bank.yaml:7:" in out and "warning:" in out and "names the same source" in out


def test_a_book_length_article_skips_the_attribution_checks_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Attribution is linear but costs seconds per MB: `check` of a 5 MB text must stay fast."""
    from quizgame.authoring import bank_lint

    monkeypatch.setattr(bank_lint, "MAX_LINT_CHARS", len(PORT) - 1)
    bank = GOOD.replace("[Oskar Lind, Anna Berg, Tomas Vik]", "[Oskar Lind, Anna Berg, Berg]")
    diags = _check(tmp_path, bank, capsys)
    assert _codes(diags) == ["lint-skipped"]  # the alias option is not looked for
    assert diags[0]["line"] == 2 and "were skipped" in str(diags[0]["message"])
