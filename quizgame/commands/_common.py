"""Small helpers the command modules share: error output and atomic file writing."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path


def fail(message: str, code: int = 2) -> int:
    print(f"quizgame: error: {message}", file=sys.stderr)
    return code


def write_atomic(path: Path, text: str) -> None:
    """Write via a temp file in the same folder and rename, so a crash never leaves half a file."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or Path("."))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
