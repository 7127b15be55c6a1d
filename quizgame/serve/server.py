"""The web server behind `quizgame serve` and `quizgame class`: one game process per browser tab.

Built on textual-serve's `AppService` (which runs one Textual app process and relays its screen),
with what a classroom needs on top:

- the websocket refuses pages from other sites (`Origin` must be this server's own address, or one
  the teacher allowed), so a web page open elsewhere cannot drive or read a student's game;
- at most `max_players` games run at once; the next visitor is told the game is full;
- a game whose browser has gone is stopped, and killed if it does not stop;
- every asset is served from here (the page names no web font or CDN) and the page has a title;
- in class mode each game reports to a `ClassHooks` object (the teacher's host screen) and takes
  commands from it over textual-serve's own meta packets: nothing else reaches a student's page.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import logging
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

import jinja2
import textual_serve
from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.app_service import AppService

from quizgame.serve import DEFAULT_MAX_PLAYERS
from quizgame.serve.zygote import ZygoteClient

log = logging.getLogger("quizgame.serve")

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(textual_serve.__file__).parent / "static"
DRIVER = "quizgame.serve.driver:ClassWebDriver"
STOP_GRACE = 5.0  # seconds a game has to exit after its browser went before it is killed
MAX_MESSAGE = 64 * 1024  # one websocket message from a browser (keys, a resize) is tiny
_LOCAL_NAMES = ("127.0.0.1", "localhost", "[::1]")


class ClassHooks(Protocol):
    """What the host screen learns from each game, keyed by the visitor's id."""

    def visitor_event(self, visitor: str, event: Mapping[str, Any]) -> None: ...

    def visitor_gone(self, visitor: str) -> None: ...


def origin_of(url: str) -> str:
    """`scheme://host[:port]` of a URL, lower-cased, default ports dropped (as browsers send it)."""
    parts = urlsplit(url.strip())
    scheme = (parts.scheme or "http").lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    if port is None or (scheme, port) in (("http", 80), ("https", 443)):
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


@dataclass
class OriginPolicy:
    """Which pages may open a game's websocket.

    A browser always sends `Origin` with a websocket upgrade; a page on another site sends its own
    site there, so it is refused. The server's own addresses are: the public URL, the local names
    when it listens on this computer, and — when it listens on all addresses — any IP address the
    browser reached it by (a name other than those could be a DNS-rebinding page, so it must be
    listed with --allow-origin). Clients that send no Origin are not browsers and are let in: they
    could send any Origin they liked, and the check exists to stop web pages.
    """

    public_url: str
    port: int
    listen_host: str
    allowed: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        own = {origin_of(self.public_url), *(origin_of(a) for a in self.allowed)}
        if self.listen_host in ("127.0.0.1", "localhost", "::1"):
            own |= {origin_of(f"http://{h}:{self.port}") for h in _LOCAL_NAMES}
        self._own = frozenset(own)

    def allows(self, origin: str | None, host_header: str | None) -> bool:
        if origin is None:
            return True
        if origin_of(origin) in self._own:
            return True
        if self.listen_host in ("0.0.0.0", "::", ""):
            parts = urlsplit(origin)
            host = parts.hostname or ""
            same_host = host_header is not None and origin_of(origin) == origin_of(
                f"{parts.scheme}://{host_header}"
            )
            return same_host and _is_ip_literal(host) and parts.port == self.port
        return False


