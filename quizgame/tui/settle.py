"""Waiting until a change has reached every widget, so that it is drawn in one frame.

Textual draws a frame as soon as the screen is idle with something to draw. After an answer, the
widgets it changed ask for their redraw one by one, from their own message queues; the first
request would be drawn alone and the rest in a later frame (one more layout, one more paint, and
a half-updated screen in between). The answer is therefore made inside `App.batch_update()`, and
the batch ends only once every widget has handled what it was sent (`settled`).
"""

from __future__ import annotations

import asyncio
from typing import Any

from textual.screen import Screen


async def settled(screen: Screen[Any]) -> None:
    """Return once the app and every widget on `screen` have handled their queued messages.

    A callback is queued behind each one's messages, and all of them are waited for. What they
    handle may send more (a focus change sends Blur and Focus), so changes that send messages
    on are made at once rather than deferred (`screen.set_focus`, not `widget.focus()`). The
    screen itself is left out: this is awaited from the screen's own handler.
    """
    done = asyncio.Event()
    pending = 0

    def one_done() -> None:
        nonlocal pending
        pending -= 1
        if pending == 0:
            done.set()

    for node in (screen.app, *screen.walk_children()):
        if node.call_later(one_done):
            pending += 1
    if pending:
        await done.wait()
