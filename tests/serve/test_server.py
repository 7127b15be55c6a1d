"""The web server on loopback, with websocket clients: Origin check, the player cap, reaping.

Games are tests/serve/stub_game.py (textual-serve's pipe protocol, starts in milliseconds), so
these test the server itself; tests/serve/test_browser.py plays real games in Chromium.
"""

from __future__ import annotations

import asyncio
import os
import shlex
import socket
import sys
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from quizgame.serve import server as server_module
from quizgame.serve.server import OriginPolicy, QuizServer, origin_of, static_files

STUB = Path(__file__).with_name("stub_game.py")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@asynccontextmanager
async def running(**kwargs: Any) -> AsyncIterator[QuizServer]:
    hang = kwargs.pop("hang", False)
    command = shlex.join([sys.executable, str(STUB), *(["hang"] if hang else [])])
    port = _free_port()
    server = QuizServer(command, port=port, **kwargs)
    runner = web.AppRunner(server.make_app())
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield server
    finally:
        await runner.cleanup()


def url(server: QuizServer, path: str = "/") -> str:
    return f"http://127.0.0.1:{server.port}{path}"


async def first_screen(ws: aiohttp.ClientWebSocketResponse) -> str:
    async with asyncio.timeout(20):
        while True:
            msg = await ws.receive()
            if msg.type == aiohttp.WSMsgType.BINARY:
                return bytes(msg.data).decode()
            if msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                raise AssertionError("closed before any screen")


async def until(check: Callable[[], bool], what: str, timeout: float = 20) -> None:
    async with asyncio.timeout(timeout):
        while not check():
            await asyncio.sleep(0.05)  # polling server state, bounded by the timeout
    assert check(), what


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


Body = Callable[[], Coroutine[Any, Any, None]]


# --- 2. the websocket refuses other sites' pages ---------------------------------------------


async def test_a_page_from_another_site_cannot_open_a_game() -> None:
    async with running() as server, aiohttp.ClientSession() as http:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await http.ws_connect(url(server, "/ws"), headers={"Origin": "http://evil.example"})
        assert refused.value.status == 403
        assert server.games == {} and server.refused_origin == 1
        # the server's own page is let in
        ws = await http.ws_connect(url(server, "/ws"), headers={"Origin": url(server, "")})
        assert "stub game" in await first_screen(ws)
        await ws.close()


def test_origin_policy() -> None:
    local = OriginPolicy("http://127.0.0.1:8000", 8000, "127.0.0.1")
    assert local.allows("http://127.0.0.1:8000", "127.0.0.1:8000")
    assert local.allows("http://localhost:8000", "localhost:8000")
    assert not local.allows("http://localhost:9000", "localhost:8000")
    assert not local.allows("http://evil.example", "127.0.0.1:8000")
    assert not local.allows("null", "127.0.0.1:8000")  # a sandboxed or file:// page
    assert local.allows(None, "127.0.0.1:8000")  # not a browser: it could send any Origin
    lan = OriginPolicy("http://0.0.0.0:8000", 8000, "0.0.0.0", frozenset({"https://quiz.school"}))
    assert lan.allows("http://192.168.1.20:8000", "192.168.1.20:8000")  # the address typed
    assert not lan.allows("http://evil.example:8000", "evil.example:8000")  # DNS rebinding
    assert not lan.allows("http://192.168.1.20:8000", "10.0.0.1:8000")
    assert lan.allows("https://quiz.school", "quiz.school")  # listed by the teacher
    assert origin_of("HTTPS://Quiz.School:443/path") == "https://quiz.school"


# --- 4. a cap on games, the visitor turned away is told, gone browsers are reaped -------------


async def test_the_visitor_past_the_cap_is_told_the_game_is_full() -> None:
    async with running(max_players=1) as server, aiohttp.ClientSession() as http:
        first = await http.ws_connect(url(server, "/ws"))
        await first_screen(first)
        async with http.get(url(server)) as page:
            assert page.status == 503
            assert "The game is full: 1 players are playing" in await page.text()
        second = await http.ws_connect(url(server, "/ws"))
        assert "The game is full" in await first_screen(second)
        closing = await second.receive()
        assert closing.type == aiohttp.WSMsgType.CLOSE and closing.data == 1013
        assert len(server.games) == 1 and server.turned_away == 2
        await first.close()
        await until(lambda: not server.games, "the first game ends with its browser")
        third = await http.ws_connect(url(server, "/ws"))  # a place is free again
        assert "stub game" in await first_screen(third)
        await third.close()


async def test_a_game_whose_browser_has_gone_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server_module, "STOP_GRACE", 0.5)
    async with running(hang=True) as server, aiohttp.ClientSession() as http:
        ws = await http.ws_connect(url(server, "/ws"))
        pid = int((await first_screen(ws)).split()[2])
        assert _alive(pid)
        await ws.close()  # the tab is closed; this game ignores the polite quit
        await until(lambda: not server.games, "the game is forgotten")
        await until(lambda: not _alive(pid), "the stuck game process is killed")


# --- 5. every asset local, a real title -----------------------------------------------------


async def test_the_page_loads_nothing_from_other_sites() -> None:
    import re

    async with running(title="Kremlin quiz — quizgame") as server, aiohttp.ClientSession() as http:
        async with http.get(url(server)) as page:
            html = await page.text()
        assert "<title>Kremlin quiz — quizgame</title>" in html
        refs = [a or b for a, b in re.findall(r'(?:href|src)="([^"]+)"|url\("([^"]+)"\)', html)]
        assert refs, "the page links its assets"
        for ref in refs:
            assert ref.startswith(url(server, "/static/")), ref  # nothing from the internet
            async with http.get(ref) as asset:
                assert asset.status == 200, ref
        assert "googleapis" not in html and "fonts/RobotoMono-VariableFont_wght.ttf" in html
    assert "fonts/RobotoMono-VariableFont_wght.ttf" in static_files()


# --- the pre-forked game starter ------------------------------------------------------------


async def test_games_are_forked_from_a_preloaded_zygote_and_stopped(tmp_path: Path) -> None:
    from tests.conftest import BUNDLED_BANK

    argv = [sys.executable, "-m", "quizgame", "play", "--served", str(BUNDLED_BANK)]
    argv += ["--db", str(tmp_path / "r.sqlite3")]
    port = _free_port()
    server = QuizServer(shlex.join(argv), port=port, prefork=True)
    runner = web.AppRunner(server.make_app())
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        assert server.zygote is not None
        zygote_pid = server.zygote.process.pid
        async with aiohttp.ClientSession() as http:
            ws = await http.ws_connect(url(server, "/ws"), headers={"Origin": url(server, "")})
            from tests.serve.students import Student

            student = Student(ws)
            await student.wait_for("Your name")
            (service,) = server.games.values()
            game_pid = service._process.pid  # type: ignore[union-attr]
            stat = Path(f"/proc/{game_pid}/stat").read_text()
            assert int(stat.rsplit(")", 1)[1].split()[1]) == zygote_pid  # a fork, not a new process
            await student.close()
            await until(lambda: not server.games, "the game is forgotten")
            await until(lambda: not _alive(game_pid), "the forked game has exited")
    finally:
        await runner.cleanup()
    assert not _alive(zygote_pid)  # the zygote stops with its server
