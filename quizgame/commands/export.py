"""`quizgame export BANK.yaml --to gift|moodle-xml [-o FILE]`: a checked bank, ready for Moodle."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quizgame.text.formatting import count_of


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export",
        help="export a bank to Moodle (GIFT or Moodle XML)",
        description="Write a bank as GIFT or Moodle XML for Moodle's question bank. The explanation "
        'and the evidence (as lines `Evidence (p4): "…"`) go into each question\'s general '
        "feedback, so `quizgame import` gets them back. The bank must pass `quizgame check`.",
    )
    p.add_argument("bank", metavar="BANK", help="bank file (.yaml)")
    p.add_argument(
        "--to", dest="to", required=True, choices=("gift", "moodle-xml"), help="output format"
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def run(args: argparse.Namespace) -> int:
    from quizgame.bank.loader import load_bank
    from quizgame.commands._common import fail
    from quizgame.interop.gift_export import export_gift
    from quizgame.interop.moodle_xml_export import export_moodle_xml
    from quizgame.interop.notes import InteropError
    from quizgame.interop.parts import question_lines
    from quizgame.text.atomic import write_atomic
    from quizgame.text.safe import for_stream, one_line

    output = Path(args.output) if args.output and args.output != "-" else None
    if output is not None and output.exists() and not args.force:
        return fail(f"{args.output} already exists; use --force to overwrite it", 1)
    result = load_bank(Path(args.bank), display=args.bank)
    if result.loaded is None or result.errors:
        for d in result.errors:
            print(d.format(), file=sys.stderr)
        code = 2 if any(d.code == "missing-file" for d in result.errors) else 1
        return fail(f"{args.bank} has errors; fix them first (`quizgame check {args.bank}`)", code)
    loaded = result.loaded
    lines = question_lines(loaded.path, len(loaded.bank.questions))
    exporter = export_gift if args.to == "gift" else export_moodle_xml
    try:
        exported = exporter(loaded, lines)
    except InteropError as exc:  # the format cannot carry this bank faithfully: nothing written
        where = f"{one_line(args.bank)}:{exc.line}" if exc.line else one_line(args.bank)
        print(f"{where}: error: {one_line(exc.message)}", file=sys.stderr)
        return 1
    for note in exported.notes:
        print(note.format(args.bank), file=sys.stderr)
    if output is None:
        sys.stdout.write(for_stream(exported.text, sys.stdout))
        return 0
    try:
        write_atomic(output, exported.text)
    except OSError as exc:
        return fail(f"cannot write {args.output}: {exc.strerror or exc}", 1)
    print(
        f"wrote {one_line(str(args.output))}: {count_of(exported.count, 'question')}",
        file=sys.stderr,
    )
    return 0
