"""Diagnostics in the one format every compiler user already reads: `file:line:col: error: …`.

A diagnostic always carries a position and, where we can tell, a hint saying how to fix it, so a
teacher editing YAML never has to read a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from quizgame.text.safe import one_line


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    file: str
    line: int  # 1-based
    col: int  # 1-based
    severity: Severity
    message: str
    hint: str | None = None
    code: str = "invalid"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, int, str]:
        return (self.file, self.line, self.col, 0 if self.is_error else 1, self.message)

    def format(self) -> str:
        """One line for a terminal: the file name, message and hint may quote bank or article
        text, so control characters in them are shown as pictures (quizgame.text.safe)."""
        text = (
            f"{one_line(self.file)}:{self.line}:{self.col}: {self.severity.value}: "
            f"{one_line(self.message)}"
        )
        return f"{text} — {one_line(self.hint)}" if self.hint else text

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.col,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }


def error(
    file: str, line: int, col: int, message: str, hint: str | None = None, code: str = "invalid"
) -> Diagnostic:
    return Diagnostic(file, line, col, Severity.ERROR, message, hint, code)


def warning(
    file: str, line: int, col: int, message: str, hint: str | None = None, code: str = "warning"
) -> Diagnostic:
    return Diagnostic(file, line, col, Severity.WARNING, message, hint, code)


def sort_diagnostics(diags: list[Diagnostic]) -> list[Diagnostic]:
    unique = {(d.file, d.line, d.col, d.severity, d.message): d for d in diags}
    return sorted(unique.values(), key=Diagnostic.sort_key)
