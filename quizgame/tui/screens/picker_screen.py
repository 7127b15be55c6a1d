"""Choosing a bank: bundled banks, ./questions/*.yaml and any given on the command line.

Banks load on a worker thread so a folder of banks never freezes the screen, and the player's
history with each bank fills in after the list is shown; a bank that fails `quizgame check` is
listed with its first error instead of stopping the game.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from quizgame.play.bank_list import BankEntry, bank_entries
from quizgame.text.safe import visible
from quizgame.tui.widgets.key_bar import KeyBar


def entry_prompt(entry: BankEntry, history: str = "") -> Text:
    """Two to four lines per bank: title, details (or the error), the article's headline, and the
    player's own best and last played date."""
    text = Text()
    mark = "" if entry.playable else "✗ "
    text.append(visible(f"{mark}{entry.title}"), style="bold")
    text.append(visible(f"\n  {entry.details}"), style="dim" if entry.playable else "")
    if entry.headline:
        text.append(visible(f"\n  Article: {entry.headline}"), style="italic")
    if history:
        text.append(visible(f"\n  {history}"), style="green")
    return text


class BankPickerScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "play", "Play", show=True),
        Binding("t", "teacher", "Teacher view"),
        Binding("escape", "app.quit", "Quit"),
    ]

    @dataclass
    class Picked(Message):
        entry: BankEntry

    def __init__(self, paths: list[Path]) -> None:
        super().__init__()
        self.paths = paths
        self.entries: list[BankEntry] = []
        self.histories: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(Text("quizgame — choose a bank", style="bold"), id="picker-title")
        yield Static(
            Text("↑↓ to move, Enter to play, ? for help. Loading banks…"), id="picker-hint"
        )
        yield OptionList(id="banks")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#banks", OptionList).focus()
        self.load_entries()

    @work(thread=True, exclusive=True)
    def load_entries(self) -> None:
        """The list shows as soon as the banks are loaded; the player's own lines (best score,
        last played) follow once the results store has been read, so a slow or large store never
        keeps the banks off the screen."""
        entries = bank_entries(self.paths)
        self.app.call_from_thread(self.show_entries, entries)
        histories = self._histories(entries)
        if any(histories):
            self.app.call_from_thread(self.show_entries, entries, histories)

    def _histories(self, entries: list[BankEntry]) -> list[str]:
        """The player's own line per bank (worker thread: it reads the results store)."""
        from quizgame.play.history_text import history_line

        player = getattr(self.app, "picker_player", lambda: None)()
        read = getattr(self.app, "player_history", None)
        if not player or not callable(read):
            return ["" for _ in entries]
        return [history_line(read(player, e.loaded.bank_id)) if e.loaded else "" for e in entries]

    @work(thread=True, exclusive=True, group="history")
    def refresh_histories(self) -> None:
        entries = list(self.entries)
        self.app.call_from_thread(self.show_entries, entries, self._histories(entries))

    def on_screen_resume(self) -> None:
        """Back from a game: its score and date show at once."""
        if self.entries:
            self.refresh_histories()

    def show_entries(self, entries: list[BankEntry], histories: list[str] | None = None) -> None:
        self.entries = entries
        self.histories = histories or ["" for _ in entries]
        banks = self.query_one("#banks", OptionList)
        keep = banks.highlighted
        banks.clear_options()
        banks.add_options(
            Option(entry_prompt(e, h), id=f"bank-{i}")
            for i, (e, h) in enumerate(zip(entries, self.histories, strict=True))
        )
        if entries:
            banks.highlighted = keep if keep is not None and keep < len(entries) else 0
        n = len(entries)
        hint = (
            f"{n} bank{'s' if n != 1 else ''} · ↑↓ to move, Enter to play, ? for help"
            if n
            else "No banks found: put .yaml banks in ./questions/ or give one on the command line."
        )
        self.query_one("#picker-hint", Static).update(Text(hint))

    @on(OptionList.OptionSelected, "#banks")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.pick(event.option_index)

    def action_play(self) -> None:
        index = self.query_one("#banks", OptionList).highlighted
        if index is not None:
            self.pick(index)

    def pick(self, index: int) -> None:
        if not 0 <= index < len(self.entries):
            return
        entry = self.entries[index]
        if not entry.playable:
            self.notify(
                f"{entry.path.name} has errors; run `quizgame check {entry.path}` to see them all.",
                severity="warning",
                markup=False,
            )
            return
        self.post_message(self.Picked(entry))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No teacher view in a served game (the key is neither shown nor bound)."""
        return not (action == "teacher" and getattr(self.app, "served", False))

    def action_teacher(self) -> None:
        open_teacher = getattr(self.app, "open_teacher_view", None)
        if callable(open_teacher):
            open_teacher()
