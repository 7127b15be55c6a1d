"""Many questions with one name get -2, -3, … in linear work (40,000 `::same::` took 279 s).

No timing: each candidate id built is counted (`f"{qid}-{n}"` formats `qid` once)."""

from __future__ import annotations

from quizgame.text.ids import unique_ids


class CountingId(str):
    built = 0

    def __format__(self, spec: str) -> str:
        CountingId.built += 1
        return str.__format__(self, spec)


def test_repeats_are_numbered_in_order() -> None:
    assert unique_ids(["a", "a", "a-2", "a", "b", "a"]) == ["a", "a-2", "a-2-2", "a-3", "b", "a-4"]
    assert unique_ids(["a-2", "a", "a"]) == ["a-2", "a", "a-3"]


def test_many_repeats_build_each_candidate_about_once() -> None:
    n = 5_000
    CountingId.built = 0
    out = unique_ids([CountingId("same")] * n)
    assert len(set(out)) == n and out[-1] == f"same-{n}"
    assert CountingId.built <= 2 * n  # trying -2, -3, … afresh for each repeat is n²/2
