"""A radio button whose state shows as a mark, not only as a colour."""

from __future__ import annotations

from quizgame.tui.textual_private import InnerMarkRadioButton


class MarkedRadioButton(InnerMarkRadioButton):
    """Textual's radio button draws the same dot on and off and tells them apart by colour alone;
    this one draws ● when chosen and leaves the button empty otherwise, so the choice survives a
    monochrome terminal, colour blindness and screen readers reading the screen text."""

    def inner_mark(self) -> str:
        return "●" if self.value else " "
