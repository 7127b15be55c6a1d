"""`quizgame schema [-o FILE]`: the JSON Schema of the bank format, for editors and CI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quizgame.commands._common import fail
from quizgame.text.atomic import write_atomic


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "schema",
        help="print the JSON Schema of the bank format",
        description="Print the JSON Schema generated from the bank models. Point yaml-language-server at "
        "it (`# yaml-language-server: $schema=quizgame-bank.schema.json`) to get completion and "
        "validation while editing a bank.",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )


def schema_text() -> str:
    import json

    from quizgame.bank.models import Bank

    schema = Bank.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def run(args: argparse.Namespace) -> int:
    text = schema_text()
    if args.output:
        try:
            write_atomic(Path(args.output), text)
        except OSError as exc:
            return fail(f"cannot write {args.output}: {exc.strerror or exc}", 1)
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
