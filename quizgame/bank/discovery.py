"""Where bank files are found: the bundled banks, `./questions/*.yaml`, and paths the user names.

The bank picker lists them in that order (paths named on the command line last); reports look
a bank up in the other order, paths named with `--bank` first, so the one a teacher names wins.
Both go through `bank_files`, so they always search the same places.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def bank_files(
    named: Iterable[str | Path] = (), cwd: Path | None = None, *, named_first: bool = False
) -> list[Path]:
    """Bundled banks, then ./questions/*.yaml, with `named` after (or before) them; no repeats.

    A file reached twice (by different spellings of its path) is listed once, where it came first.
    Paths are returned as given.
    """
    from quizgame.bank.bundled import bundled_banks

    here = cwd or Path.cwd()
    local_dir = here / "questions"
    local = sorted(local_dir.glob("*.yaml")) if local_dir.is_dir() else []
    extra = [Path(p) for p in named]
    found = [*bundled_banks(), *local]
    order = [*extra, *found] if named_first else [*found, *extra]
    out: dict[Path, Path] = {}
    for p in order:
        full = p if p.is_absolute() else here / p
        try:
            key = full.resolve()
        except OSError:
            key = full
        out.setdefault(key, p)
    return list(out.values())
