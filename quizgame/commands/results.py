"""`quizgame results`: how the class did — per player, per question, per skill — as tables or files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "results",
        help="class reports: players, item analysis, skills",
        description="Show the results stored by games played on this machine: per player, per "
        "question (facility and discrimination) and per skill tag.",
    )
    p.add_argument(
        "--db",
        metavar="PATH",
        help="results database (default: $QUIZGAME_DB or the user data folder)",
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
        choices=("all", "players", "questions", "skills", "histogram"),
        default="all",
        help="which part of the report (default: all)",
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
    from quizgame.results import StoreError, open_store, resolve_db_path
    from quizgame.results.banks import resolve_banks
    from quizgame.results.rendering import SECTIONS, render_tables, to_csv, to_json
    from quizgame.results.reports import build_report
    from quizgame.text.atomic import write_atomic
    from quizgame.text.safe import json_safe, one_line

    db = resolve_db_path(args.db)
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

    if not db.exists():
        return friendly(
            f"No results yet: there is no results database at {db}. "
            "Answers are saved there as soon as someone plays."
        )
    try:
        store = open_store(db, create=False)
    except StoreError as exc:
        return fail(str(exc), 1)
    try:
        games = store.games(bank_id=bank_id)
        answers = store.answers(bank_id=bank_id)
        everyone = {a.player for a in answers}
        banks_seen = sorted({a.bank_id for a in answers})
        if not answers:
            if bank_id is None:
                return friendly(f"No results yet in {db}.")
            others = sorted({g.bank_id for g in store.games()})
            known = f" (results exist for: {', '.join(others)})" if others else ""
            return friendly(f"No results yet for bank '{bank_id}'{known}.")
    except StoreError as exc:
        return fail(str(exc), 1)
    finally:
        store.close()
    if args.player is not None and args.player not in everyone:
        import difflib

        same = [p for p in sorted(everyone) if p.casefold() == args.player.casefold()]
        close = same or difflib.get_close_matches(args.player, sorted(everyone), n=3)
        hint = f" — did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        return friendly(f"No results for player '{args.player}'{hint}")

    banks = resolve_banks(banks_seen, explicit)
    report = build_report(games, answers, banks, player=args.player)
    sections = SECTIONS if args.report == "all" else (args.report,)
    if args.format == "csv":
        text = to_csv(report, sections)
    elif args.format == "json":
        text = json_safe(to_json(report, sections))
    else:
        text = render_tables(
            report,
            sections,
            width=140 if args.output else None,
            color=not args.output and sys.stdout.isatty(),
            player=args.player,
        )
    if args.output:
        if args.format == "csv":
            text = "\ufeff" + text  # so Excel reads UTF-8 (accents in names, – in labels)
        try:
            write_atomic(Path(args.output), text)
        except OSError as exc:
            return fail(f"cannot write {args.output}: {exc.strerror or exc}", 1)
        print(f"wrote {one_line(args.output)}", file=sys.stderr)
        return 0
    sys.stdout.write(text)
    return 0
