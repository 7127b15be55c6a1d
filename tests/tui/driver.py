"""Driving the game like a student: answers by key presses, in right / wrong / partly-right forms."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from quizgame.bank.bundled import bundled_dir
from quizgame.game.presented import PresentedQuestion
from quizgame.game.records import MemorySink
from quizgame.play.presenter import choice_key
from quizgame.tui.app import QuizApp
from tests.answers import response

BANK = bundled_dir() / "kremlin-peacekeepers.yaml"


class FrozenClock:
    """A clock that only moves when a test moves it: no time text changes between runs."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@dataclass
class Game:
    sink: MemorySink = field(default_factory=MemorySink)
    clock: FrozenClock = field(default_factory=FrozenClock)

    def app(self, banks: list[Path] | None = None, **kwargs: Any) -> QuizApp:
        kwargs.setdefault("name", "Ada")
        kwargs.setdefault("seed", 7)
        kwargs.setdefault("remember_player", False)
        return QuizApp(
            [BANK] if banks is None else banks,
            sink_factory=lambda: self.sink,
            clock=self.clock,
            wall_clock=lambda: 1_700_000_000.0,
            **kwargs,
        )


def key(index: int) -> str:
    return choice_key(index).lower()


async def type_text(pilot: Pilot[Any], text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


async def pick(pilot: Pilot[Any], index: int, keyname: str | None = None) -> None:
    """Press a choice's key as a student would: a choice below the fold is only scrolled into view
    by the first press (see ChoiceList.choose), so a second press picks it."""
    from quizgame.tui.widgets.choice_list import ChoiceList

    screen = pilot.app.screen
    focused = screen.focused
    lists = [w for w in screen.query(ChoiceList) if w is focused] or list(screen.query(ChoiceList))
    target = lists[0] if lists else None
    ticked = set(target.ticked) if target is not None else set()
    await pilot.press(keyname or key(index))
    if target is None:
        return
    await pilot.pause()
    unpicked = not target.multi or target.ticked == ticked
    if target.is_attached and not target.locked and target.highlighted == index and unpicked:
        await pilot.press(keyname or key(index))


async def answer(pilot: Pilot[Any], pq: PresentedQuestion, kind: str) -> Any:
    """Answer the shown question with key presses; `kind`: right, wrong or partial. Returns the response."""
    resp = response(pq, kind)
    if pq.type in ("choice",):
        await pick(pilot, pq.choices.index(resp))
        return resp
    if pq.type == "truefalse":
        await pick(pilot, 0 if resp else 1, "1" if resp else "2")
        return resp
    if pq.type == "multi":
        for p in [c for c in pq.choices if c in resp]:
            await pick(pilot, pq.choices.index(p))
        await pilot.press("enter")
        return resp
    if pq.type == "short":
        text = resp.lower()
        from textual.widgets import Input

        field = pilot.app.screen.query_one("#short-input", Input)
        assert field.has_focus
        await type_text(pilot, text[:2])  # real key presses reach the field…
        field.value = text  # …the rest is set directly (each press costs Pilot ~70 ms)
        await pilot.press("enter")
        return text
    if pq.type == "match":
        for left in pq.match_left:
            await pilot.press(key(pq.match_right.index(resp[left])))
        await pilot.pause()
        await pilot.press("enter")  # focus moved to Submit once every item had a match
        return resp
    if pq.type == "evidence":
        a, b = resp
        await pick(pilot, pq.choices.index(a))
        await pilot.pause()
        await pick(pilot, pq.part_b_choices.index(b))
        return resp
    if pq.type == "numeric":
        await type_text(pilot, resp)
        await pilot.press("enter")
        return resp
    if pq.type == "order":
        return await _order(pilot, resp)
    if pq.type == "cloze":
        return await _cloze(pilot, pq, resp)
    raise AssertionError(pq.type)


async def _order(pilot: Pilot[Any], target: tuple[str, ...]) -> tuple[str, ...]:
    """Carry each item to its place with ↑↓ and `-` (move up), as a student would."""
    from quizgame.tui.widgets.order_list import OrderList

    widget = pilot.app.screen.query_one(OrderList)
    assert widget.has_focus
    for place, item in enumerate(target):
        here = widget.items.index(item)
        while (widget.highlighted or 0) < here:
            await pilot.press("down")
        while (widget.highlighted or 0) > here:
            await pilot.press("up")
        for _ in range(here - place):
            await pilot.press("minus")
    assert widget.order == tuple(target)
    await pilot.press("enter")
    return tuple(target)


async def _cloze(
    pilot: Pilot[Any], pq: PresentedQuestion, fills: tuple[str, ...]
) -> tuple[str, ...]:
    """Pick a listed gap's option by its letter (focus moves on); type a typed gap, then Enter."""
    from textual.widgets import Input

    for n, (fill, options) in enumerate(zip(fills, pq.gap_options, strict=True)):
        if options:
            await pilot.press(key(options.index(fill)))
        else:
            field = pilot.app.screen.query_one(f"#gap-{n}", Input)
            assert field.has_focus
            await type_text(pilot, fill[:1])
            field.value = fill
            await pilot.press("enter")
    return fills


def screen_text(app: QuizApp) -> str:
    """What is on the terminal, as plain text (from Textual's own SVG export)."""
    import re

    svg = app.export_screenshot()
    parts = re.findall(r"<text[^>]*>(.*?)</text>", svg)
    return html.unescape("".join(parts)).replace("\xa0", " ")


Answer = Callable[[Pilot[Any], PresentedQuestion, str], Any]


def write_bank(
    folder: Path, questions_yaml: str, *, title: str = "Test bank", extra: str = ""
) -> Path:
    """A bank on the bundled article, written to `folder` (tests never write into the repo)."""
    import shutil

    shutil.copy(BANK.with_suffix(".txt"), folder / "article.txt")
    bank = folder / "bank.yaml"
    bank.write_text(
        f"title: {title}\narticle: article.txt\n{extra}questions:\n{questions_yaml}",
        encoding="utf-8",
    )
    return bank


async def answer_exam(
    pilot: Pilot[Any], kind_of: Callable[[PresentedQuestion], str], *, submit: bool = True
) -> None:
    """Answer every exam question in turn (each answer moves on), then — on the review screen that
    follows the last one — submit, confirming if asked."""
    from quizgame.tui.screens.exam_review_screen import ExamReviewScreen
    from quizgame.tui.screens.play_screen import PlayScreen

    screen = pilot.app.screen
    assert isinstance(screen, PlayScreen)
    while not isinstance(pilot.app.screen, ExamReviewScreen):
        pq = screen.session.current
        assert pq is not None
        await answer(pilot, pq, kind_of(pq))
        await pilot.pause()
    if submit:
        await submit_exam(pilot)


async def submit_exam(pilot: Pilot[Any]) -> None:
    from quizgame.tui.screens.confirm_screen import ConfirmScreen

    await pilot.press("s")
    await pilot.pause()
    if isinstance(pilot.app.screen, ConfirmScreen):
        await pilot.press("y")
        await pilot.pause()
    await pilot.pause()
