"""The mode choice shows which option is on with a mark, never with colour alone."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import RadioSet

from quizgame.tui.widgets.marked_radio import MarkedRadioButton


class _RadioApp(App[None]):
    def compose(self) -> ComposeResult:
        with RadioSet():
            yield MarkedRadioButton("Practice", value=True, id="a")
            yield MarkedRadioButton("Exam", id="b")


async def test_only_the_chosen_option_is_marked() -> None:
    app = _RadioApp()
    async with app.run_test(size=(40, 8)) as pilot:
        a = app.query_one("#a", MarkedRadioButton)
        b = app.query_one("#b", MarkedRadioButton)
        assert "●" in str(a.render()) and "●" not in str(b.render())
        await pilot.click("#b")
        await pilot.pause()
        assert b.value and not a.value
        assert "●" in str(b.render()) and "●" not in str(a.render())
