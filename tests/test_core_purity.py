"""The core must never import Textual: it has to run (and start fast) without a screen."""

from __future__ import annotations

import subprocess
import sys

CORE_MODULES = [
    "quizgame",
    "quizgame.article.passages",
    "quizgame.text.normalise",
    "quizgame.article.evidence",
    "quizgame.bank.models",
    "quizgame.bank.yamlnodes",
    "quizgame.bank.loader",
    "quizgame.bank.checks",
    "quizgame.game.scoring",
    "quizgame.game.session",
    "quizgame.bank.bundled",
    "quizgame.results",
    "quizgame.cli",
]


def test_core_does_not_import_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for m in {CORE_MODULES!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_help_and_check_do_not_import_textual() -> None:
    code = (
        "import sys, contextlib, io\n"
        "from quizgame.cli import main\n"
        "from quizgame.bank.bundled import default_bank\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        main(['--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "    rc = main(['check', str(default_bank())])\n"
        "assert rc == 0, rc\n"
        "sys.exit(1 if 'textual' in sys.modules else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
