"""The order list moves items with Shift+↑↓ (or - and +) and submits on Enter; the cloze gaps take a
letter for a listed gap and move on, and refuse to submit while a gap is empty."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult

from quizgame.tui.widgets.cloze_gaps import ClozeGaps
from quizgame.tui.widgets.order_list import OrderList


class _Host(App[None]):
    def __init__(self, widget: Any) -> None:
        super().__init__()
        self.widget = widget
        self.messages: list[Any] = []

    def compose(self) -> ComposeResult:
        yield self.widget

    def on_order_list_submitted(self, event: OrderList.Submitted) -> None:
        self.messages.append(event)

    def on_cloze_gaps_filled(self, event: ClozeGaps.Filled) -> None:
        self.messages.append(event)


async def test_order_list_moves_the_highlighted_item_and_submits() -> None:
    widget = OrderList(("a", "b", "c"), id="order")
    app = _Host(widget)
    async with app.run_test(size=(60, 12)) as pilot:
        widget.focus()
        await pilot.press("down", "shift+up")  # b to the top
        assert widget.order == ("b", "a", "c")
        await pilot.press("shift+down", "shift+down")  # and down to the bottom
        assert widget.order == ("a", "c", "b") and widget.highlighted == 2
        await pilot.press("minus")
        assert widget.order == ("a", "b", "c")
        await pilot.press("shift+down", "shift+down")  # cannot move past the end
        assert widget.order == ("a", "c", "b")
        await pilot.click(OrderList, offset=(3, 0))  # a click only highlights
        await pilot.pause()
        assert app.messages == []
        await pilot.press("enter")
        await pilot.pause()
        assert len(app.messages) == 1


async def test_cloze_gaps_take_letters_and_typing() -> None:
    widget = ClozeGaps("we [[trust]] them, a long [[way]]", (("fear", "trust"), ()), id="cloze")
    app = _Host(widget)
    async with app.run_test(size=(60, 16)) as pilot:
        widget.inputs()[0].focus()
        await pilot.pause()
        assert widget.missing == 2
        await pilot.press("b")  # picks "trust" and moves to the typed gap
        await pilot.pause()
        assert widget.fills == ("trust", "")
        assert widget.inputs()[1].has_focus
        await pilot.press("w", "a", "y", "enter")
        await pilot.pause()
        assert widget.fills == ("trust", "way") and widget.missing == 0
        assert len(app.messages) == 1
