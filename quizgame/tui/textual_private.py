"""Every use of Textual's private API, in one place, with what each relies on.

The game overrides three private members of Textual (pinned to `textual>=8.2,<9` in pyproject.toml),
declares one public reactive of Textual's again with another setting, empties one private cache, and
keeps garbage collection out of the moments the player waits for. Each override is a small base
class here; the widgets inherit it. `relied_on()` lists what the installed Textual must still have
for them to work, and tests/tui/test_textual_private.py fails, naming the override, when it does not.

1. `Widget._size_updated` — `LaidOutOnce`. Textual lays the whole screen out again, one frame later,
   whenever a widget's virtual (content) size changes: always for a widget just mounted, and for the
   question pane when the feedback makes it scroll. For widgets whose content is placed by the layout
   that reported the size (auto-height widgets, a vertical scroll of them) that second pass changes
   nothing; it only delays the answer on screen by a frame. Mixed in first, this records the new
   virtual size and updates the scrollbars without asking for it.
2. `ScrollView._size_updated` — `SizeUpdatedOnChange`. A ScrollView takes every layout of the screen
   (an answer shown in the question pane) for a change of its own size and redraws its scrollbar a
   frame later. When neither its size, its container nor its virtual size changed, nothing needs it.
3. `ToggleButton._button` and `BUTTON_INNER` — `InnerMarkRadioButton`. Textual's radio button draws
   the same dot on and off and tells them apart by colour alone; the subclass picks the inner mark
   per state, so the choice survives a monochrome terminal and screen readers.
4. `Screen.focused` — `FocusWithoutRepaint`. The reactive holding a screen's focused widget asks
   for a repaint of the whole screen whenever the focus moves, which turns the frame into a
   full-screen update: every line of every widget is cut again and the whole screen is sent (for a
   served game, ≈ 27 KiB per answer instead of the part that changed). The widgets that gain and
   lose the focus redraw themselves (on their Focus and Blur events, and when the `:focus` styles
   change), so the play screen declares the same public reactive without the repaint. Its watcher
   (`_watch_focused`, which refreshes the key bindings) still runs.
5. `StylesCache.get_inner_outer` (private module `textual._styles_cache`): an `lru_cache` on a
   method, so its keys hold every widget's render cache, rendered lines and all, long after the
   widget is gone (up to 1024 of them): ≈ 3,300 objects a question that the collection in 6. then
   walks every time (≈ 5 ms after the first question, ≈ 15 ms after a dozen; a served game's memory
   grows the same way). It holds two styles worked out from two colours, so it is emptied before
   each of those collections (`forget_gone_widgets`) and fills again with what is on screen.
6. Garbage collection (no private API, but the same kind of bargain with the runtime): CPython
   collects when enough objects have piled up, wherever that happens to be — often in the middle of
   drawing an answer's feedback, ≈ 100 ms for a full collection here (bench/latency.py). So when the
   app loads (Textual's `Load` event, before any screen is built), everything imported so far
   (modules, classes, Textual's and pydantic's tables) is frozen out of collection (`gc.freeze`):
   start-up otherwise walked all of it in a full collection its own allocations triggered (≈ 16 ms
   before bench/startup.py's first question; none of it was garbage). Once the first question is on
   screen, what start-up built since (the bank, the first screen) is frozen too, and after each later
   question is drawn, while the player reads, one collection clears what the last question left.
   The app that froze unfreezes when it exits, so a process running many apps one after another
   (the test suite) gets exactly what a player gets.
"""

from __future__ import annotations

import gc
import inspect
from collections.abc import Callable
from typing import TypeVar

from textual._styles_cache import StylesCache
from textual.content import Content
from textual.geometry import Size
from textual.reactive import Reactive
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.widget import Widget
from textual.widgets import RadioButton

# --- 1. Widget._size_updated ---------------------------------------------------------------------


class LaidOutOnce(Widget):
    """A widget whose change of size does not make Textual lay the screen out a second time."""

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)


# --- 2. ScrollView._size_updated -----------------------------------------------------------------


