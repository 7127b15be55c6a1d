"""Hostile bank files are refused quickly and in bounded memory: prints time and peak memory for each.

Each case runs `quizgame check` in a fresh process (so peak RSS is that file's alone) next to the same
command on the bundled bank, measured in the same run. Expect every hostile case to be refused (exit 1)
in well under a second and with a peak memory close to the baseline's.
Run: .venv/bin/python bench/limits.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizgame.bank.bundled import default_bank


def alias_bomb() -> bytes:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    return ("\n".join(lines) + "\n").encode()


def cases(folder: Path) -> dict[str, Path]:
    out = {
        "alias bomb (10^9 values)": alias_bomb(),
        "nesting 100,000 deep": b"a: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
        "binary (PNG header)": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 100,
        "not UTF-8 (Latin-1)": "title: café\n".encode("latin-1") * 1000,
    }
    paths = {}
    for i, (name, data) in enumerate(out.items()):
        p = folder / f"case{i}.yaml"
        p.write_bytes(data)
        paths[name] = p
    big = folder / "big.yaml"
    with big.open("wb") as fh:  # 50 MB of plausible YAML
        line = b"  - id: x\n    prompt: " + b"y" * 80 + b"\n"
        fh.write(b"title: big\nquestions:\n")
        for _ in range(50):
            fh.write(line * (1_000_000 // len(line)))
    paths["50 MB file"] = big
    return paths


def run(path: Path) -> tuple[float, float, int]:
    code = (
        "import sys\n"
        "from quizgame.cli import main\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    rc = main(['check', {str(path)!r}])\n"
        # VmHWM, not ru_maxrss: ru_maxrss survives exec and would count the parent's memory
        "print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])\n"
        "sys.exit(rc)\n"
    )
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    peak_mb = int(proc.stdout.strip().splitlines()[-1]) / 1024
    return elapsed, peak_mb, proc.returncode


def main() -> int:
    bank = default_bank()
    assert bank is not None
    base_t, base_m, base_rc = run(bank)
    print(f"{'case':28} {'exit':>4} {'time':>8} {'peak RSS':>9} {'time/base':>9} {'RSS/base':>8}")
    print(
        f"{'bundled bank (baseline)':28} {base_rc:>4} {base_t * 1000:6.0f}ms {base_m:7.1f}MB {1:9.2f} {1:8.2f}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in cases(Path(tmp)).items():
            t, m, rc = run(path)
            print(
                f"{name:28} {rc:>4} {t * 1000:6.0f}ms {m:7.1f}MB {t / base_t:9.2f} {m / base_m:8.2f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
