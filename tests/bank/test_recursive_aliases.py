"""A YAML alias inside the value it names would make an infinite value: a positioned error, never
a RecursionError, and the bank list shows such a bank as broken next to the playable ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizgame.bank.loader import load_bank
from quizgame.play.bank_list import bank_entries, discover_banks
from tests.conftest import BUNDLED_BANK, SEED_ARTICLE


@pytest.mark.parametrize(
    ("text", "line", "col", "alias"),
    [
        ("questions: &q [*q]\n", 1, 16, "q"),
        ("title: t\nsettings: &s {a: *s}\n", 2, 18, "s"),
        ("title: t\nquestions: &q\n  - a\n  - [b, *q]\n", 4, 9, "q"),
        ("k: &m {x: &n [*m]}\n", 1, 15, "m"),
    ],
)
def test_self_referencing_alias_is_a_positioned_error(
    tmp_path: Path, text: str, line: int, col: int, alias: str
) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_bank(path)
    assert result.loaded is None
    (only,) = result.errors
    assert (only.line, only.col, only.code) == (line, col, "refused")
    assert f"alias *{alias} refers to a value that contains it" in only.message


def test_picker_lists_a_recursive_bank_as_broken(tmp_path: Path) -> None:
    folder = tmp_path / "questions"
    folder.mkdir()
    shutil.copy(BUNDLED_BANK, folder / "good.yaml")
    shutil.copy(SEED_ARTICLE, folder / SEED_ARTICLE.name)
    (folder / "loop.yaml").write_text("title: loop\nquestions: &q [*q]\n", encoding="utf-8")
    entries = {e.path.name: e for e in bank_entries(discover_banks(cwd=tmp_path))}
    assert entries["good.yaml"].playable
    broken = entries["loop.yaml"]
    assert not broken.playable and broken.title == "loop.yaml"
    assert broken.error is not None and "refers to a value that contains it" in broken.error