class SizeUpdatedOnChange(ScrollView):
    """A ScrollView that ignores size updates in which no size changed."""

    _last_sizes: tuple[Size, Size, Size] | None = None

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        seen = (size, container_size, self.virtual_size)
        if seen == self._last_sizes:
            return False
        self._last_sizes = seen
        return super()._size_updated(size, virtual_size, container_size, layout)


# --- 3. ToggleButton._button ---------------------------------------------------------------------


class InnerMarkRadioButton(RadioButton):
    """A radio button whose inner mark subclasses choose per state (`inner_mark`)."""

    def inner_mark(self) -> str:
        return self.BUTTON_INNER

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = self.inner_mark()
        return super()._button


# --- 4. Screen.focused ------------------------------------------------------------------------

ResultT = TypeVar("ResultT")


class FocusWithoutRepaint(Screen[ResultT]):
    """A screen whose focus moves without repainting the whole screen (see the module docstring)."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)


# --- 5. StylesCache.get_inner_outer ------------------------------------------------------------


def forget_gone_widgets() -> None:
    """Empty the cache that keeps removed widgets' render caches alive (see the module docstring)."""
    StylesCache.get_inner_outer.cache_clear()


# --- 6. garbage collection -----------------------------------------------------------------------

_frozen_by: object | None = None  # the app that froze start-up's objects, while it runs
_first_drawn = False  # whether that app has drawn its first question


def app_loading(app: object) -> None:
    """Before `app` builds its first screen: freeze what the imports left (see 6. above)."""
    global _frozen_by, _first_drawn
    if _frozen_by is None:
        _frozen_by, _first_drawn = app, False
        gc.freeze()


def after_question_drawn(app: object) -> None:
    """The first time while `app` runs, freeze what exists (start-up's objects); after that,
    collect what the game left since (the last question's widgets and messages)."""
    global _frozen_by, _first_drawn
    if _frozen_by is None or (_frozen_by is app and not _first_drawn):
        _frozen_by, _first_drawn = app, True
        gc.freeze()
    else:
        forget_gone_widgets()
        gc.collect()


def app_exited(app: object) -> None:
    """The app that froze is done: give its objects back to the collector."""
    global _frozen_by
    if _frozen_by is app:
        _frozen_by = None
        gc.unfreeze()


# --- what the overrides rely on ------------------------------------------------------------------

_SIZE_UPDATED_PARAMS = ["self", "size", "virtual_size", "container_size", "layout"]


def _has_size_updated(cls: type) -> bool:
    method = cls.__dict__.get("_size_updated")
    if method is None:
        return False
    return list(inspect.signature(method).parameters) == _SIZE_UPDATED_PARAMS


def _has_button() -> bool:
    from textual.widgets._toggle_button import ToggleButton

    prop = ToggleButton.__dict__.get("_button")
    return isinstance(prop, property) and isinstance(ToggleButton.__dict__.get("BUTTON_INNER"), str)


def _has_focused_reactive() -> bool:
    return isinstance(Screen.__dict__.get("focused"), Reactive) and callable(
        Screen.__dict__.get("_watch_focused")
    )


def relied_on() -> dict[str, Callable[[], bool]]:
    """Each override (as named in this module's docstring) → whether Textual still has what it needs."""
    return {
        "LaidOutOnce: Widget._size_updated(size, virtual_size, container_size, layout)": lambda: (
            _has_size_updated(Widget)
        ),
        "SizeUpdatedOnChange: ScrollView._size_updated(size, virtual_size, container_size, layout)": (
            lambda: _has_size_updated(ScrollView)
        ),
        "InnerMarkRadioButton: ToggleButton._button property and BUTTON_INNER": _has_button,
        "FocusWithoutRepaint: Screen.focused is a Reactive (watched by Screen._watch_focused)": (
            _has_focused_reactive
        ),
        "forget_gone_widgets: StylesCache.get_inner_outer is an lru_cache (cache_clear)": lambda: (
            callable(getattr(StylesCache.__dict__.get("get_inner_outer"), "cache_clear", None))
        ),
        "garbage collection: gc.freeze, gc.unfreeze, gc.collect": lambda: all(
            callable(getattr(gc, name, None)) for name in ("freeze", "unfreeze", "collect")
        ),
    }
