"""Import and export are pure core: they run without Textual (e.g. on a server converting banks)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import BUNDLED_BANK
from tests.interop.helpers import XML_FILE


def test_import_and_export_never_load_textual() -> None:
    code = (
        "import contextlib, io, sys\n"
        "from quizgame.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    assert main(['export', {str(BUNDLED_BANK)!r}, '--to', 'gift']) == 0\n"
        f"    assert main(['export', {str(BUNDLED_BANK)!r}, '--to', 'moodle-xml']) == 0\n"
        f"    assert main(['import', {str(XML_FILE)!r}, '-o', '-']) == 0\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
