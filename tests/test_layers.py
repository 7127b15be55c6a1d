"""The layers hold: import-linter's contracts (in pyproject.toml) pass, and the CLI starts without Textual.

The contracts are the list of what may import what; this test only runs them, so `pytest` alone catches a
layer broken by a new import. The second test checks at run time what no static contract can: that the
commands which never show a screen (`--help`, `check`) do not load Textual through a lazy import.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_linter_contracts_are_kept() -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    proc = subprocess.run(
        [str(lint_imports), "--no-cache", "--no-logo"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout


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


def test_the_readme_map_names_every_package_and_nothing_else() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Development", 1)[1].split("```", 2)[1]
    named: set[str] = set()
    for line in section.splitlines()[2:]:
        if line[4:5] == " ":  # a description running on
            continue
        names = re.split(r"\s{3,}", line.strip())[0]  # `tui/`, `cli.py  commands/`
        named |= {word.rstrip("/") for word in names.split() if word.endswith("/")}
    packages = {p.name for p in (ROOT / "quizgame").iterdir() if (p / "__init__.py").is_file()} - {
        "banks"
    }
    assert named == packages


def test_the_architecture_doc_names_only_modules_that_exist() -> None:
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    tree = doc.split("```", 2)[1]
    for line in tree.splitlines():
        if not line.strip():
            continue
        package = line.split()[0].rstrip("/").rstrip(",")
        for module in re.findall(r"([a-z_]+\.py)", line):
            where = ROOT / "quizgame" / module
            nested = list((ROOT / "quizgame").glob(f"*/{module}")) + list(
                (ROOT / "quizgame").glob(f"*/*/{module}")
            )
            assert where.exists() or nested, f"docs/architecture.md names {module} ({package})"
