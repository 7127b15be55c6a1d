"""One student's game in class mode: a served game that reports to the teacher's host screen.

What it reports (join, each answer, the end) goes up the same pipe as its screen, to the server
that started it, never to another browser. What it takes from the host is a command: `end` (the
teacher ended the class: the game ends with its summary).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from textual import events, on
from textual.screen import Screen

from quizgame.game.records import AnswerRecord, GameInfo, ResultSink
from quizgame.game.session import GameSession
from quizgame.serve.driver import ClassCommand, report
from quizgame.tui import app as tui_app
from quizgame.tui.app import QuizApp
from quizgame.tui.screens.summary_screen import SummaryScreen


@dataclass(frozen=True, slots=True)
class ClassGameInfo(GameInfo):
    """A game played in a class session: the results store keeps the tag with the game.

    (A store without the `class_session` column ignores it; the tag is also kept by the host in
    class_sessions.sqlite3, see quizgame.serve.class_log.)"""

    class_session: str = ""


@dataclass(frozen=True, slots=True)
class ClassAnswerRecord(AnswerRecord):
    class_session: str = ""


class ReportingSink:
    """Results go to the store as always (tagged with the class session); each also becomes an
    event for the host screen."""

    def __init__(
        self,
        inner: ResultSink,
        send: Callable[[dict[str, Any]], object],
        class_session: str = "",
    ) -> None:
        self.inner, self.send = inner, send
        self.class_session = class_session
        self._points: dict[str, float] = {}

    def start_game(self, info: GameInfo) -> None:
        values = {f.name: getattr(info, f.name) for f in fields(GameInfo)}
        self.inner.start_game(ClassGameInfo(**values, class_session=self.class_session))
        self._points.clear()
        self.send(
            {
                "event": "joined",
                "name": info.player,
                "game_id": info.game_id,
                "max_score": info.max_score,
            }
        )

    def record_answer(self, record: AnswerRecord) -> None:
        values = {f.name: getattr(record, f.name) for f in fields(AnswerRecord)}
        self.inner.record_answer(ClassAnswerRecord(**values, class_session=self.class_session))
        if record.final:
            self._points[record.question_id] = record.points
        self.send(
            {
                "event": "answered",
                "question_id": record.question_id,
                "response": record.response_text,
                "outcome": str(getattr(record.outcome, "value", record.outcome)),
                "final": record.final,
                "score": round(sum(self._points.values()), 4),
                "skipped": record.response is None,  # no answer given (time up, class moved on)
            }
        )

    def finish_game(
        self, game_id: str, score: float, max_score: float, finished: bool, ended: float
    ) -> None:
        self.inner.finish_game(game_id, score, max_score, finished, ended)
        self.send({"event": "finished", "score": score, "completed": finished})


class ClassQuizApp(QuizApp):
    CSS_PATH = str(Path(tui_app.__file__).with_name("app.tcss"))  # QuizApp's, from its folder

    def __init__(
        self, class_session: str, *, join_code: str = "", paced: bool = False, **kwargs: Any
    ) -> None:
        kwargs["served"] = True
        super().__init__(**kwargs)
        self.class_session = class_session
        self.join_code = join_code
        self.paced = paced
        self.class_index = 0  # teacher-paced: the question the class is on, and whether its
        self.class_revealed = False  # answer is shown (kept here: it may arrive before the game)
        self.class_ended = False

    def start_game(
        self,
        entry: Any,
        name: str,
        mode: str,
        *,
        picked_mode: bool = False,
        only: tuple[str, ...] | None = None,
    ) -> None:
        """Teacher-paced games run in exam mode: one attempt, no verdict until the reveal."""
        mode = "exam" if self.paced else mode
        super().start_game(entry, name, mode, picked_mode=picked_mode, only=only)

    def play_screen(self, session: GameSession) -> Screen[None]:
        if not self.paced:
            return super().play_screen(session)
        from quizgame.tui.screens.paced_screen import PacedPlayScreen

        return PacedPlayScreen(session, self.class_index, self.class_revealed)

    @on(events.Mount)
    def _join_first(self, event: events.Mount) -> None:
        """With a join code, the code screen comes first; the game starts only after it.

        (Textual also calls QuizApp.on_mount after this one unless the default is prevented.)"""
        if not self.join_code:
            return
        event.prevent_default()
        from quizgame.tui.screens.join_code_screen import JoinCodeScreen

        def joined(ok: bool | None) -> None:
            if ok:
                QuizApp.on_mount(self)
            else:
                self.exit(0)

        self.push_screen(JoinCodeScreen(self.join_code), joined)

    def game_sink(self) -> ResultSink:
        return ReportingSink(self.sink, self._report, self.class_session)

    def _report(self, event: dict[str, Any]) -> None:
        report(self, {**event, "class_session": self.class_session})

    @on(ClassCommand)
    async def _class_command(self, event: ClassCommand) -> None:
        command = event.payload.get("command")
        if command == "end":
            self.end_class()
        elif command in ("show", "reveal") and self.paced:
            index = event.payload.get("index", self.class_index)
            if not isinstance(index, int) or not 0 <= index < 10_000:
                return
            revealed = command == "reveal" or bool(event.payload.get("revealed"))
            self.class_index, self.class_revealed = index, revealed
            from quizgame.tui.screens.paced_screen import PacedPlayScreen

            for screen in self.screen_stack:
                if isinstance(screen, PacedPlayScreen):
                    await screen.follow(index, revealed)

    def end_class(self) -> None:
        """The teacher ended the class: a game in progress ends with its summary."""
        from quizgame.tui.screens.play_screen import PlayScreen

        if self.class_ended:
            return
        self.class_ended = True
        plays = [s for s in self.screen_stack if isinstance(s, PlayScreen)]
        if self.session is None or not plays:
            self.exit(0)  # not playing yet: the page says the game has ended
            return
        play = plays[-1]
        while self.screen is not play:
            self.pop_screen()
        if not self.session.finished:
            self.session.abandon()
        self.switch_screen(SummaryScreen(self.session))
        self.notify("Your teacher has ended the class.", title="Class", timeout=30)

    def on_summary_screen_again(self, event: SummaryScreen.Again) -> None:
        """No new game once the class has ended (QuizApp's handler runs otherwise)."""
        if self.class_ended:
            event.prevent_default()
            self.notify("The class has ended.", severity="warning")
