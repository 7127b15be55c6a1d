"""`quizgame serve [--host 127.0.0.1] [--port 8000] [BANK...]`: the game in a web browser.

The server (quizgame.serve.server, on textual-serve) runs `python -m quizgame play --served …`
once per browser tab, so every visitor gets their own game process, and all of them write to the
same results store. A served game shares nothing else: no preferences, no teacher view. The
server listens on this machine only unless a teacher names another address explicitly, takes at
most --max-players games at once, and only from its own page (Origin checked).
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from pathlib import Path

_LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "serve",
        help="play in a web browser (each visitor gets their own game)",
        description="Serve the game over HTTP with textual-serve: open the printed address in a "
        "browser to play. Each visitor gets their own game; results go to the same store. "
        "Listens on 127.0.0.1 (this computer only) unless --host says otherwise. "
        "Needs the `serve` extra: pip install 'quizgame[serve]'.",
    )
    p.add_argument("banks", nargs="*", metavar="BANK", help="bank files to offer (as `play`)")
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1; 0.0.0.0 lets other computers connect)",
    )
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    p.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers use to reach the server, if not http://HOST:PORT "
        "(e.g. behind a proxy)",
    )
    p.add_argument("--db", metavar="PATH", help="results database every game writes to")
    p.add_argument(
        "--mode", choices=("practice", "exam", "guided"), help="game mode (default: the bank's)"
    )
    p.add_argument(
        "--class-session",
        metavar="ID",
        help="play as part of a class run by `quizgame class --across-servers` elsewhere "
        "(its session tag, shown on its host screen; use the same --db)",
    )
    add_server_options(p)


def add_server_options(p: argparse.ArgumentParser) -> None:
    """Options `serve` and `class` share."""
    from quizgame.serve import DEFAULT_MAX_PLAYERS

    p.add_argument(
        "--max-players",
        type=int,
        default=DEFAULT_MAX_PLAYERS,
        metavar="N",
        help=f"games that may run at once; the next visitor is told it is full "
        f"(default: {DEFAULT_MAX_PLAYERS}; each game is a process of about 35 MB)",
    )
    p.add_argument(
        "--allow-origin",
        action="append",
        default=[],
        metavar="URL",
        help="another address the game page may be opened from (e.g. a proxy's); repeatable. "
        "Pages from any other site cannot connect.",
    )
    p.add_argument(
        "--no-prefork",
        action="store_true",
        help="start each game as a new process instead of forking a pre-loaded one "
        "(slower to start, more memory; for debugging)",
    )
    p.add_argument(
        "--roster",
        metavar="FILE",
        help="class list (one name a line, or CSV with a `name` column): students pick "
        "their name from it, and no other name can be used",
    )


def game_command(args: argparse.Namespace) -> str:
    """The shell command textual-serve starts for each visitor."""
    argv = [sys.executable, "-m", "quizgame", "play", "--served"]
    argv += [str(Path(b).resolve()) for b in args.banks]
    if args.db:
        url = args.db.startswith(("postgresql://", "postgres://"))  # a server, not a file
        argv += ["--db", args.db if url else str(Path(args.db).resolve())]
    if args.mode:
        argv += ["--mode", args.mode]
    if getattr(args, "roster", None):
        argv += ["--roster", str(Path(args.roster).resolve())]
    if getattr(args, "class_session", None):
        argv += ["--class-session", args.class_session]
    return shlex.join(argv)


def check_args(args: argparse.Namespace) -> int | None:
    """The checks `serve` and `class` share; an exit status when the arguments cannot be used."""
    from quizgame.commands._common import fail

    try:
        import textual_serve.server  # noqa: F401
    except ImportError:
        return fail(
            "`quizgame serve` needs textual-serve, which is not installed — install it with "
            "`pip install 'quizgame[serve]'` (or `pip install textual-serve`)",
            1,
        )
    if not 0 < args.port < 65536:
        return fail(f"--port {args.port} is not a port number (1–65535)")
    session = getattr(args, "class_session", None)
    if session is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", session):
        return fail(f"--class-session {session!r}: give the tag the host screen shows")
    if args.max_players < 1:
        return fail(f"--max-players {args.max_players}: give at least 1")
    for bank in args.banks:
        if not Path(bank).is_file():
            return fail(f"{bank}: file not found", 2)
    if args.roster:
        from quizgame.play.roster import RosterError, read_roster

        try:
            read_roster(Path(args.roster))
        except RosterError as exc:
            return fail(str(exc), 2)
    return None


def public_url(args: argparse.Namespace) -> str:
    """The address browsers use: --public-url, else HOST:PORT — with this computer's network
    address in place of 0.0.0.0 (which no browser can open)."""
    if args.public_url:
        return str(args.public_url).rstrip("/")
    host = args.host
    if host in ("0.0.0.0", "::", ""):
        host = lan_address() or host
    return f"http://{'[' + host + ']' if ':' in host else host}:{args.port}"


def lan_address() -> str | None:
    """This computer's address on its network (the one its default route uses), or None.

    A UDP socket "connected" to a private address picks the outgoing interface without sending
    anything."""
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 9))
            address = str(s.getsockname()[0])
    except OSError:
        return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def warn_if_open(host: str) -> None:
    if host not in _LOCAL_HOSTS:
        print(
            f"quizgame: warning: listening on {host}, so other computers can connect and play. "
            "There is no password: use this only on a network you trust.",
            file=sys.stderr,
        )


def run(args: argparse.Namespace) -> int:
    from quizgame.commands._common import fail

    problem = check_args(args)
    if problem is not None:
        return problem
    from quizgame.serve.server import QuizServer

    host, url = args.host, public_url(args)
    warn_if_open(host)
    print(
        f"quizgame: serving the game at {url} — open it in a browser; "
        f"each visitor gets their own game (at most {args.max_players} at once). "
        "Ctrl+C stops the server.",
        file=sys.stderr,
        flush=True,
    )
    server = QuizServer(
        game_command(args),
        host=host,
        port=args.port,
        public_url=url,
        title=page_title(args.banks),
        max_players=args.max_players,
        allow_origins=args.allow_origin,
        prefork=not args.no_prefork,
    )
    try:
        server.serve_forever()
    except OSError as exc:
        return fail(
            f"cannot listen on {host}:{args.port}: {exc.strerror or exc} "
            f"(is another server using port {args.port}? try --port {args.port + 1})",
            1,
        )
    return 0


def page_title(banks: list[str]) -> str:
    """The browser tab's title: the bank's title when one bank is served."""
    if len(banks) == 1:
        from quizgame.play.bank_list import bank_entry

        entry = bank_entry(Path(banks[0]))
        if entry.playable:
            return f"{entry.title} — quizgame"
    return "quizgame — reading quiz"
