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


# Options whose value is free text, which may start with '-' (a player called "-2+3").
_FREE_TEXT = ("--name", "--player")


def _attach_free_text(args: list[str]) -> list[str]:
    """`--name -2+3` → `--name=-2+3`: argparse takes a value starting with '-' for an option
    unless it looks like a negative number, so only the `=` form worked. A value that looks like
    a long option (`--plain`) is left alone: that is a forgotten value, and argparse says so."""
    out: list[str] = []
    i = 0
    while i < len(args):
        tok = args[i]
        if tok == "--":
            return out + args[i:]
        nxt = args[i + 1] if i + 1 < len(args) else None
        if tok in _FREE_TEXT and nxt and nxt.startswith("-") and not nxt.startswith("--"):
            out.append(f"{tok}={nxt}")
            i += 2
            continue
        out.append(tok)
        i += 1
    return out


def main(argv: Sequence[str] | None = None) -> int:
    args_list = _attach_free_text(list(sys.argv[1:] if argv is None else argv))
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
