"""A throwaway PostgreSQL cluster for the results-store tests: a real server, not a mock.

`start_cluster()` runs the OS package's `initdb` into a fresh temporary folder and starts the server
listening only on a Unix socket inside that folder (no TCP port, so parallel test workers and a
system PostgreSQL never collide). PostgreSQL refuses to run as root, so as root the server runs as
the `postgres` user the package creates (via `runuser`). `fsync=off`: the tests kill the *client*
mid-game, never the server, and each test's CREATE DATABASE is much faster without it.

QUIZGAME_TEST_PG=postgresql://… uses an existing server instead (it needs CREATEDB rights); each
test then gets its own database on it, dropped afterwards.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

ENV_URL = "QUIZGAME_TEST_PG"
PORT = 5432  # with a Unix socket in our own folder this only names the socket file


class NoPostgres(Exception):
    """No PostgreSQL binaries here; the message says how to get them."""


def find_bin_dir() -> Path | None:
    """QUIZGAME_TEST_PG_BIN if set (a folder holding initdb and pg_ctl), else the newest
    /usr/lib/postgresql/N/bin holding initdb, else initdb on PATH."""
    forced = os.environ.get("QUIZGAME_TEST_PG_BIN")
    if forced is not None:
        return Path(forced) if (Path(forced) / "initdb").is_file() else None
    found = []
    for initdb in Path("/usr/lib/postgresql").glob("*/bin/initdb"):
        m = re.fullmatch(r"\d+", initdb.parent.parent.name)
        if m:
            found.append((int(m.group()), initdb.parent))
    if found:
        return max(found)[1]
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path and shutil.which("pg_ctl") else None


@dataclass(frozen=True)
class Server:
    """Where to connect: `url(dbname)` is a libpq URL to one database on it."""

    base: str  # a URL to the maintenance database

    def url(self, dbname: str) -> str:
        parts = urlsplit(self.base)
        return urlunsplit(parts._replace(path="/" + quote(dbname)))


def _as_server_user(argv: list[str]) -> tuple[list[str], int | None]:
    """The command to run a server binary (not as root), and the uid that will own the files."""
    if os.geteuid() != 0:
        return argv, None
    try:
        user = pwd.getpwnam("postgres")
    except KeyError:
        raise NoPostgres(
            "running as root and there is no `postgres` user to run the server as "
            "(install the postgresql package, which creates it)"
        ) from None
    runuser = shutil.which("runuser")
    if runuser is None:
        raise NoPostgres("running as root and `runuser` is missing to start the server as postgres")
    return [runuser, "-u", "postgres", "--", *argv], user.pw_uid


@contextmanager
def start_cluster(*, fsync: bool = False) -> Iterator[Server]:
    """`fsync`: on for benchmarks (a commit is flushed to disk), off for tests (faster set-up)."""
    env_url = os.environ.get(ENV_URL, "").strip()
    if env_url:
        yield Server(env_url)
        return
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise NoPostgres(
            "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin or on PATH): "
            "apt-get install postgresql, or set QUIZGAME_TEST_PG=postgresql://… to a server"
        )
    folder = Path(tempfile.mkdtemp(prefix="quizgame-pg-"))
    data, log = folder / "data", folder / "server.log"
    _, owner = _as_server_user([])
    if owner is not None:
        os.chown(folder, owner, -1)
    folder.chmod(0o700)

    def run(*argv: str) -> None:
        cmd, _ = _as_server_user([str(bin_dir / argv[0]), *argv[1:]])
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            server_log = log.read_text(errors="replace") if log.exists() else ""
            raise RuntimeError(
                f"{' '.join(argv[:2])} failed ({done.returncode}):\n"
                f"{done.stdout}{done.stderr}{server_log}"
            )

    started = False
    try:
        run("initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
            "--no-sync", "--locale=C")  # fmt: skip
        options = (
            f"-k {folder} -c listen_addresses='' -p {PORT} -c fsync={'on' if fsync else 'off'} "
            "-c shared_buffers=16MB -c max_connections=64"  # one cluster per test worker
        )
        run("pg_ctl", "-D", str(data), "-l", str(log), "-w", "-t", "60", "-o", options, "start")
        started = True
        yield Server(f"postgresql://postgres@/postgres?host={quote(str(folder))}&port={PORT}")
    finally:
        if started:
            try:
                run("pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop")
            finally:
                shutil.rmtree(folder, ignore_errors=True)
        else:
            shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def fresh_database(server: Server) -> Iterator[str]:
    """A new, empty database on the server for one test; dropped afterwards."""
    import psycopg

    name = f"quizgame_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server.base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server.url(name)
    finally:
        with psycopg.connect(server.base, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
