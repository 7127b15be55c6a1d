"""Moodle XML import on a real export's structure, and refusal of hostile XML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quizgame.interop.moodle_xml import parse_moodle_xml
from quizgame.interop.notes import InteropError
from tests.interop.helpers import XML_FILE, run_cli


@pytest.fixture(scope="module")
def imported() -> Any:
    return parse_moodle_xml(XML_FILE.read_bytes())


def by_id(imported: Any) -> dict[str, dict[str, Any]]:
    return {q["id"]: q for q in imported.questions}


def test_names_become_ids_and_the_category_the_title(imported: Any) -> None:
    assert imported.title == "Kremlin peacekeepers"
    assert [q["id"] for q in imported.questions] == [
        "who-refuted-the-claim",
        "us-russia-agreements",
        "white-house-reply",
        "lavrov-s-word",
        "who-said-it",
    ]
    assert imported.shuffle_choices is True


def test_single_multichoice_with_html_cdata_grade_and_tags(imported: Any) -> None:
    q = by_id(imported)["who-refuted-the-claim"]
    assert q["type"] == "choice"
    assert q["prompt"] == (
        "Who refuted President Trump's claim that Putin is ready for European peacekeepers?"
    )
    assert q["answer"] == "The Kremlin"
    assert q["choices"][1] == {
        "text": "The White House",
        "feedback": "It did not respond to The Post & said nothing.",
    }
    assert q["choices"][2] == "Interfax"
    assert q["explanation"] == "See the first paragraph."
    assert q["points"] == 2
    assert q["tags"] == ["main idea"]


def test_multiple_answer_fractions_like_33_33333(imported: Any) -> None:
    q = by_id(imported)["us-russia-agreements"]
    assert q["type"] == "multi"
    assert len(q["answers"]) == 3
    assert "Sending joint peacekeepers to Ukraine" not in q["answers"]
    assert q["choices"][3]["feedback"] == "Nobody agreed to that."
    # 33.33333 and 33.33334 are Moodle's way of splitting 100 in three: no warning about weights
    assert not any("weights" in n.message for n in imported.notes)


def test_truefalse_shortanswer_and_matching(imported: Any) -> None:
    tf = by_id(imported)["white-house-reply"]
    assert tf["answer"] is False
    assert tf["feedback_true"] == "Read the last paragraph again."
    assert tf["explanation"] == "The last paragraph says it did not."
    short = by_id(imported)["lavrov-s-word"]
    assert (short["answer"], short["accept"]) == ("unacceptable", ["unacceptable to us"])
    match = by_id(imported)["who-said-it"]
    assert match["pairs"][1] == {
        "left": "“The Americans need rare earth metals”",
        "right": "Dmitry Peskov",
    }
    assert match["distractors"] == ["Vladimir Putin"]


def test_unplayable_types_are_reported_one_line_each(imported: Any) -> None:
    lines = [n.format("q.xml") for n in imported.notes]
    assert (
        "q.xml:205: warning: skipped essay question 'Your opinion' — quizgame has no essay type"
        in lines
    )
    skipped = [line for line in lines if "skipped" in line]
    assert len(skipped) == 4
    assert any(line.startswith("q.xml:226:") and "numerical" in line for line in skipped)
    assert any(line.startswith("q.xml:250:") and "cloze" in line for line in skipped)
    assert any(line.startswith("q.xml:266:") and "description" in line for line in skipped)
    assert any(line.startswith("q.xml:133:") and "'not acceptable'" in line for line in lines)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<quiz><question type="shortanswer"><name><text>&lol9;</text></name></question></quiz>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE quiz [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<quiz><question type="shortanswer"><name><text>&secret;</text></name></question></quiz>
"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "xxe"])
def test_hostile_xml_is_refused(data: bytes) -> None:
    with pytest.raises(InteropError, match="refused"):
        parse_moodle_xml(data)


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "xxe"])
def test_hostile_xml_cli_exits_cleanly_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes
) -> None:
    src = tmp_path / "evil.xml"
    src.write_bytes(data)
    code, out, err = run_cli(capsys, "import", str(src))
    assert out == ""
    assert code == 1
    assert "error: refused" in err and "Traceback" not in err
    assert not (tmp_path / "evil.yaml").exists()


def test_broken_and_foreign_xml_say_where(tmp_path: Path) -> None:
    with pytest.raises(InteropError) as bad:
        parse_moodle_xml(b"<quiz>\n<question type='truefalse'>\n</quiz>")
    assert bad.value.line == 3 and "not well-formed" in bad.value.message
    with pytest.raises(InteropError, match="not a Moodle quiz export"):
        parse_moodle_xml(b"<html><body/></html>")
