"""Hostile files are refused quickly and in bounded memory; long inputs cost about linear time.

Part 1 — hostile files: each case runs `quizgame check` (or the command named) in a fresh process
(so peak RSS is that file's alone) next to `check` on the bundled bank, measured in the same run.
Expect every case to be refused (exit 1 or 2) in well under a second, memory close to the baseline.

Part 2 — size sweeps (1×, 2×, 4×, 8× up to the limits): `check` of a bank with 50 evidence quotes,
`article --quotes` and `generate` on a long article (prose, and the same text on one line), and
`import` of a GIFT file where every question has the same name. For each size: time, peak RSS and
"vs linear" = (time / size) ÷ (time / size at 1×): 1.0 is exactly linear, 2.0 means each doubling
doubled the cost per byte (quadratic). Target: ≤ 1.5 across the sweep; at the 5 MB article limit
`check` under 2 s and `generate` under 10 s on the reference machine.

`generate` drafts from at most the first 1,000,000 characters (MAX_DRAFT_CHARS), so its default
sweep flattens past 1×; `--unit 125000` sweeps 0.125–1 MB, all read whole, to show the cost of
the work itself. `--only` takes words of the sweep names (`--only "generate (prose)"` runs one).

Run: .venv/bin/python bench/limits.py [--sizes 1,2,4,8] [--unit BYTES] [--timeout S]
     [--only check,import,...]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._bankgen import SEED_ARTICLE, make_bank  # noqa: E402
from quizgame.article.passages import MAX_ARTICLE_BYTES, read_article  # noqa: E402
from quizgame.bank.bundled import default_bank  # noqa: E402
from quizgame.bank.yamlnodes import MAX_BANK_BYTES  # noqa: E402

ARTICLE_1X = MAX_ARTICLE_BYTES // 8  # 1× … 8× ends at the 5 MB article limit
IMPORT_1X = MAX_BANK_BYTES // 8  # 1× … 8× ends at the 10 MB bank (and import) limit


def alias_bomb() -> bytes:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    return ("\n".join(lines) + "\n").encode()


def bank_naming(article: str) -> bytes:
    return (
        f"title: t\narticle: {article}\nquestions:\n  - id: q1\n    type: truefalse\n"
        "    prompt: p\n    answer: true\n    explanation: e\n    evidence: x\n"
    ).encode()


def hostile_cases(folder: Path) -> dict[str, list[str]]:
    """name → quizgame command line, each on a hostile file made in `folder`."""
    files = {
        "alias bomb (10^9 values)": alias_bomb(),
        "self-referencing alias": b"title: t\nquestions: &q [*q]\n",
        "self-referencing mapping": b"title: t\nsettings: &s {a: *s}\n",
        "nesting 100,000 deep": b"a: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
        "binary (PNG header)": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 100,
        "not UTF-8 (Latin-1)": "title: café\n".encode("latin-1") * 1000,
        "UTF-16 bank": "title: t\narticle: a.txt\nquestions: []\n".encode("utf-16") * 1000,
        "article: /dev/zero": bank_naming("/dev/zero"),
        "article: /dev/urandom": bank_naming("/dev/urandom"),
        "article: a named pipe": bank_naming("pipe.txt"),
    }
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "pipe.yaml")
    out: dict[str, list[str]] = {}
    for i, (name, data) in enumerate(files.items()):
        p = folder / f"case{i}.yaml"
        p.write_bytes(data)
        out[name] = ["check", str(p)]
    big = folder / "big.yaml"
    with big.open("wb") as fh:  # 50 MB of plausible YAML
        line = b"  - id: x\n    prompt: " + b"y" * 80 + b"\n"
        fh.write(b"title: big\nquestions:\n")
        for _ in range(50):
            fh.write(line * (1_000_000 // len(line)))
    out["50 MB bank"] = ["check", str(big)]
    out["bank is a named pipe"] = ["check", str(folder / "pipe.yaml")]
    out["article /dev/zero"] = ["article", "/dev/zero"]
    out["generate /dev/zero"] = ["generate", "/dev/zero"]
    out["import /dev/zero"] = ["import", "/dev/zero", "-o", str(folder / "z.yaml")]
    out["import 50 MB GIFT"] = ["import", str(_big_gift(folder)), "-o", str(folder / "g.yaml")]
    return out


def _big_gift(folder: Path) -> Path:
    path = folder / "big.gift"
    q = b"::q:: What? {=yes ~no}\n\n"
    with path.open("wb") as fh:
        for _ in range(50):
            fh.write(q * (1_000_000 // len(q)))
    return path


def run(argv: list[str], cwd: Path, timeout: float) -> tuple[float, float, int | None, str]:
    """(seconds, peak RSS in MB, exit code — None when it timed out, stderr) of one process."""
    code = (
        "import sys, contextlib, io\n"
        "from quizgame.cli import main\n"
        "err = io.StringIO()\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):\n"
        f"    rc = main({argv!r})\n"
        "if rc:\n"
        "    sys.stderr.write(err.getvalue())\n"
        # VmHWM, not ru_maxrss: ru_maxrss survives exec and would count the parent's memory
        "print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])\n"
        "sys.exit(rc)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), QUIZGAME_NO_CACHE="1")
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=False,
            cwd=cwd,
            env=env,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, float("nan"), None, ""
    elapsed = time.perf_counter() - start
    lines = proc.stdout.strip().splitlines()
    peak_mb = int(lines[-1]) / 1024 if lines and lines[-1].isdigit() else float("nan")
    return elapsed, peak_mb, proc.returncode, proc.stderr


def part1(timeout: float) -> None:
    bank = default_bank()
    assert bank is not None
    base_t, base_m, base_rc, _ = run(["check", str(bank)], ROOT, timeout)
    print(f"{'case':28} {'exit':>4} {'time':>8} {'peak RSS':>9} {'time/base':>9} {'RSS/base':>8}")
    print(
        f"{'bundled bank (baseline)':28} {base_rc:>4} {base_t * 1000:6.0f}ms {base_m:7.1f}MB"
        f" {1:9.2f} {1:8.2f}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for name, argv in hostile_cases(Path(tmp)).items():
            t, m, rc, _ = run(argv, Path(tmp), timeout)
            shown = "hang" if rc is None else str(rc)
            print(
                f"{name:28} {shown:>4} {t * 1000:6.0f}ms {m:7.1f}MB {t / base_t:9.2f}"
                f" {m / base_m:8.2f}"
            )


# --- part 2: sweeps -------------------------------------------------------------------------------


def long_article(size: int, one_line: bool) -> str:
    """The seed article's body repeated to `size` bytes (one paragraph when `one_line`)."""
    article = read_article(SEED_ARTICLE)
    head = article.text[: article.body[0].start]
    paragraphs = [" ".join(p.text.split()) for p in article.body]
    sep = " " if one_line else "\n\n"
    unit = sep.join(paragraphs)
    room = size - len((head + "\n").encode("utf-8"))  # stay within the limit: 8× is 5 MB
    times = max(1, (room + len(sep)) // len((unit + sep).encode("utf-8")))
    body = sep.join([unit] * times)
    return head + body + "\n"


def sweep(
    name: str,
    sizes: list[int],
    make: Callable[[Path, int], list[str]],
    folder: Path,
    timeout: float,
) -> None:
    first: tuple[int, float] | None = None
    for size in sizes:
        argv = make(folder, size)
        t, m, rc, proc_err = run(argv, folder, timeout)
        if rc is None:
            print(f"{name:34} {size / 1e6:6.2f} MB  > {timeout:.0f} s (stopped)")
            return  # bigger sizes would take longer still
        if rc != 0:
            why = (proc_err.strip().splitlines() or ["?"])[-1][:100]
            print(f"{name:34} {size / 1e6:6.2f} MB  exit {rc}: {why}")
            return
        first = first or (size, t)
        vs_linear = (t / size) / (first[1] / first[0])
        print(
            f"{name:34} {size / 1e6:6.2f} MB  {t:7.2f} s  {m:7.1f} MB  exit {rc}"
            f"  vs linear {vs_linear:5.2f}"
        )


def _article_file(folder: Path, size: int, one_line: bool) -> Path:
    path = folder / f"article-{size}-{'line' if one_line else 'prose'}.txt"
    if not path.exists():
        path.write_text(long_article(size, one_line), encoding="utf-8")
    return path


def make_check(folder: Path, size: int) -> list[str]:
    sub = folder / f"check-{size}"
    sub.mkdir(exist_ok=True)
    bank = make_bank(sub, 50)  # 50 questions with real evidence quotes; article.txt beside it
    (sub / "article.txt").write_text(long_article(size, False), encoding="utf-8")
    return ["check", str(bank)]


def make_quotes(one_line: bool) -> Callable[[Path, int], list[str]]:
    return lambda folder, size: ["article", str(_article_file(folder, size, one_line)), "--quotes"]


def make_generate(one_line: bool) -> Callable[[Path, int], list[str]]:
    def make(folder: Path, size: int) -> list[str]:
        out = folder / f"draft-{size}-{one_line}.yaml"
        out.unlink(missing_ok=True)
        return ["generate", str(_article_file(folder, size, one_line)), "-o", str(out)]

    return make


def make_import(folder: Path, size: int) -> list[str]:
    path = folder / f"same-{size}.gift"
    q = b"::same:: What is it? {=yes ~no ~maybe}\n\n"
    path.write_bytes(q * (size // len(q)))
    out = folder / f"same-{size}.yaml"
    out.unlink(missing_ok=True)
    return ["import", str(path), "-o", str(out)]


SWEEPS: dict[str, tuple[int, Callable[[Path, int], list[str]]]] = {
    "check (50 quotes)": (ARTICLE_1X, make_check),
    "article --quotes (prose)": (ARTICLE_1X, make_quotes(False)),
    "article --quotes (one line)": (ARTICLE_1X, make_quotes(True)),
    "generate (prose)": (ARTICLE_1X, make_generate(False)),
    "generate (one line)": (ARTICLE_1X, make_generate(True)),
    "import (all named ::same::)": (IMPORT_1X, make_import),
}


def part2(
    multiples: list[int], only: set[str] | None, timeout: float, unit_bytes: int | None = None
) -> None:
    print(f"\n{'sweep':34} {'size':>9}  {'time':>9}  {'peak RSS':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, (unit, make) in SWEEPS.items():
            if only and not any(word in name for word in only):
                continue
            unit = unit_bytes or unit
            sweep(name, [unit * k for k in multiples], make, Path(tmp), timeout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", default="1,2,4,8", help="multiples of the 1× size (default 1,2,4,8)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per run before stopping")
    ap.add_argument("--only", help="comma-separated words: run only sweeps whose name has one")
    ap.add_argument("--unit", type=int, help="the 1× size in bytes (default: each limit / 8)")
    ap.add_argument("--no-hostile", action="store_true", help="skip part 1")
    ap.add_argument("--no-sweeps", action="store_true", help="skip part 2")
    args = ap.parse_args()
    if not args.no_hostile:
        part1(min(args.timeout, 60))
    if not args.no_sweeps:
        only = set(args.only.split(",")) if args.only else None
        part2([int(k) for k in args.sizes.split(",")], only, args.timeout, args.unit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
