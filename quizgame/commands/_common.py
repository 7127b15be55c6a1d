"""Small helpers the command modules share: error output."""

from __future__ import annotations

import sys


def fail(message: str, code: int = 2) -> int:
    """Print an error; file names and quoted text in it are shown literally (quizgame.text.safe)."""
    from quizgame.text.safe import visible

    print(f"quizgame: error: {visible(message)}", file=sys.stderr)
    return code
