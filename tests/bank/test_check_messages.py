"""`check` messages that point at the difference: marked words, one run for every problem, shapes."""

from __future__ import annotations

from pathlib import Path

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
