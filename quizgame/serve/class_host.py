"""The glue between the web server and the class session: events in, commands out.

The server calls `visitor_event` / `visitor_gone` (on its event loop) for each student's game;
the host screen's controls call `end_class` (and, teacher-paced, `reveal` / `next_question`).
Commands go only to the games this server runs, over their own pipe.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Mapping
from typing import Any

from quizgame.play.classroom import ClassSession
from quizgame.serve.class_log import ClassLog
from quizgame.serve.server import QuizServer


class ClassHost:
    def __init__(self, session: ClassSession, log: ClassLog | None = None) -> None:
        self.session = session
        self.log = log
        self.server: QuizServer | None = None
        self._tasks: set[asyncio.Task[Any]] = set()

    def visitor_event(self, visitor: str, event: Mapping[str, Any]) -> None:
        if event.get("class_session") not in (None, self.session.session_id):
            return  # a game of another class (cannot happen with one server; checked anyway)
        if not self.session.apply(visitor, event):
            return
        if event.get("event") == "joined":
            student = self.session.students[visitor]
            if self.log is not None:
                with contextlib.suppress(Exception):  # the class goes on without its tag file
                    self.log.joined(self.session.session_id, student.game_id, student.name)
            command = self.session.late_join_command()
            if command is not None:
                self._send(visitor, command)

    def visitor_gone(self, visitor: str) -> None:
        self.session.gone(visitor)

    def _send(self, visitor: str, command: dict[str, Any]) -> None:
        if self.server is None:
            return
        task = asyncio.ensure_future(self.server.send_command(visitor, command))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def end_class(self) -> None:
        """Every game ends now with its summary; students who join later are told it ended."""
        self.session.end()
        if self.server is not None:
            await self.server.broadcast({"command": "end"})

    async def reveal(self) -> None:
        command = self.session.reveal()
        if self.server is not None:
            await self.server.broadcast(command)

    async def next_question(self) -> None:
        command = self.session.advance()
        if command is not None and self.server is not None:
            await self.server.broadcast(command)
