"""Running the CLI in-process for interop tests, and the data files they share."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizgame.cli import main
from tests.conftest import SEED_ARTICLE

DATA = Path(__file__).resolve().parent.parent / "data" / "interop"
GIFT_FILE = DATA / "kremlin-quiz.gift"
XML_FILE = DATA / "moodle-export.xml"


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def with_article(tmp_path: Path) -> Path:
    """The seed article copied into tmp_path (tests never depend on files outside tests/)."""
    target = tmp_path / "article.txt"
    shutil.copy(SEED_ARTICLE, target)
    return target
