"""`quizgame serve [--host 127.0.0.1] [--port 8000] [BANK...]`: the game in a web browser.

textual-serve runs `python -m quizgame play …` once per browser tab, so every visitor gets their
own game process, and all of them write to the same results store. The server listens on this
machine only unless a teacher names another address explicitly.
"""

from __future__ import annotations

import argparse
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


def game_command(args: argparse.Namespace) -> str:
    """The shell command textual-serve starts for each visitor."""
    argv = [sys.executable, "-m", "quizgame", "play"]
    argv += [str(Path(b).resolve()) for b in args.banks]
    if args.db:
        url = args.db.startswith(("postgresql://", "postgres://"))  # a server, not a file
        argv += ["--db", args.db if url else str(Path(args.db).resolve())]
    if args.mode:
        argv += ["--mode", args.mode]
    return shlex.join(argv)


def run(args: argparse.Namespace) -> int:
    from quizgame.commands._common import fail

    try:
        from textual_serve.server import Server
    except ImportError:
        return fail(
            "`quizgame serve` needs textual-serve, which is not installed — install it with "
            "`pip install 'quizgame[serve]'` (or `pip install textual-serve`)",
            1,
        )
    if not 0 < args.port < 65536:
        return fail(f"--port {args.port} is not a port number (1–65535)")
    for bank in args.banks:
        if not Path(bank).is_file():
            return fail(f"{bank}: file not found", 2)
    host = args.host
    url = args.public_url or f"http://{'[' + host + ']' if ':' in host else host}:{args.port}"
    if host not in _LOCAL_HOSTS:
        print(
            f"quizgame: warning: listening on {host}, so other computers can connect and play. "
            "There is no password: use this only on a network you trust.",
            file=sys.stderr,
        )
    print(
        f"quizgame: serving the game at {url} — open it in a browser; "
        "each visitor gets their own game. Ctrl+C stops the server.",
        file=sys.stderr,
        flush=True,
    )
    server = Server(game_command(args), host=host, port=args.port, title="quizgame", public_url=url)
    try:
        server.serve()
    except OSError as exc:
        return fail(
            f"cannot listen on {host}:{args.port}: {exc.strerror or exc} "
            f"(is another server using port {args.port}? try --port {args.port + 1})",
            1,
        )
    return 0
