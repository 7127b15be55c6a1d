"""Regression guard: attribution on the 30 hand-labelled development articles stays above a floor.

Scored exactly as `tests/data/devset/LABELS.md` states (the scorer lives in bench/attribution.py,
which prints the full per-article and per-form figures). The floors sit just under the figures
reached when this test was written (recall 0.944, precision 0.994, every form's recall at least
0.89, nothing in trap paragraphs), so a change that loses facts or adds wrong speakers fails here.
Not a timing test.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from bench.attribution import DEVSET, Score, score
from quizgame.article.passages import read_article

RECALL_FLOOR = 0.93
PRECISION_FLOOR = 0.98


@pytest.fixture(scope="module")
def scores() -> list[Score]:
    labels: dict[str, Any] = json.loads((DEVSET / "attributions.json").read_text("utf-8"))
    return [
        score(name, read_article(DEVSET / name), entry)
        for name, entry in sorted(labels.items())
        if isinstance(entry, dict)
    ]


def test_all_thirty_labelled_articles_are_scored(scores: list[Score]) -> None:
    assert len(scores) == 30
    assert sum(len(s.facts) for s in scores) == 266


def test_recall_stays_above_the_floor(scores: list[Score]) -> None:
    found = sum(sum(s.found) for s in scores)
    facts = sum(len(s.facts) for s in scores)
    assert found / facts >= RECALL_FLOOR, f"recall {found}/{facts}"


def test_precision_stays_above_the_floor(scores: list[Score]) -> None:
    right = sum(s.right for s in scores)
    items = sum(len(s.items) for s in scores)
    wrong = [(s.name, p, a.speaker, a.cue) for s in scores for a, p, ok in s.items if not ok]
    assert right / items >= PRECISION_FLOOR, wrong


def test_nothing_is_attributed_in_a_trap_paragraph(scores: list[Score]) -> None:
    assert [(s.name, s.trapped) for s in scores if s.trapped] == []


def test_every_form_is_found_at_least_seven_times_in_eight(scores: list[Score]) -> None:
    for form in ("direct", "indirect", "mixed", "according-to"):
        got = [
            ok for s in scores for f, ok in zip(s.facts, s.found, strict=True) if f["form"] == form
        ]
        assert sum(got) / len(got) >= 0.875, (form, sum(got), len(got))
