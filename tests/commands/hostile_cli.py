"""Run the CLI in a child process with a memory cap and a time bound, so an unbounded read or a
hang fails the test (with a MemoryError or a timeout) instead of taking the machine down."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MEMORY_CAP = 1 << 30  # 1 GiB of address space: far more than any refusal needs


def _cap() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_capped(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), QUIZGAME_NO_CACHE="1")
    return subprocess.run(
        [sys.executable, "-m", "quizgame", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_cap,
        check=False,
    )
