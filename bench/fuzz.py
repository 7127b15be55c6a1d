"""The long fuzz run: 10,000+ mutated and random banks through `check`; prints counts and timing.

The same properties as tests/bank/test_fuzz_check.py, with many more examples:
broken banks always fail with positioned errors; random bytes and random YAML never raise;
self-referencing aliases always fail with a positioned error (never a RecursionError); an article
path naming a device, a named pipe or a directory is refused without reading or hanging; hostile
text (terminal escapes, C1 controls, bidi) in any value or key never reaches a printed line raw.
Run: .venv/bin/python bench/fuzz.py [--examples N]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgame.bank.loader import load_bank_text
from tests.conftest import SEED_ARTICLE
from tests.strategies import (
    broken_bank,
    hostile_field_bank,
    random_bytes,
    recursive_alias_bank,
    special_article_bank,
    yaml_text,
)

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # never printed raw


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

        @conf
        @given(raw=recursive_alias_bank())
        def recursive(raw: bytes) -> None:
            run(raw, True)

        os.mkfifo(folder / "pipe.txt")
        (folder / "adir").mkdir()
        (folder / "zero.txt").symlink_to("/dev/zero")
        specials = ["/dev/zero", "/dev/urandom", "/dev/null", "pipe.txt", "adir", "zero.txt"]

        @conf
        @given(target=st.sampled_from(specials))
        def special(target: str) -> None:
            result = load_bank_text(special_article_bank(target), path, "bank.yaml")
            assert any(
                "not a regular file" in d.message or "directory" in d.message for d in result.errors
            ), [d.format() for d in result.errors]

        @conf
        @given(raw=hostile_field_bank())
        def hostile(raw: bytes) -> None:
            result = load_bank_text(raw, path, "bank.yaml")
            for d in result.diagnostics:
                codes[d.code] += 1
                assert not CONTROL.search(d.format()), d.format()

        properties = (
            ("broken banks", broken),
            ("random bytes", rand),
            ("random YAML", text),
            ("self-aliases", recursive),
            ("special files", special),
            ("hostile text", hostile),
        )
        for name, prop in properties:
            start = time.perf_counter()
            prop()
            print(
                f"{name:14} {args.examples:>7,} examples  ok  {time.perf_counter() - start:6.1f} s"
            )
    print("diagnostic codes seen:", ", ".join(f"{c}={n}" for c, n in codes.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
