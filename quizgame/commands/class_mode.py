"""`quizgame class BANK`: a whole class plays one bank in browsers; the teacher watches live.

The teacher's terminal shows the host screen (join address and QR code, the roster, each
student's progress, how the class answered each question); the students' browsers each get their
own game from the same server as `quizgame serve`, with the same protections. Every answer goes
to the results store as usual, and the class session's tag is kept beside it.
"""

from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from quizgame.commands.serve import add_server_options

    p = sub.add_parser(
        "class",
        help="run a class: students play in browsers, you watch live",
        description="Run a class session: serve BANK to the students' browsers and show the host "
        "screen here (join address and QR code, roster, live progress, each question's answers). "
        "Needs the `serve` extra: pip install 'quizgame[serve]'.",
    )
    p.add_argument("bank", metavar="BANK", help="the bank the class plays")
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1; 0.0.0.0 lets the class's computers in)",
    )
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    p.add_argument(
        "--public-url", metavar="URL", help="the address students open, if not HOST:PORT"
    )
    p.add_argument("--db", metavar="PATH", help="results database every game writes to")
    p.add_argument(
        "--mode", choices=("practice", "exam", "guided"), help="game mode (default: the bank's)"
    )
    p.add_argument(
        "--pace",
        choices=("self", "teacher"),
        default="self",
        help="self: each student at their own speed (default); teacher: everyone on the same "
        "question, you reveal each answer and move on",
    )
    p.add_argument(
        "--join-code",
        nargs="?",
        const="auto",
        metavar="CODE",
        help="students must type this code to join (no value: a random 4-digit code)",
    )
    p.add_argument(
        "--across-servers",
        action="store_true",
        help="also show students of this class session playing on other servers "
        "(quizgame serve --class-session ID, with the same --db), read from the results store",
    )
    add_server_options(p)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quizgame.commands._common import fail
    from quizgame.commands.serve import check_args, game_command, public_url, warn_if_open

    args.banks = [args.bank]
    problem = check_args(args)
    if problem is not None:
        return problem
    code = args.join_code
    if code is not None and code != "auto" and not (code.isdigit() and 3 <= len(code) <= 8):
        return fail(f"--join-code {code}: give 3 to 8 digits, or no value for a random code")

    from quizgame.bank.loader import load_bank
    from quizgame.play.classroom import (
        ClassSession,
        Pace,
        new_join_code,
        new_session_id,
        questions_of,
    )
    from quizgame.play.roster import read_roster
    from quizgame.results import resolve_db_path
    from quizgame.serve.class_host import ClassHost
    from quizgame.serve.class_log import ClassLog
    from quizgame.serve.host_app import HostApp
    from quizgame.serve.server import QuizServer

    result = load_bank(Path(args.bank), display=args.bank)
    if result.loaded is None or not result.ok:
        return fail(f"{args.bank} cannot be played; run `quizgame check {args.bank}`", 1)
    bank = result.loaded.bank
    roster = read_roster(Path(args.roster)) if args.roster else ()
    join_code = new_join_code() if code == "auto" else (code or "")
    session = ClassSession(
        new_session_id(), questions_of(bank), pace=Pace(args.pace), roster=roster
    )
    args.class_session = session.session_id
    command = game_command(args)
    import shlex

    if join_code:
        command += " " + shlex.join(["--join-code", join_code])
    if args.pace == "teacher":
        command += " --class-pace teacher"
    url = public_url(args)
    warn_if_open(args.host)
    log: ClassLog | None = None
    db = str(args.db or "")
    if not db.startswith(("postgresql://", "postgres://")):  # a file store: a file beside it
        try:
            log = ClassLog(resolve_db_path(args.db).resolve())
        except Exception as exc:  # the store keeps the tag anyway; say what is missing
            print(f"quizgame: warning: class_sessions.sqlite3 not kept: {exc}", file=sys.stderr)
    server = QuizServer(
        command,
        host=args.host,
        port=args.port,
        public_url=url,
        title=f"{bank.title} — quizgame class",
        max_players=args.max_players,
        allow_origins=args.allow_origin,
        prefork=not args.no_prefork,
    )
    feed = None
    if args.across_servers:
        from quizgame.serve.store_feed import StoreFeed

        feed = StoreFeed(args.db, session, result.loaded.bank_id)
    app = HostApp(server, ClassHost(session, log), join_code=join_code, title=bank.title, feed=feed)
    app.run()
    if log is not None:
        log.close()
    if app.listen_error:
        return fail(f"{app.listen_error} (try --port {args.port + 1})", 1)
    joined = session.joined
    print(
        f"quizgame: class {session.session_id} ended: {joined} joined; every answer is in the "
        "results store.",
        file=sys.stderr,
    )
    return 0
