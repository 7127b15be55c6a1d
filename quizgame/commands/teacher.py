"""`quizgame teacher`: the results screen in the TUI (players, item analysis, drill-down, responses,
histogram)."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "teacher",
        help="browse class results in the terminal UI",
        description="Open the teacher view: players, questions with facility and discrimination, "
        "each question's answer distribution and evidence, every student's responses, and the "
        "class score histogram.",
    )
    p.add_argument(
        "--db",
        metavar="PATH|URL",
        help="results database: an SQLite file or postgresql://user@host/dbname "
        "(default: $QUIZGAME_DB or the user data folder)",
    )
    p.add_argument(
        "--bank",
        metavar="FILE",
        action="append",
        default=[],
        help="a bank file the results were played from, for its prompts, tags and evidence "
        "(bundled banks and ./questions/*.yaml are found without it); may be repeated",
    )


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quizgame.commands._common import fail
    from quizgame.results import resolve_db
    from quizgame.results.loading import NoResultsYet, StoreError, read_results

    for bank in args.bank:
        if not Path(bank).is_file():
            return fail(f"no bank file at {bank}", 2)
    where = resolve_db(args.db)
    try:  # refuse a newer or unreadable database here, with a message instead of a screen
        read_results(where)
    except NoResultsYet:
        pass  # the screen says so
    except StoreError as exc:  # newer schema, unreachable server, nothing readable
        return fail(str(exc), 1)
    try:
        from quizgame.tui.app import QuizApp
    except ImportError as exc:
        return fail(f"the terminal UI is not available: {exc}", 1)
    db = where if isinstance(where, str) else str(where)
    QuizApp(db=db, open_teacher=True, teacher_banks=[Path(b) for b in args.bank]).run()
    return 0
