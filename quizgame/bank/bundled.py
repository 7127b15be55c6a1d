"""Where the bundled banks live, installed or in a source checkout.

Wheels carry `questions/` as `quizgame/banks/` (see pyproject's force-include); an editable install
or a plain checkout reads `questions/` beside the package instead, so both play with no arguments.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # the quizgame package


def bundled_dir() -> Path:
    installed = _PACKAGE_DIR / "banks"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "questions"


def bundled_banks() -> list[Path]:
    """The bundled bank files, sorted by name."""
    folder = bundled_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.yaml") if p.is_file())


def default_bank() -> Path | None:
    banks = bundled_banks()
    preferred = [b for b in banks if b.stem == "kremlin-peacekeepers"]
    candidates = preferred or banks
    return candidates[0] if candidates else None


def schema_path() -> Path:
    """The JSON Schema file shipped next to the bundled banks (kept current by a test)."""
    return bundled_dir() / "quizgame-bank.schema.json"
