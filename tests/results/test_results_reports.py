"""Report figures against values computed by hand from the class in fixtures.py."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from quizgame.results.reports import Report, build_report, histogram
from quizgame.results.sqlite_store import SqliteStore
from tests.results.fixtures import BANK_HASH, BANK_ID, META


@pytest.fixture
def report(class_db: Path) -> Report:
    s = SqliteStore(class_db, create=False)
    try:
        return build_report(s.games(), s.answers(), {BANK_ID: META})
    finally:
        s.close()


def _item(report: Report, qid: str):  # type: ignore[no-untyped-def]
    (version,) = report.versions
    return next(i for i in version.items if i.question_id == qid)


def test_counts(report: Report) -> None:
    assert report.games == 6
    assert report.answers == 19  # 18 questions answered + B's retry
    (version,) = report.versions
    assert (version.bank_id, version.bank_hash) == (BANK_ID, BANK_HASH)
    assert version.players == 5  # A's replay is not a second player
    assert version.games == 6


def test_facility_uses_each_players_first_game_and_final_attempt(report: Report) -> None:
    # q1: A B C right, D E wrong (A's replay, wrong, is ignored) → 3/5
    assert _item(report, "q1").facility == pytest.approx(0.6)
    # q2: final attempts A1 B1 (after retry) C0 D1 E0 → 3/5; first tries A1 B0 C0 D1 E0 → 2/5
    assert _item(report, "q2").facility == pytest.approx(0.6)
    assert _item(report, "q2").first_try == pytest.approx(0.4)
    # q3: 1 + 0 + 1 + 0 + 0.5 → 2.5/5
    assert _item(report, "q3").facility == pytest.approx(0.5)


def test_discrimination_upper_minus_lower_27_percent(report: Report) -> None:
    # ranking by first-game score: A 3, C 2, B 1.5, D 1, E 0.5; round(0.27 × 5) = 1 → upper A, lower E
    assert _item(report, "q1").discrimination == pytest.approx(1.0)  # A 1 − E 0
    assert _item(report, "q2").discrimination == pytest.approx(1.0)  # A 1 − E 0
    assert _item(report, "q3").discrimination == pytest.approx(0.5)  # A 1 − E 0.5


def test_item_rest_correlation(report: Report) -> None:
    # q1 scores A..E = 1 1 1 0 0; rest (score minus q1 points) = 2 0.5 1 1 0.5
    # Σdxdy = 0.5, Σdx² = 1.2, Σdy² = 1.5 → r = 0.5 / √1.8
    assert _item(report, "q1").item_rest_r == pytest.approx(0.5 / math.sqrt(1.8))


def test_most_chosen_wrong_answer_groups_case_and_spacing(report: Report) -> None:
    q1 = _item(report, "q1")
    assert (q1.top_wrong, q1.top_wrong_count) == ("Paris", 2)  # "Paris" and "paris "
    q2 = _item(report, "q2")
    assert (q2.top_wrong, q2.top_wrong_count) == ("y", 2)  # C and E; B's "x" once
    assert {c.response: c.count for c in q2.distribution} == {"z": 2, "y": 2, "x": 1}


def test_times_and_attempts(report: Report) -> None:
    q2 = _item(report, "q2")
    assert q2.mean_seconds == pytest.approx((10 + 30 + 10 + 10 + 10) / 5)  # B: 10 s + 20 s retry
    assert q2.attempts == 7  # 5 first games + B's retry + A's replay
    assert q2.answered == 5


def test_players(report: Report) -> None:
    rows = {p.player: p for p in report.players}
    assert list(rows) == ["A", "B", "C", "D", "E"]
    a = rows["A"]
    assert a.games == 2
    assert (a.last_score, a.best_score) == (2.0, 3.0)
    assert a.best_percent == pytest.approx(100.0)
    assert a.last_percent == pytest.approx(200 / 3)
    assert a.seconds == pytest.approx(60.0)
    assert rows["B"].last_score == pytest.approx(1.5)  # the retry earned half a point
    assert rows["B"].seconds == pytest.approx(50.0)  # 10 + (10 + 20) + 10


def test_skills_per_player_and_class(report: Report) -> None:
    (version,) = report.versions
    main = {s.player: s.mean for s in version.skills if s.tag == "main"}
    # main = q1, q2: A 1, B 1, C 0.5, D 0.5, E 0 → class 0.6 (each player weighs the same)
    assert main == pytest.approx({None: 0.6, "A": 1.0, "B": 1.0, "C": 0.5, "D": 0.5, "E": 0.0})
    vocab = {s.player: s.mean for s in version.skills if s.tag == "vocab"}
    assert vocab[None] == pytest.approx(0.55)
    assert vocab["E"] == pytest.approx(0.25)


def test_histogram_of_first_game_percentages(report: Report) -> None:
    (version,) = report.versions
    counts = {b.label: b.count for b in version.histogram if b.count}
    assert counts == {"90–100%": 1, "60–69%": 1, "50–59%": 1, "30–39%": 1, "10–19%": 1}
    assert version.mean_percent == pytest.approx((100 + 50 + 200 / 3 + 100 / 3 + 50 / 3) / 5)


def test_player_filter_keeps_class_figures(class_db: Path) -> None:
    s = SqliteStore(class_db, create=False)
    r = build_report(s.games(), s.answers(), {BANK_ID: META}, player="C")
    s.close()
    assert [p.player for p in r.players] == ["C"]
    (version,) = r.versions
    assert version.players == 5
    assert {s.player for s in version.skills} == {None, "C"}


def test_without_bank_file_skills_are_empty_and_said_so(class_db: Path) -> None:
    s = SqliteStore(class_db, create=False)
    r = build_report(s.games(), s.answers(), {})
    s.close()
    (version,) = r.versions
    assert version.skills == ()
    assert any("--bank" in n for n in version.notes)
    assert version.items[0].facility == pytest.approx(0.6)  # item analysis needs no bank


def test_changed_bank_is_noted(class_db: Path) -> None:
    from dataclasses import replace

    s = SqliteStore(class_db, create=False)
    r = build_report(s.games(), s.answers(), {BANK_ID: replace(META, content_hash="other")})
    s.close()
    (version,) = r.versions
    assert any("has changed" in n for n in version.notes)
    assert version.skills  # tags still come from the (changed) file


def test_too_few_players_gives_no_discrimination(class_db: Path) -> None:
    s = SqliteStore(class_db, create=False)
    answers = [a for a in s.answers() if a.player in ("A", "B")]
    r = build_report(s.games(), answers, {BANK_ID: META})
    s.close()
    item = r.versions[0].items[0]
    assert item.discrimination is None and item.item_rest_r is None
    assert item.facility == pytest.approx(1.0)


def test_histogram_edges() -> None:
    bins = histogram([0, 9.99, 10, 99.9, 100, 130])
    assert [b.count for b in bins] == [2, 1, 0, 0, 0, 0, 0, 0, 0, 3]
