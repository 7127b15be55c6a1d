"""The `import` and `export` commands: files written atomically, never overwritten by surprise,
clear messages for every bad input, and `check` saying what an imported bank still needs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizgame.bank.loader import load_bank
from quizgame.interop.imported_bank import ARTICLE_PLACEHOLDER
from tests.conftest import BUNDLED_BANK
from tests.interop.helpers import GIFT_FILE, XML_FILE, run_cli, with_article


def test_import_without_article_writes_a_placeholder_and_check_lists_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "quiz.gift"
    shutil.copy(GIFT_FILE, src)
    code, out, err = run_cli(capsys, "import", str(src))
    assert code == 0, err
    assert out == ""
    bank = tmp_path / "quiz.yaml"
    text = bank.read_text(encoding="utf-8")
    assert f"article: {ARTICLE_PLACEHOLDER}" in text
    assert f"no --article given: `article:` is the placeholder {ARTICLE_PLACEHOLDER}" in err
    assert f"{src}:65: warning: skipped essay question 'Opinion'" in err
    assert "wrote" in err and "10 questions imported" in err

    code, out, _ = run_cli(capsys, "check", str(bank))
    assert code == 1
    assert f"article '{ARTICLE_PLACEHOLDER}'" in out
    assert "question 'who-refuted' has no evidence yet — add `evidence:`" in out
    # the one question whose general feedback carried evidence is not listed
    assert "'which-site-did-the-post-get-no-answer-from' has no evidence" not in out


def test_import_with_article_matches_evidence_that_check_accepts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = with_article(tmp_path)
    out_dir = tmp_path / "banks"
    out_dir.mkdir()
    bank = out_dir / "kremlin.yaml"
    code, _, err = run_cli(
        capsys, "import", str(XML_FILE), "--article", str(article), "-o", str(bank)
    )
    assert code == 0, err
    assert "evidence matched automatically" in err
    assert "article: ../article.txt" in bank.read_text(encoding="utf-8")
    result = load_bank(bank)
    codes = {d.code for d in result.errors}
    assert "article" not in codes and "evidence-not-found" not in codes
    messages = [d.message for d in result.errors]
    # every question whose right answer is in the article got evidence; none is listed
    assert not any("has no evidence yet" in m for m in messages), messages


def test_import_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_text("precious\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "import", str(GIFT_FILE), "-o", str(bank))
    assert code == 1
    assert "already exists; use --force" in err
    assert bank.read_text(encoding="utf-8") == "precious\n"
    code, _, err = run_cli(capsys, "import", str(GIFT_FILE), "-o", str(bank), "--force")
    assert code == 0, err
    assert bank.read_text(encoding="utf-8").startswith("# Imported from kremlin-quiz.gift")
    assert [p.name for p in tmp_path.iterdir()] == ["bank.yaml"]  # no temp file left behind


def test_import_to_standard_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "import", str(XML_FILE), "-o", "-")
    assert code == 0
    assert "  - id: who-refuted-the-claim" in out
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "data", "message", "exit_code"),
    [
        (
            "latin1.gift",
            "::q::Caf\xe9? {T}".encode("latin-1"),
            "quiz.gift:1: error: the file is not UTF-8",
            1,
        ),
        ("empty.gift", b"// nothing but a comment\n", "no question could be imported", 1),
        ("broken.xml", b"<quiz><question>", "error: this is not well-formed XML", 1),
        ("page.xml", b"<html/>", "not a Moodle quiz export", 1),
    ],
)
def test_import_bad_files_exit_non_zero_with_a_message(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    data: bytes,
    message: str,
    exit_code: int,
) -> None:
    src = tmp_path / name
    src.write_bytes(data)
    code, _, err = run_cli(capsys, "import", str(src))
    assert code == exit_code
    assert message.replace("quiz.gift", str(src)) in err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == [src]


def test_import_missing_file_and_missing_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(capsys, "import", str(tmp_path / "nope.gift"))
    assert code == 2 and "file not found" in err
    code, _, err = run_cli(
        capsys, "import", str(GIFT_FILE), "--article", str(tmp_path / "nope.txt"), "-o", "-"
    )
    assert code == 2 and "article file not found" in err


def test_export_to_stdout_and_refusing_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(capsys, "export", str(BUNDLED_BANK), "--to", "gift")
    assert code == 0
    # 21 questions less order and cloze (GIFT has neither), the two evidence questions as two each
    assert out.count("\n}\n") == 21
    target = tmp_path / "out.xml"
    target.write_text("keep", encoding="utf-8")
    code, _, err = run_cli(
        capsys, "export", str(BUNDLED_BANK), "--to", "moodle-xml", "-o", str(target)
    )
    assert code == 1 and "--force" in err
    assert target.read_text(encoding="utf-8") == "keep"


def test_export_refuses_a_bank_with_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\narticle: missing.txt\nquestions: []\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "export", str(bad), "--to", "gift")
    assert code == 1
    assert out == ""
    assert "has errors; fix them first" in err
