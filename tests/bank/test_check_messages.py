"""`check` messages that point at the difference: marked words, one run for every problem, shapes."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgame.article.evidence import marked_difference
from quizgame.bank.loader import load_bank
from tests.bank.test_check import HEADER, write_bank


def test_the_difference_is_marked_on_word_boundaries() -> None:
    assert marked_difference("sentenced to jail for", "sentenced to prison terms for") == (
        "sentenced to [-jail-]{+prison terms+} for"
    )
    assert (
        marked_difference("about 300 people", "about 400 people") == "about [-300-]{+400+} people"
    )
    long = "one two three four five six seven eight nine ten eleven twelve"
    marked = marked_difference(long.replace("six", "6"), long)
    assert marked == "one two three four five [-6-]{+six+} seven eight nine ten …"
    assert marked_difference("a b c d e f g h i j 6 k", "a b c d e f g h i j six k") == (
        "… g h i j [-6-]{+six+} k"
    )


def test_the_hint_shows_whole_words_and_the_marked_difference(tmp_path: Path) -> None:
    path = write_bank(
        tmp_path,
        HEADER
        + """\
  - id: q1
    type: short
    prompt: Who?
    answer: Interfax
    explanation: e
    evidence: Secretary of State refuted President Trump's claim that Russian leader
""",
    )
    (d,) = load_bank(path).diagnostics
    assert d.hint is not None
    assert "“[-Secretary of State-]{+Kremlin on Tuesday+} refuted President Trump’s claim" in d.hint


def test_an_elision_across_two_passages_is_explained(tmp_path: Path) -> None:
    path = write_bank(
        tmp_path,
        HEADER
        + """\
  - id: q1
    type: short
    prompt: Who?
    answer: Interfax
    explanation: e
    evidence: The Kremlin on Tuesday refuted ... Peskov was referring to Lavrov
""",
    )
    (d,) = load_bank(path).diagnostics
    assert d.message == "the parts of this `...` quote are in different passages (p1, p3)"
    assert d.hint is not None and "one quote per passage" in d.hint


def test_a_broken_field_does_not_hide_the_same_questions_misquote(tmp_path: Path) -> None:
    path = write_bank(
        tmp_path,
        HEADER
        + """\
  - id: q1
    type: choice
    prompt: Who refuted Trump's claim?
    choices: [The Kremlin, The White House]
    answer: The Kremlin
    points: lots
    explanation: e
    evidence: The Kremlin on Tuesday denied President Trump's claim
""",
    )
    messages = [d.message for d in load_bank(path).diagnostics]
    assert len(messages) == 2
    assert any("points" in m or "number" in m for m in messages)
    assert "evidence quote not found in the article" in messages


def test_a_forgotten_dash_is_named_once(tmp_path: Path) -> None:
    path = write_bank(
        tmp_path,
        HEADER
        + """\
  - id: q1
    type: choice
    prompt: Who refuted Trump's claim?
    choices: [The Kremlin, The White House]
    answer: The Kremlin
    explanation: e
    evidence: The Kremlin on Tuesday refuted President Trump's claim
    id: q2
    type: evidence
    prompt: "Part A: what?"
    choices: [a, b]
    answer: a
    part_b:
      choices: [x, y]
      answer: x
    explanation: e
    evidence: The Kremlin on Tuesday refuted President Trump's claim
""",
    )
    (d,) = load_bank(path).diagnostics
    assert (d.line, d.col) == (11, 5)
    assert d.message == "this looks like a new question without its leading `- `"
    assert d.hint is not None and d.hint.startswith("write `- id: q2` here")


TF = """\
  - id: q1
    type: truefalse
    prompt: "True or false: the Kremlin refuted the claim."
    answer: {value}
    explanation: e
    evidence: The Kremlin on Tuesday refuted President Trump's claim
"""


def test_truefalse_answers_are_what_the_schema_says(tmp_path: Path) -> None:
    """`check` applies the model the schema is generated from: a real boolean, nothing else."""
    from quizgame.commands.schema import schema_text

    tf = __import__("json").loads(schema_text())["$defs"]["TrueFalseQuestion"]
    assert tf["properties"]["answer"]["type"] == "boolean"
    # yes/no/on/off are booleans to YAML 1.1 (PyYAML) but text to YAML 1.2 and the JSON Schema
    cases = [("true", True), ("false", True), ("True", True), ('"false"', False), ("1", False)]
    cases += [(word, False) for word in ("off", "on", "yes", "no", "Yes", "OFF")]
    for value, ok in cases:
        found = load_bank(write_bank(tmp_path, HEADER + TF.format(value=value))).diagnostics
        assert (found == []) is ok, (value, found)


def test_missing_field_hints_say_who_needs_it(tmp_path: Path) -> None:
    body = (
        TF.format(value="true")
        .replace("    explanation: e\n", "")
        .replace(
            "    evidence: The Kremlin on Tuesday refuted President Trump's claim\n",
            "    evidence:\n      - passage: p1\n",
        )
    )
    hints = sorted(d.hint or "" for d in load_bank(write_bank(tmp_path, HEADER + body)).diagnostics)
    assert hints == [
        "add `explanation: …` here (every `truefalse` question needs one)",
        "add `quote: …` here",
    ]


def test_counts_read_in_the_singular(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from quizgame.cli import main

    path = write_bank(tmp_path, HEADER + TF.format(value="true"))
    assert main(["check", str(path)]) == 0
    assert ": 1 question, no errors" in capsys.readouterr().err


def test_an_import_printed_to_stdout_says_to_save_it_first() -> None:
    from quizgame.interop.imported_bank import bank_yaml

    text = bank_yaml("T", "a.txt", [], source="q.gift", output_name="-")
    assert "quizgame check -" not in text
    assert "# Save it as a .yaml file, then check it with:  quizgame check FILE.yaml" in text
