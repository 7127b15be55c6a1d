"""`quizgame check BANK...`: every problem in every bank, as `file:line:col: severity: message — hint`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from quizgame.text.formatting import count_of


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "check",
        help="check question banks for errors",
        description="Check question banks: YAML syntax, fields, answers and that every evidence quote "
        "is in the article. Exit status: 0 no errors, 1 errors found, 2 a file is missing.",
    )
    p.add_argument("banks", nargs="+", metavar="BANK", help="bank files (.yaml)")
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument(
        "-q", "--quiet", action="store_true", help="print problems only, no summary lines"
    )


def run(args: argparse.Namespace) -> int:
    from quizgame.authoring.bank_lint import lint_bank
    from quizgame.bank.diagnostics import sort_diagnostics
    from quizgame.bank.loader import load_bank
    from quizgame.text.safe import one_line

    results = [load_bank(Path(b), display=b) for b in args.banks]
    for r in results:  # fairness warnings need the article's attributions: only for sound banks
        if r.loaded is not None and not r.errors:
            r.diagnostics = sort_diagnostics(r.diagnostics + lint_bank(r.loaded, r.root, r.display))
    missing = any(d.code == "missing-file" for r in results for d in r.diagnostics)
    failed = any(r.errors or (args.strict and r.warnings) for r in results)
    if args.format == "json":
        from quizgame.text.safe import json_safe

        found = [d.to_json() for r in results for d in r.diagnostics]
        sys.stdout.write(json_safe(json.dumps(found, indent=2, ensure_ascii=False)) + "\n")
    else:
        for r in results:
            for d in r.diagnostics:
                print(d.format())
            if not args.quiet:
                n_err, n_warn = len(r.errors), len(r.warnings)
                if r.ok and not (args.strict and n_warn):
                    extra = f", {n_warn} warning{'s' if n_warn != 1 else ''}" if n_warn else ""
                    print(
                        f"✓ {one_line(r.display)}: {count_of(r.question_count, 'question')}, no errors{extra}",
                        file=sys.stderr,
                    )
                else:
                    print(
                        f"✗ {one_line(r.display)}: {n_err} error{'s' if n_err != 1 else ''}, "
                        f"{n_warn} warning{'s' if n_warn != 1 else ''}",
                        file=sys.stderr,
                    )
    if missing:
        return 2
    return 1 if failed else 0
