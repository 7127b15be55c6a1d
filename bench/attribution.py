"""Precision and recall of attribution on the hand-labelled development set, scored as LABELS.md says.

The set (`tests/data/devset/`, a copy of the shared `articles/` folder: 30 Wikinews articles and
`attributions.json`) was labelled by reading, independently of the extractor. The scorer keeps the
labelling guide's rule exactly: paragraphs are numbered by `re.split(r"\\n\\s*\\n", text)` (blank
blocks dropped, from 1); a fact is found when an extracted attribution whose content starts in the
fact's paragraph has a speaker containing one of the fact's speaker tokens; an extracted
attribution is right when its speaker contains a token of a fact of its paragraph or an `also_ok`
token of it; anything in a `traps` paragraph is wrong.

Prints per article, per form (the label's form for recall; direct / mixed / indirect /
according-to of the extracted item for precision), the seed article's old hand list, and — last
four lines — the overall summary. `--verbose` lists misses and extras; `--sweep` times `extract`
on a synthetic one-paragraph article at 1×/2×/4×/8× length (cost must stay about linear).
Run: .venv/bin/python bench/attribution.py [--articles DIR] [--verbose] [--sweep]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgame.article.passages import Article, parse_article, read_article  # noqa: E402
from quizgame.authoring.attribution import Attribution, extract  # noqa: E402

DEVSET = ROOT / "tests" / "data" / "devset"
FORMS = ("direct", "indirect", "mixed", "according-to")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraph n (from 1) is spans[n - 1]: blocks of `re.split(r"\\n\\s*\\n", text)`, blanks dropped."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in [*re.finditer(r"\n\s*\n", text), None]:
        end = m.start() if m is not None else len(text)
        if text[pos:end].strip():
            spans.append((pos, end))
        if m is not None:
            pos = m.end()
    return spans


def paragraph_of(spans: list[tuple[int, int]], offset: int) -> int:
    for n, (s, e) in enumerate(spans, 1):
        if s <= offset < e:
            return n
    return 0


def form_of(a: Attribution) -> str:
    """The labelling guide's form for an extracted item."""
    if a.form == "according-to":
        return "according-to"
    if a.direct:
        return "direct"
    return "mixed" if any(q in a.content for q in '“”"') else "indirect"


@dataclass
class Score:
    name: str
    facts: list[dict[str, Any]]
    found: list[bool]
    items: list[tuple[Attribution, int, bool]]  # attribution, paragraph, right
    trapped: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)

    @property
    def right(self) -> int:
        return sum(1 for _, _, ok in self.items if ok)


def score(name: str, article: Article, labels: dict[str, Any]) -> Score:
    spans = paragraph_spans(article.text)
    start = time.perf_counter()
    found_items = list(extract(article))
    seconds = time.perf_counter() - start
    facts: list[dict[str, Any]] = labels["facts"]
    traps = set(labels.get("traps", []))
    also_ok = {int(k): v for k, v in labels.get("also_ok", {}).items()}
    placed = [(a, paragraph_of(spans, a.start)) for a in found_items]
    found = [
        any(p == f["p"] and any(t in a.speaker for t in f["speaker"]) for a, p in placed)
        for f in facts
    ]
    items: list[tuple[Attribution, int, bool]] = []
    trapped = 0
    for a, p in placed:
        tokens = [t for f in facts if f["p"] == p for t in f["speaker"]] + also_ok.get(p, [])
        ok = p not in traps and any(t in a.speaker for t in tokens)
        trapped += p in traps
        items.append((a, p, ok))
    return Score(name, facts, found, items, trapped, seconds)


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  —  "


def run_devset(directory: Path, verbose: bool) -> list[Score]:
    labels: dict[str, Any] = json.loads((directory / "attributions.json").read_text("utf-8"))
    scores: list[Score] = []
    for name, entry in sorted(labels.items()):
        if not isinstance(entry, dict):
            continue
        article = read_article(directory / name)
        s = score(name, article, entry)
        scores.append(s)
        print(
            f"{name[:44]:<44} facts {len(s.facts):>3} found {sum(s.found):>3} "
            f"recall {_ratio(sum(s.found), len(s.facts))}  items {len(s.items):>3} "
            f"right {s.right:>3} precision {_ratio(s.right, len(s.items))}"
            + (f"  TRAPS {s.trapped}" if s.trapped else "")
        )
        if verbose:
            for f, ok in zip(s.facts, s.found, strict=True):
                if not ok:
                    print(f"    missed p{f['p']} {f['form']:<12} {f['speaker'][0]}: {f['content']}")
            for a, p, ok in s.items:
                if not ok:
                    print(
                        f"    extra  p{p} {a.speaker} [{a.cue}]: {' '.join(a.content.split())[:70]}"
                    )
    return scores


