"""Time `generate` on the seed article and on one ten times its length; cost should grow linearly.

The long article repeats the seed's body paragraphs ten times, so both runs do the same kind of
work; the figure that matters is the cost per 1,000 characters and the ratio between the runs,
both measured here in the same process (best of several runs, after a warm-up).
Run: .venv/bin/python bench/generate.py
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgame.article.passages import Article, parse_article, read_article  # noqa: E402
from quizgame.authoring.attribution import extract  # noqa: E402
from quizgame.authoring.generate import generate  # noqa: E402
from quizgame.bank.bundled import bundled_dir  # noqa: E402

REPEATS = 7


def _long_version(article: Article, times: int) -> Article:
    head = article.text[: article.body[0].start]
    paragraphs = [p.text for p in article.body]
    return parse_article(head + "\n\n".join(paragraphs * times) + "\n")


def _timed(fn: Callable[[], object]) -> float:
    """Best of REPEATS runs with the garbage collector paused, as `timeit` does."""
    best = float("inf")
    for _ in range(REPEATS):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best


def _best(article_text: str) -> float:
    # parsing is part of what a teacher waits for
    return _timed(
        lambda: generate(parse_article(article_text), article_ref="a.txt", count=10, seed=0)
    )


def _best_extract(article_text: str) -> float:
    article = parse_article(article_text)
    return _timed(lambda: extract(article))


def main() -> int:
    seed = read_article(bundled_dir() / "kremlin-peacekeepers.txt")
    long = _long_version(seed, 10)
    _best(seed.text)  # warm-up: imports, regex compilation
    short_s = _best(seed.text)
    long_s = _best(long.text)
    per_short = short_s / (len(seed.text) / 1000)
    per_long = long_s / (len(long.text) / 1000)
    print(f"seed article:   {len(seed.text):>7,} chars  {short_s * 1000:8.1f} ms")
    print(f"10x article:    {len(long.text):>7,} chars  {long_s * 1000:8.1f} ms")
    print(f"per 1,000 chars: {per_short * 1000:.2f} ms vs {per_long * 1000:.2f} ms")
    ratio = per_long / per_short
    print(
        f"cost per unit length, 10x / 1x: {ratio:.2f} (about 1 means linear; below 1, fixed costs)"
    )
    ex_short = _best_extract(seed.text)
    ex_long = _best_extract(long.text)
    print(
        f"attribution alone: {ex_short * 1000:.1f} ms vs {ex_long * 1000:.1f} ms; "
        f"per unit length 10x / 1x: {(ex_long / len(long.text)) / (ex_short / len(seed.text)):.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
