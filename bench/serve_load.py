"""A class of simulated students against `quizgame serve`: latency, memory, lost answers.

Each student is a websocket client on loopback speaking the browser page's protocol
(tests/serve/students.py): it joins, types a name, and plays a whole game — reads for a while
(`--think`, seconds, uniform ± 50 %), presses an answer key, and waits for the feedback ("Correct"
or "Wrong") on its screen; that wait is the latency measured (key press → the screen update that
shows the feedback, as the browser would draw it). Then it presses Enter for the next question.

Printed per class size: p50 / p95 latency, memory per student (PSS, so pages the game processes
share are split between them, and RSS), CPU seconds per student (the game processes, start-up
included; then the server process that relays every screen, and these simulated browsers, which
share the machine too), students that failed, and answers lost (given on a screen but missing
from the results store). `--find` raises N until the target (p95 ≤ 300 ms,
0 lost, 0 failed) no longer holds and prints the largest N that held. Bounded: at most
--max-students clients, each run stops after --timeout seconds.

The server, every game process and these clients share this machine's cores (and other people's
work may be running too): the figures are for the whole class on one machine.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import shlex
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._bankgen import make_bank
from tests.serve.students import Student

TARGET_P95_MS = 300.0
FEEDBACK = ("Correct", "Wrong", "Partly")


@dataclass
class Run:
    students: int
    latencies: list[float] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    answers_shown: int = 0
    answers_stored: int = 0
    pss_mb: float = 0.0
    cpu_s: float = 0.0  # CPU seconds of the game processes, per student (start-up included)
    server_cpu_s: float = 0.0  # CPU seconds of the server process (relaying screens), per student
    client_cpu_s: float = 0.0  # CPU seconds of the simulated browsers (this process), per student
    rss_mb: float = 0.0
    games_seen: int = 0
    seconds: float = 0.0

    @property
    def lost(self) -> int:
        return max(0, self.answers_shown - self.answers_stored)

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] * 1000

    @property
    def holds(self) -> bool:
        return not self.failed and self.lost == 0 and self.percentile(95) <= TARGET_P95_MS


def choice_bank(folder: Path, questions: int) -> Path:
    """A bank of `questions` choice questions on the bundled article (one key answers each)."""
    path = make_bank(folder, questions * 5)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["questions"] = [q for q in data["questions"] if q["type"] == "choice"][:questions]
    data["title"] = f"Class load ({questions} questions)"
    data["settings"] = {"mode": "practice", "shuffle_questions": False}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def memory_kb(pid: int) -> tuple[int, int]:
    """(PSS, RSS) in kB of one process, from /proc/PID/smaps_rollup."""
    pss = rss = 0
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1])
            elif line.startswith("Rss:"):
                rss = int(line.split()[1])
    return pss, rss


def _feedback(drawn: str) -> bool:
    """The verdict has been drawn (what the student sees first after answering)."""
    return any(f in drawn for f in FEEDBACK)


async def play(
    http: aiohttp.ClientSession,
    base: str,
    name: str,
    questions: int,
    think: float,
    run: Run,
    done: asyncio.Event,
    rng: random.Random,
) -> Student | None:
    try:
        student = await Student.join(http, base, light=True)
    except Exception as exc:
        run.failed.append(f"{name}: cannot connect: {exc}")
        return None
    try:
        await student.wait_for("Your name", 120)
        student.mark()
        await student.send(name + "\r")
        for k in range(1, questions + 1):
            await student.wait_for(f"Question {k} of {questions}", 120)
            await asyncio.sleep(think * rng.uniform(0.5, 1.5))  # reading the question
            student.mark()
            pressed = time.monotonic()
            await student.send("a")
            shown = await student.wait_until(_feedback, "feedback", 60)
            run.latencies.append(student.seen_at - pressed)
            run.answers_shown += 1
            if "Correct" not in shown:  # practice mode offers a retry: Enter gives it up and
                student.mark()  # shows the right answer, and Enter again moves on
                await student.send("\r")
                await student.wait_for("Right answer", 60)
            student.mark()
            await student.send("\r")
        await student.wait_for("Summary", 60)
    except AssertionError as exc:
        run.failed.append(f"{name}: {str(exc).splitlines()[0]}")
    return student


async def one_class(
    n: int,
    bank: Path,
    questions: int,
    think: float,
    ramp: float,
    timeout: float,
    *,
    baseline: bool = False,
) -> Run:
    run = Run(n)
    tmp = Path(tempfile.mkdtemp(prefix="serve-load-"))
    db = tmp / "results.sqlite3"
    port = _free_port()
    env = {
        **os.environ,
        "QUIZGAME_CONFIG_DIR": str(tmp / "config"),
        "QUIZGAME_CACHE_DIR": str(tmp / "cache"),
    }
    cmd = [sys.executable, "-m", "quizgame", "serve", str(bank), "--port", str(port)]
    cmd += ["--db", str(db), "--max-players", str(n + 5)]
    if baseline:  # the same server, playing bench/_serve_baseline.py instead of the game
        app = shlex.join([sys.executable, str(Path(__file__).with_name("_serve_baseline.py"))])
        launch = (
            "from quizgame.serve.server import QuizServer; "
            f"QuizServer({app + ' ' + str(questions)!r}, port={port}, "
            f"max_players={n + 5}).serve_forever()"
        )
        cmd = [sys.executable, "-c", launch]
    server = subprocess.Popen(
        cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    clients_before = time.process_time()
    try:
        for _ in range(200):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            await asyncio.sleep(0.05)
        rng = random.Random(n)
        done = asyncio.Event()
        async with aiohttp.ClientSession() as http:
            tasks = []
            for i in range(n):
                tasks.append(
                    asyncio.ensure_future(
                        play(http, base, f"student{i:03d}", questions, think, run, done, rng)
                    )
                )
                await asyncio.sleep(ramp)  # students arrive one after another
            try:
                students = await asyncio.wait_for(asyncio.gather(*tasks), timeout)
            except TimeoutError:
                run.failed.append(f"the run did not finish within {timeout:.0f} s")
                students = []
            games = [p for p in descendants(server.pid)]
            mem = [memory_kb(p) for p in games]
            run.games_seen = sum(
                1 for p in games if "quizgame" in _cmdline(p) and "play" in _cmdline(p)
            )
            if n:
                run.cpu_s = sum(cpu_seconds(p) for p in games) / n
                run.server_cpu_s = cpu_seconds(server.pid) / n
                run.client_cpu_s = (time.process_time() - clients_before) / n
                run.pss_mb = sum(m[0] for m in mem) / 1024 / n
                run.rss_mb = sum(m[1] for m in mem) / 1024 / n
            for s in students:
                if s is not None:
                    await s.close()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    run.seconds = time.monotonic() - started
    if baseline:
        run.answers_stored = run.answers_shown  # the baseline stores nothing
        return run
    with contextlib.closing(sqlite3.connect(db)) as con:
        run.answers_stored = con.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
    return run


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def report(run: Run, label: str = "quizgame") -> None:
    verdict = "holds" if run.holds else "does NOT hold"
    if label != "quizgame":
        verdict = "(baseline)"
    print(
        f"{label:<8} N={run.students:>3}  answers {len(run.latencies):>4}  "
        f"p50 {run.percentile(50):6.0f} ms  p95 {run.percentile(95):6.0f} ms  "
        f"per student: PSS {run.pss_mb:5.1f} MB (RSS {run.rss_mb:5.1f}), CPU {run.cpu_s:4.2f} s "
        f"(server {run.server_cpu_s:4.2f} s, browsers {run.client_cpu_s:4.2f} s)  "
        f"failed {len(run.failed)}  lost {run.lost}  ({run.seconds:.0f} s, load "
        f"{os.getloadavg()[0]:.1f})  target {verdict}",
        flush=True,
    )
    for line in run.failed[:3]:
        print(f"        failed: {line}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--students", default="10,30,60", help="class sizes to run (comma list)")
    ap.add_argument("--find", action="store_true", help="raise N until the target breaks")
    ap.add_argument("--step", type=int, default=10, help="--find: students added each round")
    ap.add_argument("--max-students", type=int, default=120, help="never more clients than this")
    ap.add_argument("--questions", type=int, default=8, help="questions per game")
    ap.add_argument("--think", type=float, default=3.0, help="mean reading time per question (s)")
    ap.add_argument("--ramp", type=float, default=0.25, help="seconds between two students joining")
    ap.add_argument("--timeout", type=float, default=600, help="seconds one class may take")
    ap.add_argument(
        "--baseline",
        action="store_true",
        help="also run each class size against the smallest Textual app (same server, same "
        "script) and print the ratio",
    )
    args = ap.parse_args()
    # Stopped early (Ctrl+C, kill): the runs' finally blocks still stop the server and its games.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    folder = Path(tempfile.mkdtemp(prefix="serve-load-bank-"))
    bank = choice_bank(folder, args.questions)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"{os.cpu_count()} cores, load average before the run {load}; {args.questions} choice questions per game; think "
        f"{args.think:g} s ± 50 %; students join {args.ramp:g} s apart; target p95 ≤ "
        f"{TARGET_P95_MS:.0f} ms, 0 lost, 0 failed",
        flush=True,
    )
    sizes = [min(int(x), args.max_students) for x in args.students.split(",") if x.strip()]
    best = 0
    if args.find:
        n = sizes[0]
        while n <= args.max_students:
            run = asyncio.run(
                one_class(n, bank, args.questions, args.think, args.ramp, args.timeout)
            )
            report(run)
            if not run.holds:
                break
            best = n
            n += args.step
        print(f"largest class that held the target: {best} students")
        return
    for n in sizes:
        if args.baseline:
            base = asyncio.run(
                one_class(
                    n, bank, args.questions, args.think, args.ramp, args.timeout, baseline=True
                )
            )
            report(base, "baseline")
        run = asyncio.run(one_class(n, bank, args.questions, args.think, args.ramp, args.timeout))
        report(run)
        if args.baseline:
            print(
                f"         ratio quizgame / baseline: p50 "
                f"{run.percentile(50) / base.percentile(50):.2f}  p95 "
                f"{run.percentile(95) / base.percentile(95):.2f}"
            )
        if run.holds:
            best = max(best, n)
    print(f"largest class run that held the target: {best} students")


if __name__ == "__main__":
    main()
