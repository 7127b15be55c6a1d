"""Small helpers the command modules share: error output."""

from __future__ import annotations

import sys


def fail(message: str, code: int = 2) -> int:
    print(f"quizgame: error: {message}", file=sys.stderr)
    return code
