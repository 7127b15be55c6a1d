"""Property tests: whatever a bank file holds, `check` reports positioned errors and never raises.

A small number of examples runs with the suite; bench/fuzz.py runs 10,000+.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from quizgame.bank.loader import LoadResult, load_bank_text
from tests.conftest import SEED_ARTICLE
from tests.strategies import (
    broken_bank,
    hostile_field_bank,
    random_bytes,
    recursive_alias_bank,
    special_article_bank,
    yaml_text,
)

FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def bank_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copy(SEED_ARTICLE, folder / "kremlin-peacekeepers.txt")
    return folder / "bank.yaml"


def check_bytes(raw: bytes, path: Path) -> LoadResult:
    result = load_bank_text(raw, path, "bank.yaml")
    # YAML (and editors) take CR LF, a lone CR and LF each as one line break
    lines = raw.count(b"\n") + raw.replace(b"\r\n", b"").count(b"\r") + 1
    for d in result.diagnostics:
        assert d.file == "bank.yaml"
        assert 1 <= d.line <= lines + 1, d.format()
        assert d.col >= 1, d.format()
        assert d.message
    return result


@FUZZ
@given(raw=broken_bank())
def test_broken_banks_always_fail_with_positions(bank_path: Path, raw: bytes) -> None:
    result = check_bytes(raw, bank_path)
    assert result.errors, "a broken bank passed check"
    assert result.loaded is None


@FUZZ
@given(raw=random_bytes())
def test_random_bytes_never_raise(bank_path: Path, raw: bytes) -> None:
    result = check_bytes(raw, bank_path)
    assert result.ok == (result.loaded is not None)


@FUZZ
@given(text=yaml_text)
def test_random_yaml_text_never_raises(bank_path: Path, text: str) -> None:
    result = check_bytes(text.encode("utf-8"), bank_path)
    assert result.errors  # nothing this small can be a valid bank


# --- hostile shapes (issue 14; bench/fuzz.py runs many more) ---------------------------------------

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@FUZZ
@given(raw=recursive_alias_bank())
def test_self_referencing_aliases_are_positioned_errors(raw: bytes, bank_path: Path) -> None:
    result = check_bytes(raw, bank_path)
    assert result.errors and result.loaded is None


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom", "pipe.txt", "adir", "zero.txt"])
def test_special_article_paths_are_refused(target: str, bank_path: Path) -> None:
    folder = bank_path.parent
    if not (folder / "pipe.txt").exists():
        os.mkfifo(folder / "pipe.txt")
        (folder / "adir").mkdir()
        (folder / "zero.txt").symlink_to("/dev/zero")
    result = check_bytes(special_article_bank(target), bank_path)
    assert any("not a regular file" in d.message or "directory" in d.message for d in result.errors)


@FUZZ
@given(raw=hostile_field_bank())
def test_hostile_text_in_any_field_is_printed_literally(raw: bytes, bank_path: Path) -> None:
    for d in check_bytes(raw, bank_path).diagnostics:
        assert not CONTROL.search(d.format()), d.format()