class GameService(AppService):
    """One visitor's game process: class events go to the hooks, and it is killed if it hangs."""

    def __init__(self, server: QuizServer, command: str, **kwargs: Any) -> None:
        super().__init__(command, **kwargs)
        self.server = server

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        env = super()._build_environment(width, height)
        env["TEXTUAL_DRIVER"] = DRIVER
        env["QUIZGAME_VISITOR"] = self.app_service_id
        return env

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
        """A fork of the server's zygote when it has one (cheaper), else a new process."""
        zygote, argv = self.server.zygote, self.server.play_argv
        if zygote is None or argv is None:
            return await super()._open_app_process(width, height)
        env = {"COLUMNS": str(width), "ROWS": str(height), "QUIZGAME_VISITOR": self.app_service_id}
        process = await zygote.fork(argv, env)
        self._process = process  # type: ignore[assignment]  # quacks like a Process
        self._stdin = process.stdin
        return process

    async def on_meta(self, data: bytes) -> None:
        try:
            meta = json.loads(data)
        except ValueError:
            return
        if isinstance(meta, dict) and meta.get("type") == "quizgame":
            hooks = self.server.hooks
            if hooks is not None:
                hooks.visitor_event(self.app_service_id, meta)
            return
        await super().on_meta(data)

    async def send_command(self, payload: Mapping[str, Any]) -> bool:
        """Send a class command (end, show question, reveal) to this game."""
        return await self.send_meta({"type": "quizgame", **payload})

    async def stop(self) -> None:
        """Ask the game to quit; kill it if it has not gone within STOP_GRACE seconds."""
        with contextlib.suppress(TimeoutError, OSError):
            await asyncio.wait_for(super().stop(), STOP_GRACE)
        process = self._process  # textual-serve keeps it private; pinned <2 in pyproject
        if process is not None and process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(process.wait(), STOP_GRACE)
        if process is not None and process.stdin is not None:
            process.stdin.close()  # lets asyncio close the process's transport now


