"""How fast is `quizgame check` on a 5,000-question bank, next to two baselines in the same run?

Baselines: (a) check-jsonschema validating the same file against `quizgame schema` (structure only, no
semantic checks) and (b) a bare PyYAML CSafeLoader parse (no checks at all). Targets:
check ≤ 0.25 × check-jsonschema and ≤ 2.5 × the bare parse, with every semantic check on.
Run: .venv/bin/python bench/check.py [--count N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml

from bench._bankgen import make_bank
from quizgame.bank.loader import load_bank
from quizgame.commands.schema import schema_text


def best_of(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--count", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bank = make_bank(folder, args.count)
        size = bank.stat().st_size
        text = bank.read_text(encoding="utf-8")
        result = load_bank(bank)
        assert result.ok, [d.format() for d in result.diagnostics[:5]]

        bare = best_of(lambda: yaml.load(text, Loader=yaml.CSafeLoader), args.runs)
        ours = best_of(lambda: load_bank(bank), args.runs)
        # the CLI as a teacher runs it, process start-up included
        cli = best_of(
            lambda: subprocess.run(
                [sys.executable, "-m", "quizgame", "check", "-q", str(bank)], check=True
            ),
            args.runs,
        )
        print(f"bank: {args.count} questions, {size / 1e6:.2f} MB")
        print(f"bare CSafeLoader parse      {bare * 1000:8.1f} ms")
        print(
            f"quizgame load_bank (all checks) {ours * 1000:8.1f} ms   ratio vs bare parse: {ours / bare:5.2f}  (target ≤ 2.5)"
        )
        print(f"quizgame check (CLI process)    {cli * 1000:8.1f} ms")
        cj = shutil.which("check-jsonschema") or str(
            Path(sys.executable).parent / "check-jsonschema"
        )
        if Path(cj).exists():
            schema = folder / "schema.json"
            schema.write_text(schema_text(), encoding="utf-8")
            jsonschema = best_of(
                lambda: subprocess.run(
                    [cj, "--schemafile", str(schema), str(bank)], check=True, capture_output=True
                ),
                args.runs,
            )
            print(f"check-jsonschema (CLI process)  {jsonschema * 1000:8.1f} ms")
            print(
                f"ratio quizgame check / check-jsonschema: {cli / jsonschema:5.2f}  (target ≤ 0.25)"
            )
        else:
            print("check-jsonschema not installed: pip install '.[bench]' to compare against it")
        print(
            f"median of per-question cost: {statistics.median([ours / args.count * 1e6]):.1f} µs/question"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
