"""Precision and recall of quote attribution on the seed article, against the hand-labelled list.

A found attribution counts as right when its passage and speaker match a label and the label's
fragment occurs in its content; each label can be matched once.
Run: .venv/bin/python bench/attribution.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgame.article.passages import read_article  # noqa: E402
from quizgame.authoring.attribution import Attribution, extract  # noqa: E402
from quizgame.bank.bundled import bundled_dir  # noqa: E402
from quizgame.text.normalise import normalise_text  # noqa: E402


def _matches(label: dict[str, str], a: Attribution) -> bool:
    return (
        a.passage_id == label["passage"]
        and a.speaker == label["speaker"]
        and normalise_text(label["fragment"]) in normalise_text(a.content)
    )


def main() -> int:
    labels: list[dict[str, str]] = yaml.safe_load(
        (ROOT / "tests" / "data" / "seed_attributions.yaml").read_text("utf-8")
    )
    article = read_article(bundled_dir() / "kremlin-peacekeepers.txt")
    start = time.perf_counter()
    found = list(extract(article))
    seconds = time.perf_counter() - start
    unmatched = list(range(len(labels)))
    true_pos = 0
    wrong: list[Attribution] = []
    for a in found:
        hit = next((i for i in unmatched if _matches(labels[i], a)), None)
        if hit is None:
            wrong.append(a)
        else:
            unmatched.remove(hit)
            true_pos += 1
    precision = true_pos / len(found) if found else 0.0
    recall = true_pos / len(labels) if labels else 0.0
    print(f"seed article: {len(labels)} labelled, {len(found)} found, {true_pos} right")
    print(f"precision {precision:.3f}  recall {recall:.3f}  ({seconds * 1000:.1f} ms)")
    for a in wrong:
        print(f"  extra:  {a.passage_id} {a.speaker}: {a.content[:60]}")
    for i in unmatched:
        lb = labels[i]
        print(f"  missed: {lb['passage']} {lb['speaker']}: {lb['fragment']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