def per_form(scores: list[Score]) -> None:
    for form in FORMS:
        facts = [
            ok for s in scores for f, ok in zip(s.facts, s.found, strict=True) if f["form"] == form
        ]
        items = [ok for s in scores for a, _, ok in s.items if form_of(a) == form]
        print(
            f"form {form:<13} facts {len(facts):>3} found {sum(facts):>3} recall "
            f"{_ratio(sum(facts), len(facts))}   items {len(items):>3} right {sum(items):>3} "
            f"precision {_ratio(sum(items), len(items))}"
        )


def seed_line() -> str:
    """The seed article's old hand list (labelled alongside the rules: a sanity check only)."""
    import yaml

    from quizgame.bank.bundled import bundled_dir
    from quizgame.text.normalise import normalise_text

    path = ROOT / "tests" / "data" / "seed_attributions.yaml"
    labels: list[dict[str, str]] = yaml.safe_load(path.read_text("utf-8"))
    found = list(extract(read_article(bundled_dir() / "kremlin-peacekeepers.txt")))
    unmatched = list(range(len(labels)))
    right = 0
    for a in found:
        hit = next(
            (
                i
                for i in unmatched
                if a.passage_id == labels[i]["passage"]
                and a.speaker == labels[i]["speaker"]
                and normalise_text(labels[i]["fragment"]) in normalise_text(a.content)
            ),
            None,
        )
        if hit is not None:
            unmatched.remove(hit)
            right += 1
    return (
        f"seed article (old hand list): {len(labels)} labelled, {len(found)} found, {right} right: "
        f"precision {_ratio(right, len(found))} recall {_ratio(right, len(labels))}"
    )


def _name(i: int) -> str:
    """A distinct capitalised surname per index (`Bak`, `Bek`, …), so the number of entities
    grows with the article, as in a real long text."""
    out = ""
    while True:
        out += "bcdfghklmnprstvz"[i % 16] + "aeiou"[(i // 16) % 5]
        i //= 80
        if not i:
            return out.capitalize() + "k"


def _unit(i: int) -> str:
    a, b = _name(2 * i), _name(2 * i + 1)
    return (
        f"Officials said that the plan would go ahead. “We will not wait,” Jane {a} said, "
        f"adding that the council had agreed. According to the report, costs rose by half. "
        f"Minister Tom {b} told reporters after the vote “it is done”. He also said it was "
        f"fair. The court found that the law was void, and {a} denied it. "
    )


def sweep() -> None:
    """`extract` on one long paragraph at 1×/2×/4×/8× (issue #14: this used to be quadratic)."""
    base_reps = 400  # about 130 KB
    print("sweep: one-paragraph article, extract() time (wall; CPU beside it, which a busy")
    print("machine disturbs less); vs linear = (CPU / size) / (1x CPU / 1x size), target <= 1.5")
    first = 0.0
    for mult in (1, 2, 4, 8):
        text = "Title\n\n" + "".join(_unit(i) for i in range(base_reps * mult))
        article = parse_article(text)
        t0, c0 = time.perf_counter(), time.process_time()
        n = len(extract(article))
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        first = first or cpu
        print(
            f"  {mult}x {len(text) / 1024:8.0f} KB  {dt:7.2f} s  CPU {cpu:6.2f} s  {n:6d} items  "
            f"vs linear {cpu / first / mult:4.2f}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=Path, default=DEVSET, help="folder with attributions.json")
    ap.add_argument("--verbose", "-v", action="store_true", help="list misses and extras")
    ap.add_argument("--sweep", action="store_true", help="time 1x/2x/4x/8x one-paragraph articles")
    args = ap.parse_args(argv)
    if args.sweep:
        sweep()
    t0 = time.perf_counter()
    scores = run_devset(args.articles, args.verbose)
    per_form(scores)
    print(seed_line())
    facts = sum(len(s.facts) for s in scores)
    found = sum(sum(s.found) for s in scores)
    items = sum(len(s.items) for s in scores)
    right = sum(s.right for s in scores)
    trapped = sum(s.trapped for s in scores)
    print(
        f"dev set: {len(scores)} articles, {facts} facts, {items} attributions extracted "
        f"({sum(s.seconds for s in scores):.2f} s extracting, {time.perf_counter() - t0:.1f} s in all)"
    )
    print(
        f"found {found} of {facts} facts; {right} of {items} attributions right; {trapped} in traps"
    )
    recall_by_form = "  ".join(
        f"{form} {_ratio(sum(ok for s in scores for f, ok in zip(s.facts, s.found, strict=True) if f['form'] == form), sum(1 for s in scores for f in s.facts if f['form'] == form))}"
        for form in FORMS
    )
    print(f"recall by form: {recall_by_form}")
    print(
        f"OVERALL precision {_ratio(right, items)}  recall {_ratio(found, facts)}  "
        f"(targets: precision >= 0.95, recall >= 0.90, 0 in traps)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
