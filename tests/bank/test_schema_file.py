"""The schema file shipped for editors is exactly what `quizgame schema` prints today."""

from __future__ import annotations

import json

import pytest

from quizgame.bank.bundled import bundled_dir, schema_path
from quizgame.cli import main


def test_shipped_schema_matches_the_models(capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    shipped = schema_path().read_text(encoding="utf-8")
    assert json.loads(shipped) == json.loads(printed), (
        "questions/quizgame-bank.schema.json is out of date: run "
        "`quizgame schema -o questions/quizgame-bank.schema.json`"
    )
    assert shipped == printed  # byte for byte, so the file never shows a needless diff


def test_bundled_banks_point_editors_at_the_schema() -> None:
    for bank in bundled_dir().glob("*.yaml"):
        first = bank.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=./{schema_path().name}", bank.name
