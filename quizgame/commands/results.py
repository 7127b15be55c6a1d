"""`quizgame results`: how the class did — per player, per question, per skill — as tables or files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizgame.results.store import StoredAnswer, StoredGame


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "results",
        help="class reports: players, item analysis, skills",
        description="Show the results stored by games played on this machine: per player, per "
        "question (facility and discrimination) and per skill tag.",
    )
    p.add_argument(
        "--db",
        metavar="PATH|URL",
        help="results database: an SQLite file or postgresql://user@host/dbname "
        "(default: $QUIZGAME_DB or the user data folder)",
    )
    p.add_argument(
        "--bank",
        metavar="ID|PATH",
        help="only this bank: its id (file name without .yaml) or the bank file itself "
        "(a file also supplies the question tags for the skills report)",
    )
    p.add_argument("--player", metavar="NAME", help="only this player's rows (class figures stay)")
    p.add_argument(
        "--format", choices=("table", "csv", "json"), default="table", help="output format"
    )
    p.add_argument(
        "--report",
        choices=("all", "players", "questions", "skills", "histogram", "games", "responses"),
        default="all",
        help="which part of the report (default: all = players, questions, skills, histogram; "
        "games: every game with its mode and status; responses: every attempt per student)",
    )
    p.add_argument(
        "--copy-to",
        metavar="URL",
        help="copy every game and answer into this PostgreSQL database (postgresql://…), "
        "then check that all of them are there",
    )
    p.add_argument(
        "--regrade",
        metavar="BANK",
        help="score the stored answers of this bank file's questions again, against the bank as "
        "it is now (after fixing a key); shows what changed per student, keeps the old marks",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout"
    )


def _looks_like_path(value: str) -> bool:
    return (
        value.endswith((".yaml", ".yml")) or "/" in value or "\\" in value or Path(value).is_file()
    )


def run(args: argparse.Namespace) -> int:
    from quizgame.commands._common import fail
    from quizgame.results.loading import NoResultsYet, read_results
    from quizgame.results.store import StoreError

    if args.copy_to:
        return _copy(args)
    if args.regrade:
        return _regrade(args)
    explicit: list[Path] = []
    bank_id: str | None = None
    if args.bank:
        if _looks_like_path(args.bank):
            from quizgame.bank.loader import load_bank

            loaded = load_bank(args.bank)
            if loaded.loaded is None:
                for d in loaded.errors:
                    print(d.format(), file=sys.stderr)
                return fail(f"cannot read bank {args.bank}: fix it with `quizgame check` first", 2)
            explicit.append(Path(args.bank))
            bank_id = loaded.loaded.bank_id
        else:
            bank_id = args.bank

    def friendly(message: str) -> int:
        """No results is a normal state (nobody has played yet), not an error."""
        from quizgame.text.safe import visible  # paths, bank ids and names are not ours

        print(
            visible(message),
            file=sys.stderr if args.format != "table" or args.output else sys.stdout,
        )
        return 0

    try:
        read = read_results(args.db, bank_id=bank_id)
        games, answers = read.games, read.answers
        for note in read.notes:
            print(f"quizgame: warning: {note}", file=sys.stderr)
        everyone = {a.player for a in answers}
        banks_seen = sorted({a.bank_id for a in answers})
        if not answers:
            if bank_id is None:
                return friendly(f"No results yet in {read.where}.")
            others = sorted({g.bank_id for g in read_results(args.db).games})
            known = f" (results exist for: {', '.join(others)})" if others else ""
            return friendly(f"No results yet for bank '{bank_id}'{known}.")
    except NoResultsYet as exc:
        return friendly(str(exc))
    except StoreError as exc:
        return fail(str(exc), 1)
    if args.player is not None and args.player not in everyone:
        import difflib

        same = [p for p in sorted(everyone) if p.casefold() == args.player.casefold()]
        close = same or difflib.get_close_matches(args.player, sorted(everyone), n=3)
        hint = f" — did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        return friendly(f"No results for player '{args.player}'{hint}")
    return _render(args, games, answers, banks_seen, explicit)


def _render(
    args: argparse.Namespace,
    games: list[StoredGame],
    answers: list[StoredAnswer],
    banks_seen: list[str],
    explicit: list[Path],
) -> int:
    from quizgame.commands._common import fail
    from quizgame.results.banks import resolve_banks
    from quizgame.results.rendering import render_tables
    from quizgame.results.report_export import SECTIONS, to_csv, to_json
    from quizgame.results.reports import build_report
    from quizgame.text.atomic import write_atomic

    banks = resolve_banks(banks_seen, explicit)
    report = build_report(games, answers, banks, player=args.player)
    sections = SECTIONS if args.report == "all" else (args.report,)
    if args.format == "csv":
        text = to_csv(report, sections)
    elif args.format == "json":
        from quizgame.text.safe import json_safe  # json.dumps leaves C1 controls raw

        text = json_safe(to_json(report, sections))
    else:
        tty = not args.output and sys.stdout.isatty()
        text = render_tables(
            report,
            sections,
            # a terminal: its width; a file or a pipe: wide enough that nothing is cut
            width=None if tty else WIDE,
            color=tty,
            player=args.player,
        )
        if not tty:
            text = "\n".join(line.rstrip() for line in text.split("\n"))
    if args.output:
        if args.format == "csv":
            text = "\ufeff" + text  # so Excel reads UTF-8 (accents in names, – in labels)
        try:
            write_atomic(Path(args.output), text)
        except OSError as exc:
            return fail(f"cannot write {args.output}: {exc.strerror or exc}", 1)
        from quizgame.text.safe import one_line

        print(f"wrote {one_line(args.output)}", file=sys.stderr)
        return 0
    sys.stdout.write(text)
    return 0


WIDE = 400  # columns for tables written to files and pipes: their natural width, never cut


def _copy(args: argparse.Namespace) -> int:
    from quizgame.commands._common import fail
    from quizgame.results.copying import copy_results
    from quizgame.results.loading import NoResultsYet
    from quizgame.results.store import StoreError
    from quizgame.results.urls import redact

    try:
        done = copy_results(args.db, args.copy_to)
    except NoResultsYet as exc:
        return fail(str(exc), 1)
    except StoreError as exc:
        return fail(str(exc), 1)
    for note in done.notes:
        print(f"quizgame: warning: {note}", file=sys.stderr)
    where = redact(args.copy_to)
    if not done.ok:
        return fail(
            f"copy to {where} is incomplete: {done.missing_games} game(s) and "
            f"{done.missing_answers} answer(s) are not there; the source was not changed",
            1,
        )
    print(
        f"copied {done.games} game(s) and {done.answers} answer(s) to {where}; checked: every "
        f"one is there (it now holds {done.target_games} games, {done.target_answers} answers)"
    )
    return 0


def _regrade(args: argparse.Namespace) -> int:
    import time

    from quizgame.bank.loader import load_bank
    from quizgame.commands._common import fail
    from quizgame.results import open_store
    from quizgame.results.regrade import describe, regrade_changes
    from quizgame.results.store import StoreError

    result = load_bank(args.regrade)
    if result.loaded is None:
        for d in result.errors:
            print(d.format(), file=sys.stderr)
        return fail(f"cannot read bank {args.regrade}: fix it with `quizgame check` first", 2)
    loaded = result.loaded
    try:
        store = open_store(args.db, create=False)
    except StoreError as exc:
        return fail(str(exc), 1)
    try:
        answers = store.answers(bank_id=loaded.bank_id)
        if not answers:
            print(f"No stored answers for bank '{loaded.bank_id}': nothing to regrade.")
            return 0
        changes, skipped = regrade_changes(answers, loaded)
        if changes:
            store.apply_regrade(changes, loaded.content_hash, time.time())
    except StoreError as exc:
        return fail(str(exc), 1)
    finally:
        store.close()
    from quizgame.text.safe import visible  # player names and ids come from the store

    for line in describe(changes):
        print(visible(line))
    if skipped:
        print(
            "not regraded (no longer in the bank, or a different type now): " + ", ".join(skipped)
        )
    players = len({c.player for c in changes})
    print(
        f"Regraded {len(answers)} stored answer(s) of '{loaded.bank_id}': {len(changes)} changed, "
        f"for {players} student(s). The old marks are kept in the database's regrade history."
        if changes
        else f"Regraded {len(answers)} stored answer(s) of '{loaded.bank_id}': no mark changed."
    )
    return 0
