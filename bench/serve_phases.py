"""What one served student's game costs, step by step: CPU of the game and the server, bytes sent.

One simulated student (the browser page's protocol, as in serve_load.py) plays a generated bank of
choice questions alone against `quizgame serve`; after each step (the answer, the right answer
shown after a wrong try, the next question) the game process's and the server's CPU time
(/proc, 10 ms ticks, so summed over every question of a kind) and the bytes of screen update the
browser received are added to that step's total. Printed: the average per step. serve_load.py
times a whole class; this says where one student's CPU goes.

    .venv/bin/python bench/serve_phases.py [--questions 24]
"""

from __future__ import annotations

import argparse
import asyncio
import codecs
import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.serve_load import FEEDBACK, _free_port, choice_bank, descendants
from tests.serve.students import _SEQ, Student

SETTLE = 0.4  # seconds left after each step for its last frames (and the collection after it)


def ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


class Counted(Student):
    """A student that also counts the bytes of screen update it receives."""

    received_bytes = 0

    async def _read(self) -> None:
        decoder = codecs.getincrementaldecoder("utf-8")("replace")
        async for msg in self.ws:
            if msg.type == aiohttp.WSMsgType.BINARY:
                self.received_bytes += len(msg.data)
                self.since_mark += _SEQ.sub("\n", decoder.decode(msg.data))
                self._changed.set()
        self.closed = True
        self._changed.set()


async def measure(questions: int) -> dict[str, list[int]]:
    tmp = Path(tempfile.mkdtemp(prefix="serve-phases-"))
    bank = choice_bank(tmp, questions)
    port = _free_port()
    env = {
        **os.environ,
        "QUIZGAME_CONFIG_DIR": str(tmp / "c"),
        "QUIZGAME_CACHE_DIR": str(tmp / "k"),
    }
    cmd = [sys.executable, "-m", "quizgame", "serve", str(bank), "--port", str(port)]
    cmd += ["--db", str(tmp / "results.sqlite3")]
    server = subprocess.Popen(
        cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # game, server, bytes, n
    try:
        for _ in range(200):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(2)  # the pre-forked starter is up
        before = set(descendants(server.pid))
        async with aiohttp.ClientSession() as http:
            ws = await http.ws_connect(
                f"{base}/ws?width=120&height=40", headers={"Origin": base}, max_msg_size=0
            )
            st = Counted(ws, light=True)
            game = 0
            start = (0, 0, 0)

            def begin() -> None:
                nonlocal start
                st.mark()
                start = (ticks(game), ticks(server.pid), st.received_bytes)

            async def end(step: str) -> None:
                await asyncio.sleep(SETTLE)
                now = (ticks(game), ticks(server.pid), st.received_bytes)
                total = totals[step]
                for i in range(3):
                    total[i] += now[i] - start[i]
                total[3] += 1

            await st.wait_for("Your name", 60)
            await asyncio.sleep(SETTLE)
            game = next(p for p in descendants(server.pid) if p not in before)
            begin()
            await st.send("student\r")
            await st.wait_for(f"Question 1 of {questions}", 60)
            await end("name → first question")
            for k in range(1, questions + 1):
                begin()
                await st.send("a")
                shown = await st.wait_until(lambda s: any(f in s for f in FEEDBACK), "feedback")
                await end("answer → feedback")
                if "Correct" not in shown:
                    begin()
                    await st.send("\r")
                    await st.wait_for("Right answer")
                    await end("Enter → right answer")
                begin()
                await st.send("\r")
                last = k == questions
                await st.wait_for("Summary" if last else f"Question {k + 1} of {questions}")
                await end("Enter → summary" if last else "Enter → next question")
            await st.close()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    return totals


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", type=int, default=24, help="choice questions in the game")
    args = ap.parse_args()
    totals = asyncio.run(measure(args.questions))
    hz = os.sysconf("SC_CLK_TCK")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"one student, {args.questions} choice questions, 120x40; load average {load}")
    for step, (game, server, sent, n) in totals.items():
        print(
            f"{step:<24} n={n:<3} game {1000 * game / hz / n:6.1f} ms  "
            f"server {1000 * server / hz / n:5.1f} ms  sent {sent / n / 1024:6.1f} KiB"
        )


if __name__ == "__main__":
    main()