class QuizServer:
    """The aiohttp application: the page, its static files, and one game per websocket."""

    def __init__(
        self,
        command: str,
        *,
        host: str = "127.0.0.1",
        port: int = 8000,
        public_url: str | None = None,
        title: str = "quizgame",
        max_players: int = DEFAULT_MAX_PLAYERS,
        allow_origins: Iterable[str] = (),
        hooks: ClassHooks | None = None,
        prefork: bool = False,
    ) -> None:
        self.command = command
        self.prefork = prefork
        self.zygote: ZygoteClient | None = None
        self.play_argv = _play_argv(command)
        self.host, self.port = host, port
        self.public_url = (public_url or f"http://{_url_host(host)}:{port}").rstrip("/")
        self.title = title
        self.max_players = max_players
        self.origins = OriginPolicy(self.public_url, port, host, frozenset(allow_origins))
        self.hooks = hooks
        self.games: dict[str, GameService] = {}
        self.refused_origin = 0
        self.turned_away = 0
        self._jinja = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)

    def make_app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_MESSAGE)
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.static("/static", STATIC, show_index=False, name="static"),
            ]
        )
        app.on_startup.append(self._start_zygote)
        app.on_shutdown.append(self._stop_all)
        return app

    async def _start_zygote(self, _app: web.Application) -> None:
        if not self.prefork or self.play_argv is None or not hasattr(os, "fork"):
            return
        import tempfile

        env = GameService(self, self.command, **_NO_IO)._build_environment()
        self._zygote_dir = tempfile.TemporaryDirectory(prefix="quizgame-")
        try:
            self.zygote = await ZygoteClient.start(env, self._zygote_dir.name)
        except OSError:
            self.zygote = None
        if self.zygote is None:
            log.warning("the pre-forked game starter did not start; each game starts on its own")

    @property
    def full(self) -> bool:
        return len(self.games) >= self.max_players

    async def handle_index(self, request: web.Request) -> web.Response:
        if self.full:
            self.turned_away += 1
            html = self._jinja.get_template("full.html").render(
                title=self.title, players=len(self.games)
            )
            return web.Response(text=html, status=503, content_type="text/html")
        try:
            font_size = max(8, min(40, int(request.query.get("fontsize", "16"))))
        except ValueError:
            font_size = 16
        ws_url = self.public_url + "/ws"
        ws_url = ("wss:" if ws_url.startswith("https:") else "ws:") + ws_url.split(":", 1)[1]
        html = self._jinja.get_template("app_index.html").render(
            title=self.title,
            static_url=self.public_url + "/static/",
            websocket_url=ws_url,
            font_size=font_size,
        )
        return web.Response(text=html, content_type="text/html")

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        if not self.origins.allows(request.headers.get("Origin"), request.headers.get("Host")):
            self.refused_origin += 1
            log.warning("refused a websocket from origin %r", request.headers.get("Origin"))
            raise web.HTTPForbidden(text="This game can only be played from its own page.")
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE)
        await websocket.prepare(request)
        if self.full:
            self.turned_away += 1
            message = (
                f"\r\n  The game is full: {len(self.games)} players are playing, the most this "
                "server takes.\r\n  Ask your teacher, then reload the page.\r\n"
            )
            await websocket.send_bytes(message.encode())
            await websocket.close(code=WSCloseCode.TRY_AGAIN_LATER, message=b"full")
            return websocket
        width = _to_int(request.query.get("width"), 80, 20, 500)
        height = _to_int(request.query.get("height"), 24, 10, 300)
        service = GameService(
            self,
            # textual-serve starts the command with /bin/sh -c; `exec` replaces the shell with
            # the game, so there is one process per visitor and stopping it stops the game.
            "exec " + self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=_NoDownloads(),
        )
        self.games[service.app_service_id] = service
        try:
            await service.start(width, height)
            await self._relay(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception:  # one visitor's broken connection must not stop the server
            log.exception("a game's connection failed")
        finally:
            self.games.pop(service.app_service_id, None)
            await service.stop()
            if self.hooks is not None:
                self.hooks.visitor_gone(service.app_service_id)
        return websocket

    async def _relay(self, websocket: web.WebSocketResponse, service: GameService) -> None:
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except ValueError:
                continue
            if not isinstance(envelope, list) or not envelope:
                continue
            kind = envelope[0]
            data = envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                await service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                width = _to_int(data.get("width"), 80, 20, 500)
                height = _to_int(data.get("height"), 24, 10, 300)
                await service.set_terminal_size(width, height)
            elif kind == "ping" and isinstance(data, str):
                await websocket.send_json(["pong", data[:64]])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()

    async def send_command(self, visitor: str, payload: Mapping[str, Any]) -> bool:
        service = self.games.get(visitor)
        return False if service is None else await service.send_command(payload)

    async def broadcast(self, payload: Mapping[str, Any]) -> None:
        for service in list(self.games.values()):
            with contextlib.suppress(Exception):
                await service.send_command(payload)

    async def _stop_all(self, _app: web.Application) -> None:
        await asyncio.gather(*(s.stop() for s in list(self.games.values())))
        if self.zygote is not None:
            await self.zygote.stop()
            self.zygote = None

    def serve_forever(self) -> None:
        """Run until Ctrl+C / SIGTERM (plain `quizgame serve`, no host screen)."""
        logging.basicConfig(level=logging.WARNING, format="quizgame: %(message)s")
        web.run_app(self.make_app(), host=self.host, port=self.port, print=None)


class _NoDownloads:
    """Games deliver no files to browsers; textual-serve's download manager is not needed."""

    async def cancel_app_downloads(self, app_service_id: str) -> None:
        return None

    async def create_download(self, **_kwargs: Any) -> None:
        return None


def _play_argv(command: str) -> list[str] | None:
    """The arguments after `python -m quizgame` in a game command (None: not such a command)."""
    import shlex

    argv = shlex.split(command)
    if len(argv) >= 3 and argv[1:3] == ["-m", "quizgame"]:
        return argv[3:]
    return None


async def _nothing(*_args: Any) -> None:
    return None


_NO_IO: dict[str, Any] = {
    "write_bytes": _nothing,
    "write_str": _nothing,
    "close": _nothing,
    "download_manager": None,
}


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _to_int(value: object, default: int, low: int, high: int) -> int:
    try:
        number = int(str(value))
    except ValueError:
        return default
    return max(low, min(high, number))


def static_files() -> list[str]:
    """Every file the page can load (for tests and the docs)."""
    return sorted(str(p.relative_to(STATIC)) for p in STATIC.rglob("*") if p.is_file())


__all__ = ["DEFAULT_MAX_PLAYERS", "ClassHooks", "OriginPolicy", "QuizServer", "origin_of"]
