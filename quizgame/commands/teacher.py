"""`quizgame teacher`: the results screen in the TUI (players, item analysis, drill-down, histogram)."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "teacher",
        help="browse class results in the terminal UI",
        description="Open the teacher view: players, questions with facility and discrimination, "
        "each question's answer distribution and evidence, and the class score histogram.",
    )
    p.add_argument(
        "--db",
        metavar="PATH",
        help="results database (default: $QUIZGAME_DB or the user data folder)",
    )


def run(args: argparse.Namespace) -> int:
    from quizgame.commands._common import fail
    from quizgame.results import StoreError, open_store, resolve_db_path

    db = resolve_db_path(args.db)
    if db.exists():  # refuse a newer or damaged file here, with a message instead of a crash
        try:
            open_store(db, create=False).close()
        except StoreError as exc:  # newer schema, damaged file, unreadable
            return fail(str(exc), 1)
    try:
        from quizgame.tui.app import QuizApp
    except ImportError as exc:
        return fail(f"the terminal UI is not available: {exc}", 1)
    QuizApp(db=str(db), open_teacher=True).run()
    return 0
