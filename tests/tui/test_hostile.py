"""The hostile corpus (tests/data/hostile.py) in the TUI: read back literally, never interpreted.

"Literally" follows quizgame.text.safe: markup, RTL, zero-width characters and emoji come back
exactly; control characters come back as their visible pictures (ESC → ␛). "Never interpreted":
the bytes Textual would write to the terminal hold no control character except Textual's own
colour and cursor sequences, and an `[@click=app.quit]` never quits.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from rich.segment import Segment
from rich.text import Text
from textual.app import App
from textual.color import Color
from textual.screen import Screen
from textual.widgets import Static

from quizgame.article.passages import parse_article
from quizgame.game.records import MemorySink
from quizgame.play.prefs import clean_name
from quizgame.play.presenter import clip_answer
from quizgame.text.safe import one_line, visible
from quizgame.tui.app import QuizApp
from quizgame.tui.control_filter import ControlFilter
from quizgame.tui.screens.picker_screen import BankPickerScreen
from quizgame.tui.screens.play_screen import PlayScreen
from quizgame.tui.screens.summary_screen import SummaryScreen
from quizgame.tui.widgets.article_view import ArticleView
from quizgame.tui.widgets.choice_list import ChoiceList
from quizgame.tui.widgets.feedback_view import FeedbackView
from tests.data.hostile import HOSTILE, NAMES, write_empty_article_bank, write_hostile_bank
from tests.tui.driver import Game, answer, screen_text, write_bank

# Textual's own output: SGR colour/style sequences and cursor moves. Nothing else may be there.
OWN_SEQUENCES = re.compile(r"\x1b\[[0-9;]*m|\x1b\[\d+;\d+H")
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def terminal_output(app: App[Any]) -> str:
    """What a full repaint of the current screen would write to the terminal."""
    from textual._compositor import CompositorUpdate

    update = app.screen._compositor.render_update(full=True)
    assert isinstance(update, CompositorUpdate)
    return update.render_segments(app.console)


def stray_controls(app: App[Any]) -> set[str]:
    return set(CONTROL.findall(OWN_SEQUENCES.sub("", terminal_output(app))))


def shown(widget: Static) -> str:
    return str(getattr(widget.visual, "plain", widget.visual))


async def test_hostile_bank_is_shown_literally_and_never_reaches_the_terminal(
    game: Game, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without the control filter: the widgets alone must be clean (the filter, a second line of
    # defence, is tested on its own below).
    monkeypatch.setattr(QuizApp, "get_line_filters", App.get_line_filters)
    bank = write_hostile_bank(tmp_path)
    name = HOSTILE["emoji"] + " " + HOSTILE["ansi-colour"]
    app = game.app([bank], name=name)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        article = screen.query_one(ArticleView)
        for view in article.passage_views():  # every passage, hostile ones included
            assert view.rendered.plain == visible(view.passage.text)
        assert any("␛[31mred text␛[0m" in v.rendered.plain for v in article.passage_views())
        seen = 0
        while (pq := screen.session.current) is not None:
            q: Any = pq.question
            await pilot.pause()
            assert shown(screen.query_one("#q-prompt", Static)) == visible(q.prompt)
            if pq.type in ("choice", "multi"):
                choices = screen.query_one(ChoiceList)
                box = "[ ] " if pq.type == "multi" else ""
                for i, text in enumerate(pq.choices):
                    assert choices.prompt_text(i).plain == box + visible(text)
            if pq.type == "match":
                lefts = [shown(s) for s in screen.query(".match-left").results(Static)]
                assert lefts == [visible(f"{n}. {left}") for n, left in enumerate(pq.match_left, 1)]
            assert not stray_controls(app), pq.id
            await answer(pilot, pq, "right")
            await pilot.pause()
            feedback = screen.query_one(FeedbackView).plain
            assert visible(q.explanation) in feedback
            result = screen.session.result_for(pq.id)
            assert result is not None
            # a very long answer is echoed cut short (issue 13), still shown literally
            assert visible(f"Your answer: {clip_answer(result.response_text)}") in feedback
            highlighted = [
                s for v in article.passage_views() for s in v.highlighted_strings if s.strip()
            ]
            assert highlighted, pq.id
            assert not stray_controls(app), pq.id
            seen += 1
            while screen.session.current is pq:
                await pilot.press("enter")
                await pilot.pause()
        assert seen == len(HOSTILE)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        title = shown(app.screen.query_one("#summary-title", Static))
        assert visible(clean_name(name)) in title and "[bold]Hostile[/] ␛[31mbank" in title
        assert not stray_controls(app)
        assert app.is_running  # no [@click=app.quit] ever ran


async def test_hostile_bank_in_the_picker(game: Game, tmp_path: Path) -> None:
    bank = write_hostile_bank(tmp_path)
    app = game.app([bank], name=None, cwd=tmp_path)
    app.bank_paths.append(write_empty_article_bank(tmp_path))  # two banks: the picker shows
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, BankPickerScreen)
        text = screen_text(app)
        assert "[bold]Hostile[/] ␛[31mbank" in text
        assert "Empty article" in text and "the article has no text to quote" in text
        assert not stray_controls(app)


class RawScreen(Screen[None]):
    """A widget we did not write, fed a raw escape sequence: the filter still stops it."""

    def compose(self) -> Any:
        yield Static(Text("\x1b[2Jboom\x1b]0;title\x07\x9b31m"), id="raw")


async def test_control_filter_stops_what_a_widget_lets_through(game: Game) -> None:
    app = game.app()
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        await app.push_screen(RawScreen())
        await pilot.pause()
        assert not stray_controls(app)
        assert "[2Jboom]0;title31m" in screen_text(app)
        app.get_line_filters = lambda: []  # type: ignore[method-assign]
        app.screen.query_one("#raw", Static).refresh()
        assert stray_controls(app)  # the check above can fail


def test_control_filter_keeps_cells_and_styles() -> None:
    segments = [Segment("a\x1b[31mb", None), Segment("c\x07", None), Segment("plain")]
    out = ControlFilter().apply(segments, Color(0, 0, 0))
    assert [s.text for s in out] == ["a[31mb", "c", "plain"]
    assert sum(s.cell_length for s in out) == sum(s.cell_length for s in segments)
    clean = [Segment("nothing to do")]
    assert ControlFilter().apply(clean, Color(0, 0, 0)) is clean


@pytest.mark.parametrize("key", sorted(NAMES))
async def test_hostile_player_names(game: Game, tmp_path: Path, key: str) -> None:
    bank = write_bank(
        tmp_path,
        "  - id: q1\n    type: truefalse\n    prompt: Is it?\n    answer: true\n"
        "    explanation: It is.\n"
        "    evidence: The White House did not respond to an inquiry from The Post on Tuesday.\n",
    )
    app = game.app([bank], name=NAMES[key])
    expected = clean_name(NAMES[key])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert visible(expected) in shown(app.screen.query_one("#summary-title", Static))
        assert not stray_controls(app)
    assert isinstance(game.sink, MemorySink) and game.sink.games[0].player == expected


def test_clean_name_keeps_joiners_and_drops_controls_and_overrides() -> None:
    assert clean_name(HOSTILE["emoji"]) == HOSTILE["emoji"][:40]  # ZWJ sequences intact
    assert clean_name("user\u202egnp.exe") == "user gnp.exe"  # no bidi override in reports
    assert clean_name("می\u200cخواهم") == "می\u200cخواهم"  # Persian needs ZWNJ
    assert one_line(clean_name(HOSTILE["ansi-colour"])) == "[31mred text [0m"


async def test_empty_article_never_crashes_the_article_pane() -> None:
    article = parse_article("")

    class Pane(App[None]):
        def compose(self) -> Any:
            yield ArticleView(article, id="article")

    app = Pane()
    async with app.run_test(size=(40, 10)) as pilot:
        view = app.query_one(ArticleView)
        view.show_evidence(())
        view.scroll_to_evidence()
        view.reveal(())
        await pilot.pause()
        assert view.passage_views() == []
        assert view.virtual_size.height == 0


async def test_article_text_can_be_selected_and_copied_as_shown() -> None:
    from textual.geometry import Offset
    from textual.selection import Selection

    article = parse_article("First passage here.\n\nSecond [bold]passage[/] \x1b[31mred.\n")

    class Pane(App[None]):
        def compose(self) -> Any:
            yield ArticleView(article, id="article")

    app = Pane()
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        got = view.get_selection(Selection(None, None))
        assert got is not None
        text = got[0]
        assert "First passage here." in text
        assert "Second [bold]passage[/] ␛[31mred." in text  # literal, control shown as a symbol
        first = view.passage_views()[0].passage.id
        app.screen.selections = {view: Selection(Offset(0, 0), Offset(len(first), 0))}
        await pilot.pause()
        assert app.screen.get_selected_text() == first  # what a mouse drag over it copies
