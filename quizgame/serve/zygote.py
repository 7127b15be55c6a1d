"""A pre-forked game starter: import the game once, fork it for each visitor.

Starting `python -m quizgame play` for every browser tab costs each student ≈ 0.5 s of CPU
(imports, mostly) and ≈ 44 MB. The zygote is started once by the server with the games'
environment; it imports the game, freezes what it holds for the garbage collector (so the
pages stay shared with every fork), and waits on a Unix socket. For each visitor the server sends
three pipe ends (the game's stdin, stdout, stderr), the terminal size and the play arguments;
the zygote forks, and the child becomes that visitor's game exactly as a new process would.
The zygote reaps nothing itself (SIGCHLD ignored: the kernel does) and exits when its server is
gone. Linux/Unix only; the server falls back to one process per game without it.
"""

from __future__ import annotations

import array
import contextlib
import gc
import importlib
import json
import os
import random
import signal
import socket
import sys
import threading
import time
from typing import Any

MAX_REQUEST = 64 * 1024
PRELOAD = (
    "quizgame.cli",
    "quizgame.commands.play",
    "quizgame.serve.class_app",
    "quizgame.serve.driver",
    "quizgame.tui.app",
    "quizgame.tui.screens.paced_screen",
    "quizgame.tui.screens.picker_screen",
    "quizgame.tui.screens.player_screen",
    "quizgame.tui.screens.summary_screen",
)


def send_request(sock: socket.socket, fds: list[int], request: dict[str, Any]) -> int:
    """Server side: ask for one game; returns its process id."""
    payload = json.dumps(request).encode()
    sock.sendmsg([payload], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", fds))])
    reply = sock.recv(64)
    return int(json.loads(reply)["pid"])


def _receive(conn: socket.socket) -> tuple[dict[str, Any], list[int]]:
    fds = array.array("i")
    msg, ancdata, _flags, _addr = conn.recvmsg(MAX_REQUEST, socket.CMSG_LEN(3 * fds.itemsize))
    for level, kind, data in ancdata:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds.frombytes(data[: len(data) - (len(data) % fds.itemsize)])
    return json.loads(msg), list(fds)


def _child(
    conn: socket.socket, listener: socket.socket, request: dict[str, Any], fds: list[int]
) -> None:
    """In the fork: become the visitor's game, then exit with its status."""
    code = 1
    try:
        listener.close()
        conn.close()
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        for target, fd in zip((0, 1, 2), fds, strict=True):
            os.dup2(fd, target)
            os.close(fd)
        os.environ.update({str(k): str(v) for k, v in request.get("env", {}).items()})
        random.seed()  # a fork copies the zygote's random state: every game needs its own
        argv = [str(a) for a in request.get("argv", [])]
        sys.argv = ["quizgame", *argv]
        main = importlib.import_module("quizgame.cli").main  # by name: see serve()
        code = main(argv) or 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


def serve(path: str) -> None:
    # What every game imports, once: the forks share these pages. By name: the zygote is a
    # process entry point (like quizgame/__main__.py), so it may start the CLI, but the server
    # that imports this module for ZygoteClient must not depend on the layers above it.
    for name in PRELOAD:
        importlib.import_module(name)

    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps finished games
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(64)
    threading.Thread(target=_exit_when_orphaned, args=(os.getppid(),), daemon=True).start()
    gc.collect()
    gc.freeze()
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    while True:
        conn, _ = listener.accept()
        try:
            request, fds = _receive(conn)
            if len(fds) != 3:
                for fd in fds:
                    os.close(fd)
                continue
            pid = os.fork()
            if pid == 0:
                _child(conn, listener, request, fds)
            for fd in fds:
                os.close(fd)
            conn.sendall(json.dumps({"pid": pid}).encode())
        except (OSError, ValueError):
            pass
        finally:
            conn.close()


if __name__ == "__main__":
    serve(sys.argv[1])


# --- the server's side ------------------------------------------------------------------------


class ForkedGame:
    """What textual-serve's AppService needs of a game process, for a game forked by the zygote."""

    def __init__(
        self,
        pid: int,
        stdin: Any,
        stdout: Any,
        stderr: Any,
    ) -> None:
        self.pid = pid
        self.stdin, self.stdout, self.stderr = stdin, stdout, stderr

    @property
    def returncode(self) -> int | None:
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return 0  # gone (the zygote's kernel reaped it); its status is not kept
        except PermissionError:
            return None
        return None

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)

    async def wait(self) -> int:
        import asyncio

        while self.returncode is None:
            await asyncio.sleep(0.05)  # not our child: poll, bounded by the caller's timeout
        return 0


class ZygoteClient:
    """The server's handle on its zygote."""

    def __init__(self, process: Any, path: str) -> None:
        self.process, self.path = process, path

    @classmethod
    async def start(cls, env: dict[str, str], folder: str) -> ZygoteClient | None:
        """Start the zygote; None if it does not come up (the server then starts each game)."""
        import asyncio

        path = os.path.join(folder, "zygote.sock")
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "quizgame.serve.zygote",
            path,
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
        )
        try:
            assert process.stdout is not None
            line = await asyncio.wait_for(process.stdout.readline(), 60)
        except TimeoutError:
            line = b""
        if line.strip() != b"ready":
            if process.returncode is None:
                process.kill()
            await process.wait()
            return None
        return cls(process, path)

    async def fork(self, argv: list[str], env: dict[str, str]) -> ForkedGame:
        import asyncio

        loop = asyncio.get_running_loop()
        stdin_r, stdin_w = os.pipe()
        stdout_r, stdout_w = os.pipe()
        stderr_r, stderr_w = os.pipe()
        theirs = [stdin_r, stdout_w, stderr_w]
        try:
            pid = await loop.run_in_executor(
                None, self._request, theirs, {"argv": argv, "env": env}
            )
        except BaseException:
            for fd in (stdin_w, stdout_r, stderr_r):
                os.close(fd)
            raise
        finally:
            for fd in theirs:
                os.close(fd)
        stdout = asyncio.StreamReader(limit=2**20)
        await loop.connect_read_pipe(
            lambda: asyncio.StreamReaderProtocol(stdout), os.fdopen(stdout_r, "rb", 0)
        )
        stderr = asyncio.StreamReader(limit=2**20)
        await loop.connect_read_pipe(
            lambda: asyncio.StreamReaderProtocol(stderr), os.fdopen(stderr_r, "rb", 0)
        )
        transport, protocol = await loop.connect_write_pipe(
            asyncio.streams.FlowControlMixin, os.fdopen(stdin_w, "wb", 0)
        )
        stdin = asyncio.StreamWriter(transport, protocol, None, loop)
        return ForkedGame(pid, stdin, stdout, stderr)

    def _request(self, fds: list[int], request: dict[str, Any]) -> int:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(30)
            sock.connect(self.path)
            return send_request(sock, fds, request)

    async def stop(self) -> None:
        if self.process.returncode is None:
            self.process.terminate()
        await self.process.wait()
