"""A radio button whose state shows as a mark, not only as a colour."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import RadioButton


class MarkedRadioButton(RadioButton):
    """Textual's radio button draws the same dot on and off and tells them apart by colour alone;
    this one draws ● when chosen and leaves the button empty otherwise, so the choice survives a
    monochrome terminal, colour blindness and screen readers reading the screen text."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "●" if self.value else " "
        return super()._button
