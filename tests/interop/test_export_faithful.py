"""Export writes a file its own import reads back to the same bank, or refuses and writes nothing:
a `->` in a match's left side (GIFT cannot escape it), a control character (XML cannot hold it)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.interop.helpers import run_cli, with_article

MATCH = (
    "title: Arrows\narticle: article.txt\nquestions:\n"
    "  - id: m\n    type: match\n    prompt: Pair them\n    pairs:\n"
    "      - {{left: {left}, right: Kyiv}}\n"
    "      - {{left: Paris, right: France}}\n"
    "    explanation: x\n    evidence: The Kremlin on Tuesday refuted\n"
)


def bank_with(tmp_path: Path, text: str) -> Path:
    with_article(tmp_path)
    bank = tmp_path / "b.yaml"
    bank.write_text(text, encoding="utf-8")
    return bank


def test_gift_refuses_an_arrow_in_a_match_left_side(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = bank_with(tmp_path, MATCH.format(left='"Moscow -> west"'))
    out = tmp_path / "b.gift"
    code, _, err = run_cli(capsys, "export", str(bank), "--to", "gift", "-o", str(out))
    assert code == 1
    assert "b.yaml:4: error: question 'm': a left side contains '->'" in err
    assert not out.exists()


@pytest.mark.parametrize("fmt", ["gift", "moodle-xml"])
def test_match_pairs_round_trip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """Arrows on the right, `=`, `~`, `#`, `{}` and `:` on either side come back unchanged."""
    bank = bank_with(
        tmp_path,
        MATCH.format(left='"a = b ~ c # {d}: e"').replace("right: Kyiv", 'right: "x -> y = z"'),
    )
    out = tmp_path / f"b.{'gift' if fmt == 'gift' else 'xml'}"
    code, _, err = run_cli(capsys, "export", str(bank), "--to", fmt, "-o", str(out))
    assert code == 0, err
    back = tmp_path / "back.yaml"
    code, _, err = run_cli(capsys, "import", str(out), "-o", str(back))
    assert code == 0, err
    text = back.read_text(encoding="utf-8")
    assert "a = b ~ c # {d}: e" in text and "x -> y = z" in text


@pytest.mark.parametrize("char", ["\\e", "\\a", "\\x01", "\\x1f"])
def test_moodle_xml_refuses_a_control_character_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], char: str
) -> None:
    bank = bank_with(tmp_path, MATCH.format(left=f'"Moscow{char}"'))
    out = tmp_path / "b.xml"
    code, _, err = run_cli(capsys, "export", str(bank), "--to", "moodle-xml", "-o", str(out))
    assert code == 1
    assert "b.yaml:4: error: question 'm' holds the control character U+00" in err
    assert "Moodle XML cannot carry" in err
    assert not out.exists()


def test_moodle_xml_is_well_formed_with_c1_and_hostile_file_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_article(tmp_path)
    bank = tmp_path / "b\x1b--.yaml"
    bank.write_text(MATCH.format(left='"eight-bit \\x9b C1"'), encoding="utf-8")
    out = tmp_path / "b.xml"
    code, _, err = run_cli(capsys, "export", str(bank), "--to", "moodle-xml", "-o", str(out))
    assert code == 0, err
    ET.parse(out)  # well-formed
    back = tmp_path / "back.yaml"
    code, _, err = run_cli(capsys, "import", str(out), "-o", str(back))
    assert code == 0, err
    from quizgame.bank.yamlnodes import to_python
    from quizgame.bank.yamlparse import parse

    data = to_python(parse(back.read_text(encoding="utf-8"), "back.yaml").root)
    assert data["questions"][0]["pairs"][0]["left"] == "eight-bit \x9b C1"
