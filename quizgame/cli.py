"""The command line: `quizgame [COMMAND] ...`; with no command it plays the bundled bank.

Each command is a module in `quizgame.commands` with `add_parser()` and `run()`. Those modules import
only the standard library at top level, so `quizgame --help` stays instant and never loads Textual.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from quizgame import __version__

# Order is the order `--help` lists them in.
COMMANDS = (
    "play",
    "check",
    "article",
    "schema",
    "generate",
    "results",
    "teacher",
    "import",
    "export",
    "serve",
    "class",
)


# Commands whose name is a Python keyword live in a module named otherwise.
_MODULE_NAMES = {"import": "import_bank", "class": "class_mode"}


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"quizgame.commands.{_MODULE_NAMES.get(name, name)}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quizgame",
        description="Read a real news article, answer questions about it, and see the proof in the text.",
        epilog="With no command, `quizgame` plays (same as `quizgame play`). "
        "Run `quizgame COMMAND --help` for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"quizgame {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        _module(name).add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list or (
        args_list[0].startswith("-") and args_list[0] not in ("-h", "--help", "--version")
    ):
        args_list = ["play", *args_list]
    args = parser.parse_args(args_list)
    if args.command is None:
        args = parser.parse_args(["play", *args_list])
    try:
        code: int = _module(args.command).run(args)
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return code


if __name__ == "__main__":
    raise SystemExit(main())
