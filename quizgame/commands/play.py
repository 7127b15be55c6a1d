"""`quizgame play [BANK...]`: the game (Textual TUI, or `--plain` line mode)."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "play",
        help="play a bank (the default command)",
        description="Play a question bank. With no BANK, pick from the bundled banks and ./questions/.",
    )
    p.add_argument(
        "banks", nargs="*", metavar="BANK", help="bank files to offer (one: play it directly)"
    )
    p.add_argument("--name", help="player name (remembered for next time)")
    p.add_argument(
        "--mode", choices=("practice", "exam", "guided"), help="game mode (default: the bank's)"
    )
    p.add_argument(
        "--plain", action="store_true", help="play in plain line mode (screen readers, pipes)"
    )
    p.add_argument("--seed", type=int, help="seed for shuffling (for reproducible games)")


def run(args: argparse.Namespace) -> int:
    from quizgame.commands._common import fail

    return fail("the game is not built yet", 1)
