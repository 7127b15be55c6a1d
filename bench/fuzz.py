"""The long fuzz run: 10,000+ mutated and random banks through `check`; prints counts and timing.

The same properties as tests/bank/test_fuzz_check.py, with many more examples:
broken banks always fail with positioned errors; random bytes and random YAML never raise.
Run: .venv/bin/python bench/fuzz.py [--examples N]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, settings

from quizgame.bank.loader import load_bank_text
from tests.conftest import SEED_ARTICLE
from tests.strategies import broken_bank, random_bytes, yaml_text


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--examples", type=int, default=10_000, help="examples per property")
    args = ap.parse_args()
    codes: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shutil.copy(SEED_ARTICLE, folder / "kremlin-peacekeepers.txt")
        path = folder / "bank.yaml"
        conf = settings(
            max_examples=args.examples,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )

        def run(raw: bytes, must_fail: bool) -> None:
            result = load_bank_text(raw, path, "bank.yaml")
            for d in result.diagnostics:
                assert d.line >= 1 and d.col >= 1, d.format()
                codes[d.code] += 1
            if must_fail:
                assert result.errors and result.loaded is None

        @conf
        @given(raw=broken_bank())
        def broken(raw: bytes) -> None:
            run(raw, True)

        @conf
        @given(raw=random_bytes())
        def rand(raw: bytes) -> None:
            run(raw, False)

        @conf
        @given(text=yaml_text)
        def text(text: str) -> None:
            run(text.encode("utf-8"), True)

        for name, prop in (("broken banks", broken), ("random bytes", rand), ("random YAML", text)):
            start = time.perf_counter()
            prop()
            print(
                f"{name:14} {args.examples:>7,} examples  ok  {time.perf_counter() - start:6.1f} s"
            )
    print("diagnostic codes seen:", ", ".join(f"{c}={n}" for c, n in codes.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
