"""A list of answer choices: letter/number keys, arrows + Enter, or the mouse.

In single mode a key, Enter or a click answers at once. In multi mode a key, space or a click ticks,
and Enter submits the ticked set. Prompts are `rich.text.Text`, so bank text is never markup.

Fair play: a new list has no highlighted option, so the Enter that moved on (or a repeat of it)
cannot answer; an option is answered only while it is wholly on screen (a key naming an option off
screen scrolls it into view and highlights it instead); options already tried on a retry are
marked and cannot be picked; the highlighted option is always scrolled into view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quizgame.play.presenter import choice_key, choice_label, key_to_index
from quizgame.text.safe import visible


class KeyedPrompt:
    """A choice's key, a gap, then its words, wrapped lines indented under the words (not the key).

    Drawn as a two-column `Table.grid` would draw it, cell for cell (long words end in "…"), at a
    fraction of the cost: the list measures and draws every option on each layout of the screen,
    and a table works out its columns each time.
    """

    GAP = 2

    def __init__(self, key: Text, words: Text) -> None:
        self.key, self.words = key, words

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = self.key.cell_len + self.GAP
        lines = self.words.wrap(console, max(1, options.max_width - indent), overflow="ellipsis")
        for n, line in enumerate(lines):
            row = Text(end="")
            row.append(self.key if n == 0 else " " * self.key.cell_len)
            row.append(" " * self.GAP)
            row.append(line)
            yield from row.render(console)
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        indent = self.key.cell_len + self.GAP
        words = Measurement.get(console, options, self.words)
        return Measurement(indent + words.minimum, indent + words.maximum)


class ChoiceList(OptionList):
    DEFAULT_CSS = """
    ChoiceList { height: auto; max-height: 100%; margin: 1 0; }
    ChoiceList > .option-list--option { padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space", "tick", "Tick", show=False, tooltip="tick / untick a choice in “select all”"
        )
    ]
    # Keys handled in on_key and by OptionList rather than by bindings, for the help screen.
    HELP_KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("A–Z or 1–9", "pick that choice (in “select all”: tick it); T or F on true/false"),
        ("↑ ↓  Enter", "move to a choice, then choose it; clicking works too"),
        ("Enter", "submit a typed answer or the ticked choices"),
    )

    @dataclass
    class Answered(Message):
        """The player chose: one index in single mode, the ticked ones in multi mode."""

        choice_list: ChoiceList
        indices: tuple[int, ...]

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

    def __init__(
        self,
        texts: tuple[str, ...],
        *,
        multi: bool = False,
        keys: tuple[str, ...] | None = None,
        ruled_out: frozenset[int] = frozenset(),
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        self.texts = texts
        self.multi = multi
        self.keys = keys  # letters shown and accepted instead of A, B… (T and F for true/false)
        self.ruled_out = ruled_out  # tried already and wrong: shown marked, not pickable
        self.ticked: set[int] = set()
        self.marks: dict[int, str] = {}
        self.locked = False
        self.chosen: int | None = None  # single mode: the option answered with
        super().__init__(*self._build_options(), id=id, classes=classes)
        self.highlighted = None  # OptionList highlights the first option; Enter must not pick it

    def prompt_text(self, i: int) -> Text:
        """The choice's words (with its tick box and mark), literal text."""
        label = choice_label(i, self.texts[i], multi=self.multi, ticked=i in self.ticked)
        text = Text(visible(label.split("  ", 1)[1]))
        mark = self.marks.get(i) or ("✗ tried" if i in self.ruled_out else None)
        if mark:
            text.append(f"  {mark}", style="bold")
        return text

    def _prompt(self, i: int) -> KeyedPrompt:
        # Wrapped lines are indented under the text, not under the letter.
        return KeyedPrompt(Text(self.key_for(i), style="bold"), self.prompt_text(i))

    def key_for(self, i: int) -> str:
        return self.keys[i] if self.keys and i < len(self.keys) else choice_key(i)

    def _build_options(self) -> list[Option]:
        return [
            Option(self._prompt(i), id=f"choice-{i}", disabled=i in self.ruled_out)
            for i in range(len(self.texts))
        ]

    def _refresh_prompt(self, i: int) -> None:
        self.replace_option_prompt_at_index(i, self._prompt(i))

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        # Once answered the feedback above is what to read: the pane stays at its top. Before it is
        # mounted nothing is on screen to scroll (OptionList highlights its first option while it
        # is built, and the list un-highlights it at once): a reveal then would only lay the screen
        # out a second time, after the question's first frame.
        if highlighted is not None and not self.locked and self.is_mounted:
            self.call_after_refresh(self.reveal, highlighted)

    def on_focus(self) -> None:
        if self.highlighted is not None:
            self.call_after_refresh(self.reveal, self.highlighted)

    # on screen --------------------------------------------------------------------------------------

    def _option_rows(self, index: int) -> tuple[int, int] | None:
        """The option's first row and height within the list (None before it is laid out)."""
        self._update_lines()
        line = self._index_to_line.get(index)
        if line is None:
            return None
        return line, self._heights.get(index, 1)

    def _visible_window(self) -> Region:
        """The part of the screen where this list's content can be seen (parents' scroll included)."""
        window = self.content_region
        for node in self.ancestors:
            if node is self.screen:
                break
            region = getattr(node, "scrollable_content_region", None)
            if isinstance(region, Region) and region.area:
                window = window.intersection(region)
        return window.intersection(self.screen.region)

    def on_screen(self, index: int) -> bool:
        """The option is drawn, wholly inside every pane that holds it (one taller than the view:
        from its first line down to the view's bottom)."""
        rows = self._option_rows(index)
        window = self._visible_window()
        if rows is None or not window.area:
            return False
        top = self.content_region.y + rows[0] - round(self.scroll_y)
        bottom = top + min(rows[1], window.height)
        return window.y <= top and bottom <= window.bottom

    def reveal(self, index: int) -> None:
        """Scroll the list, then the pane holding it, until the option is wholly in view."""
        rows = self._option_rows(index)
        if rows is None or not self.is_mounted or self.locked:  # answered: the feedback leads
            return
        self.scroll_to_region(
            Region(0, rows[0], self.scrollable_content_region.width, rows[1]),
            animate=False,
            immediate=True,
            force=True,
        )
        pane = next((a for a in self.ancestors if isinstance(a, Widget) and a.is_scrollable), None)
        if pane is None:
            return
        top = self.content_region.y + rows[0] - round(self.scroll_y)
        bottom = top + rows[1]
        view = pane.scrollable_content_region
        if top < view.y:
            pane.scroll_to(
                y=pane.scroll_y - (view.y - top), animate=False, immediate=True, force=True
            )
        elif bottom > view.bottom:
            delta = min(bottom - view.bottom, top - view.y)
            pane.scroll_to(y=pane.scroll_y + delta, animate=False, immediate=True, force=True)

    # answering -------------------------------------------------------------------------------------

    def choose(self, index: int, *, clicked: bool = False) -> None:
        """What a key press or click on `index` does: answer (single) or tick (multi).

        An option that is not wholly on screen is only highlighted and scrolled into view: the
        student has to see what they pick."""
        if self.locked or not 0 <= index < len(self.texts) or index in self.ruled_out:
            return
        if not clicked and not self.on_screen(index):
            self.highlighted = index
            return
        if self.multi:
            self.highlighted = index
            self.toggle(index)
        else:
            # The highlight moves to it when the list is frozen, in the same frame as the
            # feedback rather than one frame before it.
            self.chosen = index
            self.post_message(self.Answered(self, (index,)))

    def toggle(self, index: int) -> None:
        if self.locked:
            return
        self.ticked.symmetric_difference_update({index})
        self._refresh_prompt(index)

    def submit(self) -> None:
        if self.locked:
            return
        if self.multi:
            if not self.ticked:
                self.notify("Tick at least one choice (space or its letter), then press Enter.")
                return
            self.post_message(self.Answered(self, tuple(sorted(self.ticked))))
        elif self.highlighted is not None:
            index = self.highlighted
            if index in self.ruled_out:
                return
            if not self.on_screen(index):
                self.reveal(index)
                return
            self.chosen = index
            self.post_message(self.Answered(self, (index,)))

    def action_tick(self) -> None:
        if self.multi and self.highlighted is not None:
            self.toggle(self.highlighted)

    def action_select(self) -> None:
        self.submit()

    async def _on_click(self, event: events.Click) -> None:
        clicked = event.style.meta.get("option")
        if isinstance(clicked, int):
            event.stop()
            self.choose(clicked, clicked=True)

    def on_key(self, event: events.Key) -> None:
        if self.locked or event.character is None:
            return
        index = None
        if self.keys and event.character.upper() in self.keys:
            index = self.keys.index(event.character.upper())
        if index is None:
            index = key_to_index(event.character, len(self.texts))
        if index is not None:
            event.stop()
            event.prevent_default()
            self.choose(index)

    # after answering ---------------------------------------------------------------------------------

    def mark(self, marks: dict[int, str]) -> None:
        """Label choices and stay answerable (an exam's saved answer, which may still change)."""
        self.marks = dict(marks)
        for i in range(len(self.texts)):
            self._refresh_prompt(i)

    def freeze(self, marks: dict[int, str] | None = None) -> None:
        """No more answers; optionally label choices (`✓ right answer`, `✗ your answer`)."""
        self.locked = True
        self.marks = dict(marks or {})
        for i in range(len(self.texts)):
            self._refresh_prompt(i)
        if self.chosen is not None:
            self.highlighted = self.chosen
