"""The help screen is built from the bindings: every key a player can press is in it, once."""

from __future__ import annotations

from textual.binding import Binding

from quizgame.tui.app import QuizApp
from quizgame.tui.screens.help_screen import help_text, key_names
from quizgame.tui.screens.play_screen import PlayScreen
from quizgame.tui.widgets.choice_list import ChoiceList
from quizgame.tui.widgets.question_view import QuestionView


def test_every_binding_of_a_game_is_in_the_help_with_its_tooltip() -> None:
    text = help_text().plain
    for owner in (QuizApp, PlayScreen, QuestionView, ChoiceList):
        for b in owner.BINDINGS:
            assert isinstance(b, Binding)
            assert b.tooltip, f"{owner.__name__}: {b.key} needs a tooltip for the help screen"
            assert f"  {key_names(b):<17}{b.tooltip}\n" in text


def test_keys_handled_without_bindings_are_listed_too() -> None:
    text = help_text().plain
    for key, what in (*ChoiceList.HELP_KEYS, *QuizApp.HELP_KEYS):
        assert f"  {key:<17}{what}\n" in text
