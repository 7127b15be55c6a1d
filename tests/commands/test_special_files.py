"""Every command refuses a path that is not a regular file (a device, a named pipe) with a clear
message, without hanging and without reading more than its limit; `import` has `check`'s limit.

Each command runs in a child process capped at 1 GiB of memory and bounded in time: before the
bounded reader, `/dev/zero` grew without limit (a MemoryError traceback under the cap) and a named
pipe blocked forever (a timeout)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.commands.hostile_cli import run_capped
from tests.conftest import SEED_ARTICLE

BANK = """\
title: t
article: {article}
questions:
  - id: q1
    type: truefalse
    prompt: Is it?
    answer: true
    explanation: Because.
    evidence:
      - quote: anything
"""


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("special", ["/dev/zero", "/dev/urandom", "fifo"])
def test_check_refuses_a_special_article(tmp_path: Path, fifo: Path, special: str) -> None:
    target = str(fifo) if special == "fifo" else special
    (tmp_path / "bank.yaml").write_text(BANK.format(article=target), encoding="utf-8")
    proc = run_capped("check", "bank.yaml", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    kind = "named pipe" if special == "fifo" else "device"
    assert f"article path is a {kind}, not a regular file" in proc.stdout


@pytest.mark.parametrize("command", ["check", "article", "generate", "import", "play"])
def test_commands_refuse_a_named_pipe(tmp_path: Path, fifo: Path, command: str) -> None:
    args = [command, str(fifo)] + (["--plain"] if command == "play" else [])
    proc = run_capped(*args, cwd=tmp_path)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert "named pipe, not a regular file" in proc.stdout + proc.stderr


@pytest.mark.parametrize("command", ["article", "generate", "import"])
def test_commands_refuse_dev_zero(tmp_path: Path, command: str) -> None:
    proc = run_capped(command, "/dev/zero", cwd=tmp_path)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr and "MemoryError" not in proc.stderr
    assert "/dev/zero: " in proc.stderr and "device, not a regular file" in proc.stderr


def test_import_has_the_bank_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.gift"
    question = b"::same:: What? {=yes ~no}\n\n"
    with big.open("wb") as fh:
        fh.write(question * (10_000_001 // len(question) + 1))
    proc = run_capped("import", str(big), cwd=tmp_path, timeout=60)
    assert proc.returncode == 1
    assert "over the 10,000,000-byte limit for a bank" in proc.stderr
    assert not (tmp_path / "big.yaml").exists()


def test_import_article_option_refuses_a_device(tmp_path: Path) -> None:
    gift = tmp_path / "q.gift"
    gift.write_text("::a:: What? {=yes ~no}\n", encoding="utf-8")
    shutil.copy(SEED_ARTICLE, tmp_path / "seed.txt")
    proc = run_capped("import", str(gift), "--article", "/dev/zero", cwd=tmp_path)
    assert proc.returncode == 2
    assert "device, not a regular file" in proc.stderr
