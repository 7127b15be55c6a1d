"""The web driver each served game runs with: textual-serve's, plus the class channel.

The server sends class commands (`{"type": "quizgame", ...}` meta packets) on the same pipe as
the player's keys; they arrive here on the input thread and are posted to the app as a
`ClassCommand` message. Games report back with `report()`, on the same pipe as their screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import App
from textual.drivers.web_driver import WebDriver
from textual.message import Message


@dataclass
class ClassCommand(Message):
    """A command from the teacher's host screen: `end`, `show` (question index), `reveal`."""

    payload: dict[str, Any]


class ClassWebDriver(WebDriver):
    def on_meta(self, packet_type: str, payload: dict[str, object]) -> None:
        if packet_type == "quizgame":
            self._app.post_message(ClassCommand(dict(payload)))
            return
        super().on_meta(packet_type, payload)


def report(app: App[Any], event: dict[str, Any]) -> bool:
    """Send one class event to the server (call on the app's thread); False when not served."""
    driver = app._driver  # Textual has no public accessor for the running driver
    if not isinstance(driver, WebDriver):
        return False
    driver.write_meta({"type": "quizgame", **event})
    return True
