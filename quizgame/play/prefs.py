"""What the game remembers between runs (the player's name, their last mode).

Preferences are a convenience, never a reason to fail: a missing, corrupt or unwritable file just
means starting from defaults. Writes go through a temp file and a rename, so a crash mid-write leaves
the previous file intact.
"""

from __future__ import annotations

import json
import os
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quizgame.text.reading import ReadRefused, read_limited

if TYPE_CHECKING:
    from quizgame.bank.models import Settings

FILE_NAME = "prefs.json"
MAX_NAME = 40
MAX_PREFS_BYTES = 64_000  # what we write is under 200 bytes; anything far bigger is not ours
MODES = ("practice", "exam", "guided")
_JOINERS = frozenset("\u200c\u200d")  # ZWNJ, ZWJ


@dataclass(frozen=True)
class Prefs:
    name: str = ""
    mode: str = ""  # "" = the bank's own default


def starting_mode(settings: Settings, chosen: str | None, remembered: str) -> str:
    """The mode a game starts in: the one asked for (`--mode`), else the bank's when its author
    set one (a teacher's `mode: exam` holds), else the player's last choice, else the bank's
    default (practice)."""
    if chosen in MODES:
        return str(chosen)
    if "mode" not in settings.model_fields_set and remembered in MODES:
        return remembered
    return settings.mode.value


def config_dir() -> Path:
    """`$QUIZGAME_CONFIG_DIR` if set (tests, portable installs), else the platform's config dir."""
    override = os.environ.get("QUIZGAME_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("quizgame", appauthor=False))


def prefs_path() -> Path:
    return config_dir() / FILE_NAME


def clean_name(raw: str) -> str:
    """A name as stored and shown: no control characters, single spaces, at most MAX_NAME chars.

    Format characters go too (bidi overrides could disguise a name in a report), except the
    zero-width (non-)joiner: emoji sequences and Persian or Indic names need them."""
    kept = "".join(
        " " if unicodedata.category(ch).startswith("C") and ch not in _JOINERS else ch for ch in raw
    )
    return " ".join(kept.split())[:MAX_NAME].strip()


def load_prefs(path: Path | None = None) -> Prefs:
    """The saved preferences, or defaults if the file is missing, unreadable or not what we wrote."""
    p = path or prefs_path()
    try:
        data = json.loads(read_limited(p, MAX_PREFS_BYTES, what="preferences"))
    except (ReadRefused, ValueError):
        return Prefs()
    if not isinstance(data, dict):
        return Prefs()
    name = data.get("name")
    mode = data.get("mode")
    return Prefs(
        name=clean_name(name) if isinstance(name, str) else "",
        mode=mode if mode in MODES else "",
    )


def save_prefs(prefs: Prefs, path: Path | None = None) -> bool:
    """Save atomically; returns False (and changes nothing) when the file cannot be written."""
    from quizgame.text.atomic import write_atomic

    p = path or prefs_path()
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(p, json.dumps(asdict(prefs), ensure_ascii=False, indent=2) + "\n")
    except OSError:
        return False
    return True


def remember(name: str | None = None, mode: str | None = None, path: Path | None = None) -> bool:
    """Update some fields, keeping the others."""
    old = load_prefs(path)
    new = Prefs(
        name=clean_name(name) if name is not None else old.name,
        mode=mode if mode in MODES else old.mode,
    )
    if new == old and (path or prefs_path()).exists():
        return True
    return save_prefs(new, path)
