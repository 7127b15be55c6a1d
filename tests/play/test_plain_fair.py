"""Plain mode plays fair too (issue 13): the y/n prompt, tried choices, long answers."""

from __future__ import annotations

from quizgame.bank.loaded import LoadedBank
from quizgame.game.records import MemorySink
from quizgame.game.session import GameSession
from quizgame.play.plain import PlainGame


def play(loaded: LoadedBank, lines: list[str]) -> tuple[str, MemorySink]:
    """Play in plain mode with these input lines; the transcript (prompts included) and the sink."""
    sink = MemorySink()
    session = GameSession(loaded, player="Ada", sink=sink)
    feed = iter(lines)
    out: list[str] = []

    def read(prompt: str) -> str:
        out.append(prompt)
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    assert PlainGame(session, read=read, write=out.append).play() == 0
    return "\n".join(out), sink


def test_retry_prompt_asks_again_on_anything_but_yes_or_no(loaded_bank: LoadedBank) -> None:
    # wrong on Q1; "B" meant for the next question must not count as "no"
    out, sink = play(loaded_bank, ["A", "B", "maybe", "yes", "B"])
    assert out.count("Try again for reduced credit? [y/n]") == 3
    assert out.count("Please answer y (yes) or n (no).") == 2
    assert "✓ Correct — +0.5 of 1 point" in out
    assert [a.final for a in sink.answers] == [False, True]


def test_a_tried_choice_cannot_be_picked_again(loaded_bank: LoadedBank) -> None:
    out, sink = play(loaded_bank, ["A", "y", "A", "B"])
    assert "A) The White House  (✗ tried)" in out
    assert "You tried A already — pick another." in out
    assert [a.response for a in sink.answers] == ["The White House", "The Kremlin"]


def test_a_long_typed_answer_is_not_echoed_in_full(loaded_bank: LoadedBank) -> None:
    lines = ["B", "C", "B"]  # questions 1–3 right (the bank does not shuffle choices)
    essay = "word " * 600
    out, _ = play(loaded_bank, [*lines, essay, "n"])  # question 4 is a short answer
    assert essay.strip() not in out
    assert "characters)" in out  # cut, with its full length said


def test_step_mistake_goes_through_missed_questions_only() -> None:
    from quizgame.play.presenter import step_mistake

    order = ["a", "b", "c", "d"]
    assert step_mistake(order, {"b", "d"}, "a", 1) == "b"
    assert step_mistake(order, {"b", "d"}, "b", 1) == "d"
    assert step_mistake(order, {"b", "d"}, "d", 1) is None
    assert step_mistake(order, {"b", "d"}, "d", -1) == "b"
    assert step_mistake(order, {"b", "d"}, "c", -1) == "b"
