"""A Footer that rebuilds its keys only when what it shows changes.

Textual's Footer recomposes (removes and re-mounts every key) on each bindings update, and an
answer causes several (focus moves, inputs are disabled, the screen refreshes its bindings): that
was most of the work between the answering key press and the feedback on screen. Here the updates
are coalesced into one check after the next refresh, and the keys are rebuilt only if the shown
set (key, label, enabled) differs from the one on screen.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class GameFooter(Footer):
    def __init__(self) -> None:
        super().__init__()
        self._shown: Hashable = None
        self._check_pending = False

    def _signature(self) -> Hashable:
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._signature()
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._check_pending:
            self._check_pending = True
            self.call_later(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._check_pending = False
        if self.is_attached and self._signature() != self._shown:
            await self.recompose()
