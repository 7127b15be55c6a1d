"""Simulated students: websocket clients speaking the browser page's protocol, on loopback.

Used by the end-to-end class tests and by bench/serve_load.py. A student sends what the page
sends (`["stdin", keys]`, `["resize", …]`) and replays the terminal output it receives into a text
grid, so it can wait for what a real student would see.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import json
import re
import time
from collections.abc import Callable

import aiohttp

_SEQ = re.compile(
    r"\x1b\[([0-9;?<=>]*)([A-Za-z@`])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Za-z0-9]|\x1b[=>78]"
)


class TerminalScreen:
    """Enough of a terminal to read what Textual draws: cursor moves and text, colours ignored."""

    def __init__(self, rows: int = 40, cols: int = 120) -> None:
        self.rows, self.cols = rows, cols
        self.grid = [[" "] * cols for _ in range(rows)]
        self.row = self.col = 0
        self._pending = ""

    def feed(self, data: str) -> None:
        data = self._pending + data
        cut = data.rfind("\x1b")
        if cut != -1 and not _SEQ.match(data, cut) and len(data) - cut < 32:
            data, self._pending = data[:cut], data[cut:]  # an escape split across frames
        else:
            self._pending = ""
        pos = 0
        for m in _SEQ.finditer(data):
            self._text(data[pos : m.start()])
            pos = m.end()
            if m.group(2) == "H":
                parts = (m.group(1) or "").split(";")
                self.row = int(parts[0]) - 1 if parts[0] else 0
                self.col = int(parts[1]) - 1 if len(parts) > 1 and parts[1] else 0
            elif m.group(2) == "J" and m.group(1) in ("2", "3"):
                self.grid = [[" "] * self.cols for _ in range(self.rows)]
        self._text(data[pos:])

    def _text(self, text: str) -> None:
        for ch in text:
            if ch == "\r":
                self.col = 0
            elif ch == "\n":
                self.row += 1
            elif ch >= " ":
                if 0 <= self.row < self.rows and 0 <= self.col < self.cols:
                    self.grid[self.row][self.col] = ch
                self.col += 1

    def text(self) -> str:
        return "\n".join("".join(r).rstrip() for r in self.grid)


class Student:
    """One browser tab's worth of protocol. `received` keeps every byte for leak checks."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse, *, light: bool = False) -> None:
        self.ws = ws
        # light (bench/serve_load.py): no terminal grid, only the text drawn since `mark()`, so
        # that sixty clients in one process cost little next to the games they measure.
        self.light = light
        self.screen = TerminalScreen()
        self.since_mark = ""
        self.received = bytearray()
        self.closed = False
        self.seen_at = 0.0
        self._changed = asyncio.Event()
        self._reader = asyncio.ensure_future(self._read())

    @classmethod
    async def join(cls, http: aiohttp.ClientSession, base: str, *, light: bool = False) -> Student:
        ws = await http.ws_connect(
            f"{base}/ws?width=120&height=40", headers={"Origin": base}, max_msg_size=0
        )
        return cls(ws, light=light)

    async def _read(self) -> None:
        decoder = codecs.getincrementaldecoder("utf-8")("replace")
        async for msg in self.ws:
            if msg.type == aiohttp.WSMsgType.BINARY:
                text = decoder.decode(msg.data)
                if self.light:
                    self.since_mark += _SEQ.sub("\n", text)
                else:
                    self.received += msg.data
                    self.screen.feed(text)
                self._changed.set()
        self.closed = True
        self._changed.set()

    def mark(self) -> None:
        """Light mode: forget what was drawn so far; `wait_until` then sees only newer text."""
        self.since_mark = ""

    def everything_received(self) -> str:
        """All text ever sent to this browser, escape sequences removed (for leak checks)."""
        return _SEQ.sub("", bytes(self.received).decode("utf-8", "replace"))

    async def send(self, keys: str) -> None:
        await self.ws.send_str(json.dumps(["stdin", keys]))

    async def wait_for(self, text: str, timeout: float = 60) -> str:
        """Until `text` is on screen; the time it appeared is `self.seen_at`."""
        return await self.wait_until(lambda shown: text in shown, repr(text), timeout)

    async def wait_until(self, check: Callable[[str], bool], what: str, timeout: float = 60) -> str:
        """Until the screen's text passes `check`; the time it did is `self.seen_at`."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self.since_mark if self.light else self.screen.text()
            if check(shown):
                self.seen_at = time.monotonic()
                return shown
            if self.closed:
                raise AssertionError(f"{what}: the connection closed; the screen shows:\n{shown}")
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{what} never appeared; the screen shows:\n{shown}")
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), left)

    async def close(self) -> None:
        await self.ws.close()
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await self._reader
