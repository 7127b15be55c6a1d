"""Garbage collection kept out of the moments the player waits for.

CPython collects when enough objects have piled up, wherever that happens to be: often in the
middle of drawing an answer's feedback. A full collection walks every tracked object — Textual's,
pydantic's, the bank's — ≈ 100 ms here, every few answers (it made the slowest answers measured by
bench/latency.py). So:

- once the first question is on screen, everything alive (modules, classes, validators, the bank, the
  article) is frozen out of collection (`gc.freeze`): it lives as long as the app anyway;
- after each question is drawn, while the player reads it, one collection clears what the last
  question left, so none is due before the answer.

`enabled` is switched off by the test suite, whose process outlives many apps.
"""

from __future__ import annotations

import gc

enabled = True
_frozen = False


def after_question_drawn() -> None:
    """The first time in this process, freeze what exists (start-up's objects); after that,
    collect what the game left since (the last question's widgets and messages)."""
    global _frozen
    if not enabled:
        return
    if _frozen:
        gc.collect()
    else:
        _frozen = True
        gc.freeze()
