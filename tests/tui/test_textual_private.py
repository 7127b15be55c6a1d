"""The installed Textual still has every private member the game overrides.

When a Textual upgrade renames or reshapes one, this fails naming the override (see
quizgame/tui/textual_private.py for what each does and why), instead of the game silently
laying out twice, redrawing scrollbars or losing its radio marks.
"""

from __future__ import annotations

import pytest

from quizgame.tui.textual_private import relied_on

CHECKS = relied_on()


@pytest.mark.parametrize("override", list(CHECKS))
def test_textual_still_has_what_the_override_relies_on(override: str) -> None:
    assert CHECKS[override](), (
        f"the installed Textual no longer has what {override!r} relies on — "
        "see quizgame/tui/textual_private.py, then fix the override or the textual pin"
    )


def test_the_check_would_notice_a_missing_member(monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.widget import Widget

    monkeypatch.delattr(Widget, "_size_updated")
    missing = [name for name, has in relied_on().items() if not has()]
    assert missing and missing[0].startswith("LaidOutOnce")
