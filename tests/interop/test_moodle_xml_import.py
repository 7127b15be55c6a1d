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
        "how-many-countries",
        "fill-the-gaps",
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
    assert len(skipped) == 2
    assert any(line.startswith("q.xml:266:") and "description" in line for line in skipped)
    assert any(line.startswith("q.xml:133:") and "'not acceptable'" in line for line in lines)


def test_numerical_and_cloze_are_imported(imported: Any) -> None:
    q = by_id(imported)["how-many-countries"]
    assert (q["type"], q["answer"]) == ("numeric", 2)
    c = by_id(imported)["fill-the-gaps"]
    assert (c["type"], c["text"]) == ("cloze", "Peskov is the Kremlin's [[spokesman]].")


ORDERING = b"""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="ordering">
    <name><text>Events</text></name>
    <questiontext format="html"><text>Put them in order.</text></questiontext>
    <gradingtype>ABSOLUTE_POSITION</gradingtype>
    <answer fraction="2.0000000" format="moodle_auto_format"><text>Second</text></answer>
    <answer fraction="1.0000000" format="moodle_auto_format"><text>First</text></answer>
    <answer fraction="3.0000000" format="html"><text><![CDATA[<p>Third</p>]]></text></answer>
  </question>
  <question type="cloze">
    <name><text>Gaps</text></name>
    <questiontext format="html"><text><![CDATA[<p>Fill them.</p><p>a {1:MC:=b~c~%50%d} e {2:NM:=3:1} f {1:MR:=x}</p>]]></text></questiontext>
  </question>
</quiz>
"""


def test_ordering_items_follow_their_fractions_and_grading_is_noted() -> None:
    from quizgame.interop.moodle_xml import parse_moodle_xml

    out = parse_moodle_xml(ORDERING)
    assert out.questions[0]["items"] == ["First", "Second", "Third"]
    notes = [n.message for n in out.notes]
    assert any("ABSOLUTE_POSITION" in m and "ordered pair" in m for m in notes)
    assert any(m.startswith("skipped cloze question 'Gaps' — gap 3 is a MR gap") for m in notes)
    assert len(out.questions) == 1


EXTRAS = b"""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="shortanswer">
    <name><text>Site</text></name>
    <questiontext format="html"><text>Which site?</text></questiontext>
    <penalty>0.2</penalty>
    <usecase>1</usecase>
    <answer fraction="100" format="moodle_auto_format"><text>*Interfax*</text></answer>
    <answer fraction="100" format="moodle_auto_format"><text>Interfax</text></answer>
    <hint format="html"><text><![CDATA[<p>Read <b>p13</b>.</p>]]></text></hint>
    <hint format="html"><text>Second hint</text></hint>
  </question>
  <question type="multichoice">
    <name><text>Pick</text></name>
    <questiontext format="html"><text>Pick two.</text></questiontext>
    <penalty>0.5</penalty>
    <single>false</single>
    <correctfeedback format="html"><text>All right!</text></correctfeedback>
    <partiallycorrectfeedback format="html"><text>Some right.</text></partiallycorrectfeedback>
    <incorrectfeedback format="html"><text>No.</text></incorrectfeedback>
    <answer fraction="50"><text>a</text></answer>
    <answer fraction="50"><text>b</text></answer>
    <answer fraction="-100"><text>c</text></answer>
  </question>
  <question type="truefalse">
    <name><text>TF</text></name>
    <questiontext format="html"><text>True?</text></questiontext>
    <penalty>1</penalty>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
</quiz>
"""


def test_hints_outcome_feedback_usecase_wildcards_weights_and_penalty() -> None:
    from quizgame.interop.moodle_xml import parse_moodle_xml

    out = parse_moodle_xml(EXTRAS)
    site, pick, _ = out.questions
    assert site["answer"] == "Interfax" and site["accept"] == ["*Interfax*"]
    assert site["case_sensitive"] is True
    assert site["hint"] == "Read p13."
    assert pick["feedback_correct"] == "All right!"
    assert pick["feedback_partial"] == "Some right."
    assert pick["feedback_wrong"] == "No."
    assert out.retry_credit == 0.8  # the most common penalty of the two; true/false's 1 ignored
    notes = [n.format("x.xml") for n in out.notes]
    assert any("only the first of 2 hints" in n for n in notes)
    assert any("the -100% for ticking 'c' is not kept" in n for n in notes)
    assert any("different penalties (0.5 besides 0.2)" in n for n in notes)


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
