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
    p.add_argument(
        "--db",
        metavar="PATH|URL",
        help="results database: an SQLite file or postgresql://user@host/dbname "
        "(default: $QUIZGAME_DB or the user data dir)",
    )
    # Set by `quizgame serve` for each browser visitor, not meant to be typed: a served game
    # shares nothing with other visitors (no preferences, no teacher view), may offer a class
    # list to pick a name from, and in class mode reports to the teacher's host screen.
    p.add_argument("--served", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--roster", metavar="FILE", help=argparse.SUPPRESS)
    p.add_argument("--class-session", metavar="ID", help=argparse.SUPPRESS)
    p.add_argument("--join-code", metavar="CODE", help=argparse.SUPPRESS)
    p.add_argument("--class-pace", choices=("self", "teacher"), help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    if args.plain:
        return _run_plain(args)
    return _run_tui(args)


def _run_plain(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quizgame.bank.bundled import default_bank
    from quizgame.bank.loader import load_bank
    from quizgame.commands._common import fail
    from quizgame.game.session import GameSession
    from quizgame.play.history_text import resumable, resume_label, summary_best_line
    from quizgame.play.plain import Quit, ask_resume, run_plain
    from quizgame.play.prefs import clean_name, load_prefs, remember, starting_mode
    from quizgame.results import open_sink
    from quizgame.results.history import read_history

    if args.banks:
        if len(args.banks) > 1:
            return fail("plain mode plays one bank at a time: give one BANK")
        path = Path(args.banks[0])
    else:
        found = default_bank()
        if found is None:
            return fail("no bundled bank found: give a BANK file")
        path = found
    result = load_bank(path, display=str(path))
    if result.loaded is None or not result.ok:
        for d in result.errors[:5]:
            print(d.format())
        code = 2 if any(d.code == "missing-file" for d in result.errors) else 1
        return fail(f"{path} cannot be played; run `quizgame check {path}`", code)
    prefs = load_prefs()
    name = clean_name(args.name) if args.name else prefs.name
    if not name:
        try:
            name = clean_name(input("Your name: ")) or "player"
        except EOFError:
            return 0
    remember(name=name, mode=args.mode)
    mode = starting_mode(result.loaded.bank.settings, args.mode, prefs.mode)
    history = read_history(args.db, name, result.loaded.bank_id)
    left = resumable(history, result.loaded)
    try:
        resume = left is not None and ask_resume(resume_label(left))
    except Quit:
        return 0
    if left is not None and resume:
        session = GameSession.resumed(
            result.loaded,
            left.game_id,
            left.answers,
            mode=left.mode,
            player=name,
            seed=args.seed,
            sink=open_sink(args.db),
        )
    else:
        session = GameSession(
            result.loaded, mode=mode, player=name, seed=args.seed, sink=open_sink(args.db)
        )
    return run_plain(session, best=lambda score, top: summary_best_line(history, score, top))


def _run_tui(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quizgame.commands._common import fail
    from quizgame.tui.app import QuizApp

    paths = [Path(b) for b in args.banks]
    missing = [p for p in paths if not p.exists()]
    if missing:
        return fail(f"bank file not found: {missing[0]}")
    served = bool(args.served or args.class_session)
    roster: tuple[str, ...] = ()
    if args.roster:
        from quizgame.play.roster import RosterError, read_roster

        try:
            roster = read_roster(Path(args.roster))
        except RosterError as exc:
            return fail(str(exc))
    app: QuizApp
    if args.class_session:
        from quizgame.serve.class_app import ClassQuizApp

        app = ClassQuizApp(
            args.class_session,
            join_code=args.join_code or "",
            paced=args.class_pace == "teacher",
            banks=paths,
            mode=args.mode,
            seed=args.seed,
            db=args.db,
            roster=roster,
        )
    else:
        app = QuizApp(
            banks=paths,
            name=None if served else args.name,
            mode=args.mode,
            seed=args.seed,
            db=args.db,
            served=served,
            roster=roster,
        )
    app.run()
    return app.return_code or 0
