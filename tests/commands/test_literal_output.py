"""Every command prints untrusted text (bank fields, article text, file names, imported names)
through quizgame.text.safe: no ESC, BEL, C1 or other control character reaches the terminal.

The hostile inputs are the corpus of tests/data/hostile.py, in every field a command prints:
unknown keys, wrong values, evidence hints quoting the article ("closest is p3: …"), passage and
quote listings, imported titles and skipped-question names, file names. Data written to a file or
a pipe stays exact; data written to a terminal is shown the same safe way."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

from quizgame.cli import main
from tests.data.hostile import hostile_article, write_hostile_bank

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # what may never be printed
OSC52 = "\x1b]52;c;cHduZWQ=\x07"  # sets the terminal's clipboard


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out + err


def assert_literal(text: str) -> None:
    bad = CONTROL.search(text)
    assert bad is None, (
        f"control {bad.group()!r} printed near {text[max(0, bad.start() - 60) : bad.end() + 20]!r}"
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    # a hostile file name too: every printed field
    (tmp_path / "art\x1b[2Jicle.txt").write_text(hostile_article(), encoding="utf-8")
    return tmp_path


def test_check_text_prints_every_field_literally(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = folder / "b\x1b]0;x\x07ad.yaml"
    bank.write_text(
        "title: t\n"
        'article: "art\\e[2Jicle.txt"\n'
        "questions:\n"
        "  - id: q1\n"
        "    type: choice\n"
        '    prompt: "p \\e[31m"\n'
        '    choices: ["a\\e]52;c;x\\a", b]\n'
        '    answer: "z\\x9b2J"\n'
        "    explanation: e\n"
        '    "bad\\ekey\\a": 1\n'
        "    evidence:\n"
        '      - quote: "Passage about ansi-title: \\e]0;pwned\\atitle and more words"\n',
        encoding="utf-8",
    )
    code, text = run(capsys, "check", str(bank))
    assert code == 1
    assert "closest is" in text or "unknown key" in text
    assert_literal(text)


def test_check_evidence_hint_does_not_print_an_osc52_from_the_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(
        f"Head\n\nThe minister said the {OSC52}talks would resume on Monday.\n", encoding="utf-8"
    )
    (tmp_path / "b.yaml").write_text(
        "title: t\narticle: a.txt\nquestions:\n  - id: q1\n    type: truefalse\n"
        "    prompt: p\n    answer: true\n    explanation: e\n"
        "    evidence: [{quote: the minister said the talks would resume on Sunday}]\n",
        encoding="utf-8",
    )
    code, text = run(capsys, "check", str(tmp_path / "b.yaml"))
    assert code == 1 and "closest is p1" in text
    assert "␛]52;c;cHduZWQ=␇" in text  # shown, visibly, not sent
    assert_literal(text)


def test_check_json_escapes_c1_too(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "b.yaml").write_text(
        'title: t\narticle: "art\\e[2Jicle.txt"\nquestions:\n  - id: q1\n    type: truefalse\n'
        "    prompt: p\n    answer: true\n    explanation: e\n"
        "    evidence: [{quote: passage about c1-csi eight-bit 31m CSI and more}]\n",
        encoding="utf-8",
    )
    bank = folder / "b.yaml"
    code, text = run(capsys, "check", "--format", "json", str(bank))
    assert code == 1 and "\\u009b" in text  # the closest article text, escaped
    assert_literal(text)


@pytest.mark.parametrize("extra", [[], ["--sentences"], ["--quotes"], ["--format", "json"]])
def test_article_listing(
    folder: Path, capsys: pytest.CaptureFixture[str], extra: list[str]
) -> None:
    code, text = run(capsys, "article", str(folder / "art\x1b[2Jicle.txt"), *extra)
    assert code == 0
    assert "ansi-osc8" in text
    assert_literal(text)


def test_article_errors_name_the_file_literally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, text = run(capsys, "article", str(tmp_path / "no\x1b[2Jpe.txt"))
    assert code == 2 and "␛[2J" in text
    assert_literal(text)


def test_generate_notes_and_terminal_output(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, text = run(capsys, "generate", str(folder / "art\x1b[2Jicle.txt"))
    assert code == 0
    assert_literal(text)


def test_generate_to_a_file_keeps_the_data(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = folder / "draft\x1b[2J.yaml"
    code, text = run(capsys, "generate", str(folder / "art\x1b[2Jicle.txt"), "-o", str(out))
    assert code == 0 and out.is_file()
    assert_literal(text)


def test_import_prints_names_literally(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gift = tmp_path / "q\x1b[2J.gift"
    gift.write_text(
        "$CATEGORY: \x1b]0;title\x07cat\n\n"
        "::essay \x1b[31mname\x07:: Write about it {}\n\n"
        "::fine\x9b:: Is it \x1b[5m? {T}\n",
        encoding="utf-8",
    )
    code, text = run(capsys, "import", str(gift), "-o", str(tmp_path / "out.yaml"))
    assert code == 0
    assert "skipped essay question" in text
    assert_literal(text)


@pytest.mark.parametrize("fmt", ["gift", "moodle-xml"])
def test_export_to_a_terminal_is_literal_and_to_a_file_exact(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    shutil.copy(folder / "art\x1b[2Jicle.txt", folder / "article.txt")
    bank = write_hostile_bank(folder, keys=("ansi-osc8", "ansi-title", "c1-csi"))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, text = run(capsys, "export", str(bank), "--to", fmt)
    assert code == (0 if fmt == "gift" else 1)  # Moodle XML cannot hold an ESC: refused
    assert_literal(text)
    out = folder / f"out.{fmt}"
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    code, text = run(capsys, "export", str(bank), "--to", fmt, "-o", str(out))
    assert_literal(text)
    if fmt == "gift":  # the file keeps the data
        assert code == 0 and "\x1b]8;;" in out.read_text(encoding="utf-8")
    else:
        assert code == 1 and "cannot carry" in text and not out.exists()


def test_results_listing_is_literal(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run(capsys, "results", "--db", str(folder / "no\x1b[2Jdb.sqlite3"))
    assert code == 0 and "No results yet" in text
    assert_literal(text)
