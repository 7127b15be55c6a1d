"""The keys on offer, on one line at the bottom: the key, what it does; unavailable ones dimmed.

Replaces Textual's `Footer`, which holds one widget per key and rebuilds all of them (remove,
mount, style, lay out) whenever the bindings may have changed — several times per answer, the
largest share of the time between the answering key and the feedback on screen — and whose old
key widgets were kept alive by reactive bindings (≈ 30 per answer, never freed). This is one
widget that re-renders one line, only when the shown keys differ (`keys` is reactive: Textual
repaints when a new value differs from the old). A click on a key presses it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget


@dataclass(frozen=True)
class ShownKey:
    key: str  # the binding's key, pressed on a click
    display: str  # how the key is shown ("⏎", "esc", "f1")
    description: str
    enabled: bool


def shown_keys(screen: Screen[object]) -> tuple[ShownKey, ...]:
    """The keys the screen offers, one per action (its first key), in binding order."""
    seen: dict[str, ShownKey] = {}
    # A screen may word a key for the moment (`key_description(action, default)`): Enter reads
    # "Show answer" while a retry is on offer, so the bar never contradicts the hint on screen.
    describe = getattr(screen, "key_description", None)
    for _node, binding, enabled, _tooltip in screen.active_bindings.values():
        if binding.show and binding.action not in seen:
            display = screen.app.get_key_display(binding)
            text = binding.description
            if callable(describe):
                text = str(describe(binding.action, text))
            seen[binding.action] = ShownKey(binding.key, display, text, enabled)
    return tuple(seen.values())


class KeyBar(Widget):
    keys: reactive[tuple[ShownKey, ...]] = reactive(())

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key", "key-bar--description"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .key-bar--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._check_pending = False

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.keys = shown_keys(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        # A burst of updates (focus moves, inputs disabled, a refresh_bindings) is checked once.
        if not self._check_pending:
            self._check_pending = True
            self.call_later(self._check)

    def _check(self) -> None:
        self._check_pending = False
        if self.is_attached:
            self.keys = shown_keys(self.screen)

    @property
    def descriptions(self) -> list[str]:
        """What the player can do now (the enabled keys' descriptions)."""
        return [k.description for k in self.keys if k.enabled]

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        text_style = self.get_component_rich_style("key-bar--description")
        out = Text(end="")
        for k in self.keys:
            action = f"app.simulate_key({k.key!r})" if k.enabled else "app.bell"
            click = Style.from_meta({"@click": action})
            dim = Style(dim=not k.enabled)
            out.append(f" {k.display} ", key_style + dim + click)
            out.append(f"{k.description} ", text_style + dim + click)
        return out
