"""Pairing items for `match` questions: each item gets a dropdown of the options.

The options are listed with their letters above the items, so the letters can be read without
opening a list. A focused dropdown takes a letter (A, B, …) to pick that option; a pick — by letter
or from the opened list — moves on to the next item, so the next letter never overwrites this one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Select, Static

from quizgame.play.presenter import choice_key, key_to_index
from quizgame.text.safe import visible


class MatchPairs(Vertical):
    DEFAULT_CSS = """
    MatchPairs { height: auto; margin: 1 0; }
    MatchPairs > .match-left { margin-top: 1; }
    MatchPairs > #match-options { color: $text-muted; }
    MatchPairs > Select { width: 1fr; }
    """

    @dataclass
    class Changed(Message):
        match_pairs: MatchPairs
        complete: bool

    def __init__(
        self, lefts: tuple[str, ...], rights: tuple[str, ...], *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.lefts = lefts
        self.rights = rights

    def compose(self) -> ComposeResult:
        options = [(Text(visible(f"{choice_key(i)}  {r}")), i) for i, r in enumerate(self.rights)]
        legend = "\n".join(f"{choice_key(i)}  {r}" for i, r in enumerate(self.rights))
        yield Static(Text(visible(f"Options:\n{legend}")), id="match-options")
        for n, left in enumerate(self.lefts):
            yield Static(Text(visible(f"{n + 1}. {left}")), classes="match-left")
            yield Select[int](options, prompt="→ choose (letter or Enter)", id=f"match-{n}")

    def selects(self) -> list[Select[int]]:
        return [self.query_one(f"#match-{n}", Select) for n in range(len(self.lefts))]

    @property
    def pairs(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for left, select in zip(self.lefts, self.selects(), strict=True):
            value = select.value
            if isinstance(value, int):
                out[left] = self.rights[value]
        return out

    @property
    def complete(self) -> bool:
        return len(self.pairs) == len(self.lefts)

    def set_pair(self, item: int, option: int) -> None:
        self.selects()[item].value = option

    @on(Select.Changed)
    def _changed(self, event: Select.Changed) -> None:
        event.stop()
        selects = self.selects()
        select: Any = event.select
        if select in selects and select.has_focus_within and isinstance(select.value, int):
            position = selects.index(select)
            if position + 1 < len(selects):
                selects[position + 1].focus()
        self.post_message(self.Changed(self, self.complete))

    def on_key(self, event: events.Key) -> None:
        focused = self.screen.focused
        selects = self.selects()
        if not isinstance(focused, Select) or focused not in selects or focused.expanded:
            return
        if event.character is None or not event.character.isalpha():
            return
        index = key_to_index(event.character, len(self.rights))
        if index is None:
            return
        event.stop()
        event.prevent_default()
        focused.value = index  # Select.Changed moves on to the next item
