"""GIFT import on a realistic teacher's file that uses every construct Moodle documents."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgame.interop.gift import parse_gift
from quizgame.interop.gift_export import escape
from quizgame.interop.notes import InteropError
from tests.interop.helpers import GIFT_FILE


@pytest.fixture(scope="module")
def imported() -> Any:
    return parse_gift(GIFT_FILE.read_text(encoding="utf-8"))


def by_id(imported: Any) -> dict[str, dict[str, Any]]:
    return {q["id"]: q for q in imported.questions}


def test_category_gives_the_title_and_titles_give_ids(imported: Any) -> None:
    assert imported.title == "Kremlin peacekeepers"
    assert [q["id"] for q in imported.questions] == [
        "who-refuted",
        "peskov-s-answer",
        "Macron",
        "Overnight",
        "future-talks",
        "media-site",
        "who-said",
        "lavrov-said-nato-aligned-troops-in-ukraine-would",
        "which-site-did-the-post-get-no-answer-from",
        "Year",
    ]


def test_multiple_choice_with_feedback_and_general_feedback(imported: Any) -> None:
    q = by_id(imported)["who-refuted"]
    assert q["type"] == "choice"
    assert q["answer"] == "The Kremlin"
    assert q["choices"][0] == {
        "text": "The Kremlin",
        "feedback": "Yes — the first paragraph says so.",
    }
    assert q["explanation"] == "Read the first paragraph again."
    assert "evidence" not in q


def test_multi_line_text_and_escapes(imported: Any) -> None:
    q = by_id(imported)["peskov-s-answer"]
    assert q["prompt"] == (
        'What did Peskov say when he was asked about peacekeepers? (Hint: look for the words "nothing to add")'
    )
    texts = [c if isinstance(c, str) else c["text"] for c in q["choices"]]
    assert texts[2:] == ["He said 2 + 2 = 4", "He used the symbols ~ # { }"]
    assert q["choices"][1]["feedback"] == "Half right: he also said he had nothing to add."


def test_weighted_answers_become_multi(imported: Any) -> None:
    q = by_id(imported)["Macron"]
    assert q["type"] == "multi"
    assert q["answers"] == [
        "He supports European peacekeepers in Ukraine",
        "He would be willing to send French troops",
    ]
    assert len(q["choices"]) == 3


def test_true_false_feedback_goes_to_the_right_side(imported: Any) -> None:
    q = by_id(imported)["Overnight"]
    # {FALSE#shown for the wrong answer (true)#shown for the right answer (false)}
    assert q["answer"] is False
    assert q["feedback_true"].startswith("No — he said")
    assert q["feedback_false"] == "Right: many small steps are needed."
    assert by_id(imported)["future-talks"]["answer"] is True


def test_short_answer_keeps_every_full_credit_answer(imported: Any) -> None:
    q = by_id(imported)["media-site"]
    assert q["type"] == "short"
    assert q["answer"] == "Interfax"
    assert q["accept"] == ["the Russian media site Interfax"]


def test_matching_with_a_distractor(imported: Any) -> None:
    q = by_id(imported)["who-said"]
    assert q["type"] == "match"
    assert q["pairs"][0] == {
        "left": "This is, of course, unacceptable to us",
        "right": "Sergey Lavrov",
    }
    assert len(q["pairs"]) == 3
    assert q["distractors"] == ["Vladimir Putin"]


def test_missing_word_format_puts_a_blank_in_the_prompt(imported: Any) -> None:
    q = by_id(imported)["lavrov-said-nato-aligned-troops-in-ukraine-would"]
    assert q["prompt"] == "Lavrov said NATO-aligned troops in Ukraine would be _____ to Russia."
    assert q["answer"] == "unacceptable"


def test_html_format_and_evidence_in_general_feedback(imported: Any) -> None:
    q = by_id(imported)["which-site-did-the-post-get-no-answer-from"]
    assert q["prompt"] == "Which site did The Post get no answer from?"
    assert q["explanation"] == "The White House did not respond."
    assert q["evidence"] == [
        {
            "quote": "The White House did not respond to an inquiry from The Post on Tuesday.",
            "passage": "p19",
        }
    ]


def test_everything_left_behind_is_reported_with_its_line(imported: Any) -> None:
    lines = [n.format("quiz.gift") for n in imported.notes]
    assert (
        "quiz.gift:65: warning: skipped essay question 'Opinion' — quizgame has no essay type"
        in lines
    )
    assert not any("quiz.gift:63:" in line for line in lines)  # numerical is a type now
    assert any(line.startswith("quiz.gift:67: warning: skipped description") for line in lines)
    assert any(
        line.startswith("quiz.gift:69: warning: skipped question 'Broken'") for line in lines
    )
    assert any("quiz.gift:15:" in line and "partial credit (50%)" in line for line in lines)
    assert any("quiz.gift:38:" in line and "'Tass'" in line for line in lines)


def test_numerical_becomes_a_numeric_question(imported: Any) -> None:
    q = by_id(imported)["Year"]
    assert (q["type"], q["answer"], q["tolerance"]) == ("numeric", 2025, 1)


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ("#3", {"type": "numeric", "answer": 3}),
        ("#1..5", {"type": "numeric", "answer": 3, "tolerance": 2}),
        ("#=1.5:0.25#fb =%50%2:1", {"type": "numeric", "answer": 1.5, "tolerance": 0.25}),
        ("#=%50%2:1", None),
    ],
)
def test_gift_numerical_forms(answers: str, expected: dict[str, Any] | None) -> None:
    from quizgame.interop.numerical import gift_numeric

    notes: list[str] = []
    assert gift_numeric(answers, "q", notes.append) == expected
    if "%50%" in answers:
        assert len(notes) == 1


def test_moodle_id_and_tag_comments_are_kept() -> None:
    from quizgame.interop.gift import parse_gift

    out = parse_gift("// [id:q-17] [tag:inference] [tag:Year 9]\n::T::Who? {=A ~B}\n")
    (q,) = out.questions
    assert (q["id"], q["tags"]) == ("q-17", ["inference", "Year 9"])


def test_line_numbers_point_at_each_question(imported: Any) -> None:
    source = GIFT_FILE.read_text(encoding="utf-8").splitlines()
    for q, line in zip(imported.questions, imported.lines, strict=True):
        text = source[line - 1]
        assert text.strip() and not text.startswith("//"), (q["id"], line)


@pytest.mark.parametrize(
    "text",
    [
        "plain: a ~ b = c # d { e } f : g \\ h",
        "two\nlines",
        "already \\~ escaped",
    ],
)
def test_escape_then_parse_is_identity(text: str) -> None:
    gift = f"::q::{escape(text)} {{=yes ~{escape(text)}}}"
    q = parse_gift(gift).questions[0]
    assert q["prompt"] == text
    assert q["choices"][1] == text


def test_rubbish_is_refused_or_reported_never_a_crash() -> None:
    with pytest.raises(InteropError):
        parse_gift("binary\x00junk")
    result = parse_gift("{}}{ {{ }} :: :: ~~ == ## -> ->\n\n}\n\n{\n\n::a::")
    assert result.questions == []
    assert result.notes


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ~=#{}:\\%->\n/$[]T")), max_size=80))
def test_any_text_imports_or_reports(text: str) -> None:
    try:
        result = parse_gift(text)
    except InteropError:
        return
    for q in result.questions:
        assert (
            q["id"]
            and q["prompt"]
            and q["type"] in {"choice", "multi", "truefalse", "short", "match"}
        )
