"""Reordering items for `order` questions from the keyboard (or the mouse).

↑↓ highlight an item; Shift+↑↓ (or `-` and `+`) move it up or down, and the highlight moves with
it, so an item can be carried to its place. Prompts are `rich.text.Text`: bank text is never markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quizgame.text.safe import visible


class OrderList(OptionList):
    DEFAULT_CSS = """
    OrderList { height: auto; max-height: 100%; margin: 1 0; }
    OrderList > .option-list--option { padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "shift+up,minus",
            "move(-1)",
            "Move up",
            show=False,
            tooltip="put in order: move the highlighted item up",
        ),
        Binding(
            "shift+down,plus",
            "move(1)",
            "Move down",
            show=False,
            tooltip="put in order: move the highlighted item down",
        ),
        Binding("enter", "submit", "Submit", show=False, tooltip="put in order: submit the order"),
    ]

    @dataclass
    class Moved(Message):
        order_list: OrderList

        @property
        def control(self) -> OrderList:
            return self.order_list

    @dataclass
    class Submitted(Message):
        """Enter: the player is happy with the order."""

        order_list: OrderList

        @property
        def control(self) -> OrderList:
            return self.order_list

    def __init__(self, items: tuple[str, ...], *, id: str | None = None) -> None:
        self.items = list(items)
        self.locked = False
        super().__init__(*self._build(), id=id)

    def _build(self) -> list[Option]:
        return [Option(self._prompt(i), id=f"item-{i}") for i in range(len(self.items))]

    def _prompt(self, i: int) -> Text:
        text = Text(f"{i + 1}. ", style="bold")
        text.append(visible(self.items[i]))
        return text

    def on_mount(self) -> None:
        if self.items:
            self.highlighted = 0

    @property
    def order(self) -> tuple[str, ...]:
        """The items in the order the player has put them."""
        return tuple(self.items)

    def move(self, index: int, delta: int) -> None:
        """Move the item at `index` by `delta` places (clamped); the highlight follows it."""
        target = max(0, min(len(self.items) - 1, index + delta))
        if self.locked or target == index:
            return
        item = self.items.pop(index)
        self.items.insert(target, item)
        for i in range(min(index, target), max(index, target) + 1):
            self.replace_option_prompt_at_index(i, self._prompt(i))
        self.highlighted = target
        self.post_message(self.Moved(self))

    def action_move(self, delta: int) -> None:
        if self.highlighted is not None:
            self.move(self.highlighted, delta)

    def action_select(self) -> None:
        """A click only highlights the item (it must not submit the order by accident)."""

    def action_submit(self) -> None:
        if not self.locked:
            self.post_message(self.Submitted(self))

    def freeze(self) -> None:
        self.locked = True
