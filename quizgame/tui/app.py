"""QuizApp: bank picker → player → play → summary, plus help, quit confirmation and teacher hooks."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.filter import LineFilter
from textual.message import Message
from textual.screen import Screen

from quizgame.bank.models import Mode
from quizgame.game.records import ResultSink
from quizgame.game.session import GameSession
from quizgame.play.bank_list import BankEntry, bank_entry, discover_banks
from quizgame.play.prefs import Prefs, clean_name, load_prefs, remember, starting_mode
from quizgame.results.background import BackgroundSink
from quizgame.text.safe import visible
from quizgame.tui import textual_private
from quizgame.tui.control_filter import ControlFilter
from quizgame.tui.terminal_watch import watch_terminal

if TYPE_CHECKING:
    from quizgame.results.history import PlayerHistory
    from quizgame.tui.screens.picker_screen import BankPickerScreen
    from quizgame.tui.screens.play_screen import PlayScreen
    from quizgame.tui.screens.summary_screen import SummaryScreen

CONTROL_FILTER = ControlFilter()

# Screens are imported where first shown: start-up only pays for the play screen.


class QuizApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "quizgame"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1,question_mark", "help", "Help", tooltip="this help"),
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            priority=True,
            show=False,
            tooltip="quit (asks first during a game)",
        ),
    ]
    # Keys Textual handles itself, for the help screen.
    HELP_KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("Tab / shift+Tab", "move between the article, the choices and buttons"),
    )

    def __init__(
        self,
        banks: Sequence[Path] = (),
        *,
        name: str | None = None,
        mode: str | None = None,
        seed: int | None = None,
        db: str | None = None,
        open_teacher: bool = False,
        teacher_banks: Sequence[Path] = (),
        sink_factory: Callable[[], ResultSink] | None = None,
        clock: Callable[[], float] | None = None,
        wall_clock: Callable[[], float] | None = None,
        cwd: Path | None = None,
        remember_player: bool = True,
        served: bool = False,
        roster: Sequence[str] = (),
        history_reader: Callable[[str, str], PlayerHistory | None] | None = None,
    ) -> None:
        super().__init__()
        self.bank_paths = list(banks)
        self.player_name = clean_name(name) if name else None
        self.mode_choice = mode
        self.seed = seed
        self.db = db
        self.open_teacher = open_teacher and not served
        self.teacher_banks = tuple(teacher_banks)  # `quizgame teacher --bank FILE`
        self.cwd = cwd
        # A served game (one browser visitor of `quizgame serve`) shares this computer's files
        # with every other visitor: it neither reads nor writes preferences, and has no way into
        # the teacher view (every student's results and every answer).
        self.served = served
        self.remember_player = remember_player and not served
        self.roster = tuple(roster)
        self._sink_factory = sink_factory or self._default_sink
        self._clock = clock or time.monotonic
        self._wall = wall_clock or time.time
        self._sink: BackgroundSink | None = None
        self._results_warned = False
        self.session: GameSession | None = None
        self.has_picker = False
        self._history_reader = history_reader or self._read_history
        self.history_before: PlayerHistory | None = None  # the player's record before this game
        # (player, bank id, history) read when a game was offered and not yet started: starting
        # it uses that instead of querying the store a second time
        self._history_offered: tuple[str, str, PlayerHistory | None] | None = None

    def get_line_filters(self) -> Sequence[LineFilter]:
        return [*super().get_line_filters(), CONTROL_FILTER]

    # start-up ------------------------------------------------------------------------------------------

    @dataclass
    class ResultsProblem(Message):
        """Results cannot be saved (posted from the results thread; shown as a notice)."""

        text: str

    def _default_sink(self) -> ResultSink:
        from quizgame.results import open_sink

        return open_sink(self.db, warn=self._results_problem)

    @property
    def sink(self) -> BackgroundSink:
        if self._sink is None:
            self._sink = BackgroundSink(self._sink_factory, self._sink_failed)
        return self._sink

    def play_screen(self, session: GameSession) -> Screen[None]:
        """The screen a game is played on (a teacher-paced class uses its own)."""
        from quizgame.tui.screens.play_screen import PlayScreen

        return PlayScreen(session)

    def game_sink(self) -> ResultSink:
        """Where a new game's results go (class mode also reports them to the host)."""
        return self.sink

    def _sink_failed(self, exc: BaseException) -> None:
        self._results_problem(f"results are not being saved: {exc}")

    def _results_problem(self, message: str) -> None:
        """Any thread: the store's warning becomes one notice (stderr is hidden under the TUI).

        Posting a message never blocks the results thread, even while the app shuts down."""
        if not self._results_warned:
            self._results_warned = True
            self.post_message(self.ResultsProblem(message))

    @on(ResultsProblem)
    def _show_results_problem(self, event: ResultsProblem) -> None:
        text = event.text[:1].upper() + event.text[1:]
        self.notify(
            f"{visible(text)}. The game goes on.",
            title="Results",
            severity="warning",
            timeout=12,
            markup=False,
        )

    def _read_history(self, player: str, bank_id: str) -> PlayerHistory | None:
        """Only this player's rows are read: a served game never sees another player's."""
        from quizgame.results.history import read_history

        return read_history(self.db, player, bank_id)

    def player_history(self, player: str, bank_id: str) -> PlayerHistory | None:
        """Waits briefly for the results thread, so the game just left is accounted for.

        None in a class game (class mode): the host counts each game, and a class's store is
        not this player's history."""
        if getattr(self, "class_session", None) is not None:
            return None
        if self._sink is not None:
            self._sink.flush(timeout=2.0)
        return self._history_reader(player, bank_id)

    def picker_player(self) -> str | None:
        """Whose history the bank list shows: the named or remembered player (none when served
        without a name: the visitor has not said who they are yet)."""
        if self.player_name:
            return self.player_name
        return None if self.served else (load_prefs().name or None)

    def on_load(self) -> None:
        # What the imports built lives as long as the app: frozen before start-up's own allocations
        # make the collector walk it (quizgame/tui/textual_private.py, 6.)
        textual_private.app_loading(self)

    def on_mount(self) -> None:
        watch_terminal(self)
        if len(self.bank_paths) == 1:
            entry = bank_entry(self.bank_paths[0])
            if entry.playable:
                self.choose_player(entry)
            else:
                self.show_picker(self.bank_paths)
        else:
            self.show_picker(discover_banks(self.bank_paths, self.cwd))
        if self.open_teacher:
            self.open_teacher_view()

    def show_picker(self, paths: list[Path]) -> None:
        from quizgame.tui.screens.picker_screen import BankPickerScreen

        self.has_picker = True
        self.push_screen(BankPickerScreen(paths))

    def on_bank_picker_screen_picked(self, event: BankPickerScreen.Picked) -> None:
        self.choose_player(event.entry)

    def choose_player(self, entry: BankEntry) -> None:
        assert entry.loaded is not None
        prefs = Prefs() if self.served else load_prefs()
        mode = starting_mode(entry.loaded.bank.settings, self.mode_choice, prefs.mode)
        if self.player_name:
            self.offer_resume(entry, self.player_name, mode)
            return
        from quizgame.tui.screens.player_screen import PlayerScreen

        def chosen(answer: tuple[str, str] | None) -> None:
            if answer is not None:
                name, picked = answer
                self.offer_resume(entry, name, picked, picked_mode=True)

        self.push_screen(PlayerScreen(entry, prefs.name, mode, roster=self.roster), chosen)

    def offer_resume(
        self, entry: BankEntry, name: str, mode: str, *, picked_mode: bool = False
    ) -> None:
        """Start a game, first offering to resume this player's last game of the bank if it was
        left before the end (Esc: back to where the player was)."""
        from quizgame.play.history_text import resumable, resume_label

        loaded = entry.loaded
        assert loaded is not None
        history = self.player_history(name, loaded.bank_id)  # None in class mode: no resuming
        self._history_offered = (name, loaded.bank_id, history)
        left = resumable(history, loaded)
        if left is None:
            self.start_game(entry, name, mode, picked_mode=picked_mode)
            return
        from quizgame.tui.screens.resume_screen import ResumeScreen

        def chosen(choice: str | None) -> None:
            if choice != "again":  # a resumed game, or back out: nothing waits for it
                self._history_offered = None
            if choice == "resume":
                if self.remember_player:
                    remember(name=name, mode=None)
                self.history_before = history
                self.session = GameSession.resumed(
                    loaded,
                    left.game_id,
                    left.answers,
                    mode=Mode(left.mode),
                    player=name,
                    seed=self.seed,
                    sink=self.game_sink(),
                    clock=self._clock,
                    wall_clock=self._wall,
                )
                self.last_entry = entry
                self.push_screen(self.play_screen(self.session))
            elif choice == "again":
                self.start_game(entry, name, mode, picked_mode=picked_mode)

        self.push_screen(ResumeScreen(loaded.bank.title, resume_label(left)), chosen)

    def start_game(
        self,
        entry: BankEntry,
        name: str,
        mode: str,
        *,
        picked_mode: bool = False,
        only: tuple[str, ...] | None = None,
    ) -> None:
        """Start a game; the name is remembered, and the mode when the player picked it."""

        assert entry.loaded is not None
        offered, self._history_offered = self._history_offered, None
        bank_id = entry.loaded.bank_id
        if only is not None:
            self.history_before = None
        elif offered is not None and offered[:2] == (name, bank_id):
            self.history_before = offered[2]  # just read by offer_resume; no game since
        else:
            self.history_before = self.player_history(name, bank_id)
        if self.remember_player:
            remember(name=name, mode=mode if picked_mode else None)
        self.session = GameSession(
            entry.loaded,
            mode=Mode(mode),
            player=name,
            seed=self.seed,
            sink=self.game_sink(),
            clock=self._clock,
            wall_clock=self._wall,
            only=only,
        )
        self.last_entry = entry
        self.push_screen(self.play_screen(self.session))

    # the end of a game ------------------------------------------------------------------------------------

    def on_play_screen_finished(self, event: PlayScreen.Finished) -> None:
        from quizgame.play.history_text import summary_best_line
        from quizgame.tui.screens.summary_screen import SummaryScreen

        s = event.session
        best = (
            ""
            if s.only is not None
            else summary_best_line(self.history_before, s.score, s.max_score)
        )
        self.switch_screen(SummaryScreen(s, best=best))

    def on_summary_screen_again(self, event: SummaryScreen.Again) -> None:
        s = event.session
        self.pop_screen()
        if event.only is not None:  # practise the ones missed: practice mode, those questions
            self.start_game(self.last_entry, s.player, Mode.PRACTICE.value, only=event.only)
            return
        self.start_game(self.last_entry, s.player, s.mode.value)

    def on_summary_screen_back(self, event: SummaryScreen.Back) -> None:
        self.session = None
        if self.has_picker:
            self.pop_screen()
        else:
            self.exit(0)

    # help, quitting, teacher view -------------------------------------------------------------------------------

    def action_help(self) -> None:
        from quizgame.tui.screens.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    @property
    def in_game(self) -> bool:
        return self.session is not None and not self.session.finished

    async def action_quit(self) -> None:
        from quizgame.tui.screens.confirm_screen import ConfirmScreen

        if isinstance(self.screen, ConfirmScreen):
            return
        if not self.in_game:
            self.exit(0)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                if self.session is not None:
                    self.session.abandon()
                self.exit(0)

        self.push_screen(ConfirmScreen("Quit the game?", self._save_summary()), answered)

    async def action_leave_game(self) -> None:
        """Esc in a game: back to the bank list when the game was picked from it, else quit."""
        from quizgame.tui.screens.confirm_screen import ConfirmScreen
        from quizgame.tui.screens.play_screen import PlayScreen

        if not self.has_picker or not self.in_game:
            await self.action_quit()
            return
        if isinstance(self.screen, ConfirmScreen):
            return

        def answered(yes: bool | None) -> None:
            if yes and isinstance(self.screen, PlayScreen):
                if self.session is not None:
                    self.session.abandon()
                self.session = None
                self.pop_screen()

        self.push_screen(
            ConfirmScreen(
                "Leave this game?", f"{self._save_summary()} You go back to the bank list."
            ),
            answered,
        )

    def _save_summary(self) -> str:
        """What is true about this game's answers (read-only store, full disk…), for the dialogs.

        Waits briefly for the results thread so the latest answer is accounted for."""
        from quizgame.results.sink import save_summary

        if self._sink is None:
            return save_summary(None)
        if not self._sink.flush(timeout=2.0):
            return "Your latest answers are still being saved."
        answered = self.session.answered if self.session is not None else None
        return save_summary(self._sink, answered)

    def open_teacher_view(self) -> None:
        if self.served:
            return  # a visitor's game never shows other players' results or the answer key
        # Imported when asked for (it pulls in the results reports). Only a missing module means
        # "not available"; any other error is a bug and must surface, not be hidden by a notice.
        try:
            from quizgame.tui.screens.teacher_screen import TeacherScreen
        except ImportError:
            self.notify("teacher view not available", severity="warning")
            return
        # `quizgame teacher --bank FILE`: the bank files reports cannot find by themselves
        screen = (
            TeacherScreen(self.db, self.teacher_banks)
            if self.teacher_banks
            else TeacherScreen(self.db)
        )
        self.push_screen(screen)

    def on_unmount(self) -> None:
        textual_private.app_exited(self)
        if self.session is not None and not self.session.finished:
            self.session.abandon()
        if self._sink is not None:
            self._sink.close()
