"""`quizgame class`: the teacher's terminal runs the host screen and, in the same event loop,
the web server the students' browsers connect to."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from aiohttp import web
from textual import on
from textual.app import App

from quizgame.serve.class_host import ClassHost
from quizgame.serve.server import QuizServer
from quizgame.serve.store_feed import StoreFeed
from quizgame.tui.screens.host_screen import HostScreen
from quizgame.tui.terminal_watch import watch_terminal


class HostApp(App[int]):
    CSS_PATH = str(Path(__file__).parent.parent / "tui" / "app.tcss")
    TITLE = "quizgame class"
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self,
        server: QuizServer,
        host: ClassHost,
        *,
        join_code: str = "",
        title: str = "",
        feed: StoreFeed | None = None,
    ) -> None:
        super().__init__()
        self.feed = feed
        self._polling = False
        self.server = server
        self.host = host
        self.join_code = join_code
        self.class_title = title
        self.listen_error: str | None = None
        self._runner: web.AppRunner | None = None
        host.server = server
        server.hooks = host

    async def on_mount(self) -> None:
        watch_terminal(self)  # a closed terminal stops the class server, as quitting does
        for name in ("quizgame.serve", "textual-serve", "aiohttp.access"):
            quiet = logging.getLogger(name)  # a log line would tear the teacher's screen
            quiet.handlers = [logging.NullHandler()]
            quiet.propagate = False
        runner = web.AppRunner(self.server.make_app(), handle_signals=False)
        await runner.setup()
        try:
            await web.TCPSite(runner, self.server.host, self.server.port).start()
        except OSError as exc:
            await runner.cleanup()
            self.listen_error = f"cannot listen on {self.server.host}:{self.server.port}: " + (
                exc.strerror or str(exc)
            )
            self.exit(1)
            return
        self._runner = runner
        if self.feed is not None:
            self.set_interval(3.0, self.poll_store)
        self.push_screen(
            HostScreen(
                self.host.session,
                self.server.public_url,
                join_code=self.join_code,
                title=self.class_title,
            )
        )

    async def poll_store(self) -> None:
        """Students of this class session on other servers, from the shared store."""
        feed = self.feed
        if feed is None or self._polling:
            return
        self._polling = True
        try:
            events = await asyncio.to_thread(feed.read, feed.own_games())
        except Exception:  # the store not there yet, or busy: next time
            return
        finally:
            self._polling = False
        feed.apply(events, self.host.session.apply)

    @on(HostScreen.EndClass)
    async def _end(self) -> None:
        await self.host.end_class()

    @on(HostScreen.Reveal)
    async def _reveal(self) -> None:
        await self.host.reveal()

    @on(HostScreen.NextQuestion)
    async def _next(self) -> None:
        await self.host.next_question()

    @on(HostScreen.Quit)
    async def _quit(self) -> None:
        if not self.host.session.ended:
            await self.host.end_class()
        self.exit(0)

    async def on_unmount(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()  # stops every game still running
