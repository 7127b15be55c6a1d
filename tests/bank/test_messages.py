"""Messages that say what is really wrong: UTF-16 is not "binary", a merge key is not a missing
'type', a Python tag is one error (not three), and a player name may start with '-'."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgame.article.passages import ArticleError, read_article
from quizgame.bank.loader import load_bank
from quizgame.cli import _attach_free_text, build_parser
from tests.conftest import SEED_ARTICLE

BANK = "title: t\narticle: a.txt\nquestions: []\n"


@pytest.mark.parametrize(
    ("encoding", "named"),
    [
        ("utf-16", "UTF-16"),  # with a byte-order mark
        ("utf-16-le", "UTF-16LE"),
        ("utf-16-be", "UTF-16BE"),
        ("utf-32", "UTF-32"),
        ("utf-32-le", "UTF-32LE"),
    ],
)
def test_a_utf16_or_utf32_bank_says_so_and_how_to_convert(
    tmp_path: Path, encoding: str, named: str
) -> None:
    path = tmp_path / "bank.yaml"
    path.write_bytes(BANK.encode(encoding))
    (only,) = load_bank(path).errors
    assert only.message == f"this bank is saved as {named} text; a bank must be UTF-8"
    assert only.hint is not None and f"iconv -f {named} -t UTF-8 bank.yaml" in only.hint
    assert "binary" not in only.format()


def test_a_utf16_article_says_so(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(SEED_ARTICLE.read_text(encoding="utf-8").encode("utf-16"))
    with pytest.raises(ArticleError, match=r"saved as UTF-16 text, not UTF-8 .* `iconv -f UTF-16 "):
        read_article(path)


def test_real_binary_is_still_called_binary(tmp_path: Path) -> None:
    path = tmp_path / "bank.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (only,) = load_bank(path).errors
    assert "binary" in only.message


def test_a_merge_key_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text(
        "title: t\narticle: a.txt\nquestions:\n"
        "  - &base {id: q0, type: truefalse, prompt: p, answer: true, explanation: e,"
        " evidence: x}\n"
        "  - <<: *base\n    id: q1\n",
        encoding="utf-8",
    )
    errors = load_bank(path).errors
    assert [(d.line, d.col, d.code) for d in errors] == [(5, 5, "merge-key")]
    assert errors[0].message == "merge keys (`<<:`) are not supported in a bank"
    assert "type" not in errors[0].format()


def test_python_tags_are_reported_alone(tmp_path: Path) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text(
        'title: !!python/object/apply:os.system ["echo hi"]\narticle: a.txt\nquestions:\n'
        "  - id: q1\n    type: truefalse\n    prompt: !!python/name:os.system\n"
        "    answer: true\n    explanation: e\n    evidence: x\n",
        encoding="utf-8",
    )
    errors = load_bank(path).errors
    assert [(d.line, d.code) for d in errors] == [(1, "tag"), (6, "tag")]
    assert "'!!python/object/apply:os.system' is not allowed" in errors[0].message


@pytest.mark.parametrize("name", ["-2+3", "-x", "-"])
def test_a_name_starting_with_a_dash_needs_no_equals_sign(name: str) -> None:
    parser = build_parser()
    spaced = parser.parse_args(_attach_free_text(["play", "--name", name, "--plain"]))
    joined = parser.parse_args(_attach_free_text(["play", f"--name={name}", "--plain"]))
    assert spaced.name == joined.name == name and spaced.plain


def test_a_forgotten_name_is_still_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(_attach_free_text(["play", "--name", "--plain"]))
    assert "expected one argument" in capsys.readouterr().err


def test_an_article_path_with_a_nul_character_is_a_positioned_error(tmp_path: Path) -> None:
    """Path.resolve() raises ValueError on a NUL: check must say what is wrong, not crash."""
    path = tmp_path / "bank.yaml"
    path.write_text('title: t\narticle: "a\\0b.txt"\nquestions: []\n', encoding="utf-8")
    result = load_bank(path)
    (nul,) = [d for d in result.errors if d.code == "article"]
    assert (nul.line, nul.col) == (2, 10)
    assert "cannot contain a NUL character" in nul.message
