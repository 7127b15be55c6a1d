"""What an import or export yields: the questions or text, and a note for everything left behind.

A teacher must be able to see what did not make it across, so every converter reports through
`Note` (one line each, with its source line) and fails a whole file only with `InteropError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

QuestionDict = dict[str, Any]


class InteropError(Exception):
    """The file cannot be imported at all; `line` says where (0 when the whole file is at fault)."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True, slots=True)
class Note:
    """Something that did not make it across, said in one line with the source line number."""

    line: int
    message: str

    def format(self, file: str) -> str:
        from quizgame.text.safe import one_line  # names from the file may hold escapes

        return f"{one_line(file)}:{self.line}: warning: {one_line(self.message)}"


@dataclass
class Imported:
    """An imported file: bank-format question dicts (no evidence unless the file carried it)."""

    questions: list[QuestionDict] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    title: str | None = None
    shuffle_choices: bool | None = None
    retry_credit: float | None = None  # from Moodle's penalty (1 − penalty)


@dataclass
class Exported:
    text: str
    notes: list[Note] = field(default_factory=list)
    count: int = 0
