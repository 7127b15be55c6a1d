"""The hostile text corpus: every kind of text that has broken terminal programs, in one place.

Used for prompts, choices, explanations, article passages and player names by the TUI, plain-mode
and report tests (tests/text/test_hostile_text.py, tests/results/test_hostile_reports.py, tests/tui/test_hostile.py). `write_hostile_bank` puts
it all in a bank: the YAML holds control characters as double-quoted escapes ("\\x1b", "\\a"), as
YAML requires; the article file holds them raw, as a plain text file may.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from quizgame.bank.bundled import bundled_dir

SEED = bundled_dir() / "kremlin-peacekeepers.txt"

# name → text. Short names, so a failing test says which one broke.
HOSTILE: dict[str, str] = {
    "markup-bold": "[bold]not bold[/bold]",
    "markup-click": "[@click=app.quit]click me[/]",
    "markup-close": "[/] stray close [/]",
    "markup-link": "[link=http://x]y[/link]",
    "markup-style": "[red on white]colour?[/] [reverse]x[/reverse]",
    "ansi-colour": "\x1b[31mred text\x1b[0m",
    "ansi-clear": "before\x1b[2J\x1b[Hafter",
    "ansi-osc8": "\x1b]8;;http://evil.example\x1b\\a link\x1b]8;;\x1b\\",
    "ansi-title": "\x1b]0;pwned\x07title",
    "ansi-altscreen": "\x1b[?1049hgone?\x1b[?1049l",
    "c1-csi": "eight-bit \x9b31m CSI",
    "controls": "bell\x07 back\x08space nul\x00 del\x7f vt\x0b ff\x0c cr\r end",
    "rtl-arabic": "مرحبا بالعالم، هذا نص عربي",
    "rtl-hebrew": "שלום עולם, זה טקסט בעברית",
    "bidi-override": "user\u202egnp.exe\u202c and \u200fRLM\u200e LRM",
    "zero-width": "zero\u200bwidth\u200cnon\u200djoiner\ufeffbom\u2060word",
    "emoji": "👩\u200d💻 🇺🇦 👍🏽 🏳️\u200d🌈 👨\u200d👩\u200d👧\u200d👦",
    "combining": "e\u0301 Z\u0351\u0352\u0353a\u0354\u0355lgo",
    "wide-cjk": "中文字符全角テキスト한국어",
    "long-word": "a" * 10_000,
    "long-line": ("word " * 2_000).strip(),
}

# Text inside a single-line widget (a name, a table cell) may lose line breaks; not these.
NAMES: dict[str, str] = {
    k: v for k, v in HOSTILE.items() if k not in ("long-word", "long-line", "controls")
}


def _question(n: int, key: str, text: str, evidence: str) -> dict[str, Any]:
    other = f"plain choice {n}"
    kind = ("choice", "multi", "short", "match", "truefalse")[n % 5]
    q: dict[str, Any] = {
        "id": f"h{n:02d}",
        "type": kind,
        "prompt": f"{text} ({key})",
        "explanation": f"Why: {text}",
        "evidence": [{"quote": evidence}],
    }
    if kind == "choice":
        q |= {"choices": [text, other], "answer": text}
    elif kind == "multi":
        q |= {"choices": [text, other, f"third {n}"], "answers": [text, other]}
    elif kind == "short":
        q |= {"answer": f"answer {n}", "accept": [text[:200]]}
    elif kind == "match":
        q |= {
            "pairs": [
                {"left": text, "right": f"right {n}"},
                {"left": f"left {n}", "right": text[:300] + " (R)"},
            ]
        }
    else:
        q |= {"answer": True}
    return q


def hostile_article() -> str:
    """The bundled article with one extra passage per hostile string (control characters raw).

    Except NUL: an article holding NUL bytes is refused as binary (tested elsewhere)."""
    base = SEED.read_text(encoding="utf-8").rstrip("\n")
    extra = "\n\n".join(f"Passage about {k}: {v.replace(chr(0), '')}" for k, v in HOSTILE.items())
    return f"{base}\n\n{extra}\n"


def write_hostile_bank(
    folder: Path,
    *,
    title: str = "[bold]Hostile[/] \x1b[31mbank",
    keys: tuple[str, ...] | None = None,
) -> Path:
    """A playable bank whose every text field carries the corpus; returns its path.

    One question per corpus entry (or per entry in `keys`, in that order); the article always
    holds every entry."""
    (folder / "article.txt").write_text(hostile_article(), encoding="utf-8")
    chosen = keys if keys is not None else tuple(HOSTILE)
    questions = [
        _question(n, key, HOSTILE[key], f"Passage about {key}: {HOSTILE[key].replace(chr(0), '')}")
        for n, key in enumerate(chosen)
    ]
    bank = {"title": title, "article": "article.txt", "questions": questions}
    path = folder / "hostile.yaml"
    # safe_dump writes control characters as double-quoted escapes ("\e", "\a"), as YAML requires
    path.write_text(
        yaml.safe_dump(bank, allow_unicode=True, sort_keys=False, width=4096), encoding="utf-8"
    )
    return path


def write_empty_article_bank(folder: Path) -> Path:
    (folder / "empty.txt").write_text("", encoding="utf-8")
    path = folder / "empty-article.yaml"
    path.write_text(
        "title: Empty article\narticle: empty.txt\nquestions:\n"
        "  - id: q1\n    type: truefalse\n    prompt: Is the article empty?\n    answer: true\n"
        "    explanation: It is.\n    evidence: [{quote: nothing at all}]\n",
        encoding="utf-8",
    )
    return path


def copy_seed(folder: Path) -> Path:
    return Path(shutil.copy(SEED, folder / "article.txt"))
