"""Numbers read the same on every screen and in every report."""

from __future__ import annotations

import pytest

from quizgame.text.formatting import format_duration, format_points


@pytest.mark.parametrize(
    ("x", "text"), [(1, "1"), (0.5, "0.5"), (0.25, "0.25"), (1.1, "1.1"), (2 / 3, "0.67")]
)
def test_format_points(x: float, text: str) -> None:
    assert format_points(x) == text


@pytest.mark.parametrize(
    ("s", "text"), [(None, "—"), (0.4, "0s"), (42, "42s"), (185, "3m 05s"), (3720, "1h 02m")]
)
def test_format_duration(s: float | None, text: str) -> None:
    assert format_duration(s) == text
