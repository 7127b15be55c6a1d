"""Whole games through the TUI, driven by key presses, checked against the engine's own verdicts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import DataTable

from quizgame.bank.models import Mode
from quizgame.game.kinds import KINDS
from quizgame.game.presented import PresentedQuestion
from quizgame.game.scoring import Outcome, score
from quizgame.play.presenter import evidence_text
from quizgame.text.normalise import normalise_text
from quizgame.tui.screens.exam_review_screen import ExamReviewScreen
from quizgame.tui.screens.play_screen import PlayScreen
from quizgame.tui.screens.review_screen import ReviewScreen
from quizgame.tui.screens.summary_screen import SummaryScreen
from quizgame.tui.widgets.article_view import HIGHLIGHT, ArticleView
from quizgame.tui.widgets.feedback_view import FeedbackView
from quizgame.tui.widgets.game_status import GameStatus
from quizgame.tui.widgets.question_view import QuestionView
from tests.tui.driver import BANK, Game, answer, submit_exam, write_bank

PARTIAL_TYPES = {"multi", "match", "evidence", "order", "cloze"}


def plan(pq: PresentedQuestion) -> str:
    """Right, wrong and partly right answers spread over the bank, every type getting at least two."""
    kinds = ["right", "wrong", "partial"] if pq.type in PARTIAL_TYPES else ["right", "wrong"]
    return kinds[pq.number % len(kinds)]


def assert_evidence_highlighted(article: ArticleView, pq: PresentedQuestion) -> None:
    assert pq.evidence, pq.id
    for ev in pq.evidence:
        view = article.passage_view(ev.passage_id)
        local = tuple((s - view.passage.start, e - view.passage.start) for s, e in ev.spans)
        for span in local:
            assert span in view.highlights, (pq.id, ev.passage_id)
            # the exact characters the student sees highlighted are the quoted evidence
            shown = view.passage.text[span[0] : span[1]]
            assert (
                shown
                == article.article.text[span[0] + view.passage.start : span[1] + view.passage.start]
            )
            styles = [s for s in view.rendered.spans if (s.start, s.end) == span]
            assert styles and styles[0].style == HIGHLIGHT
        assert normalise_text(evidence_text(article.article, ev)) == normalise_text(ev.quote)
    lit = {pid for pid in (v.passage.id for v in article.passage_views() if v.highlights)}
    assert lit == set(pq.passage_ids)


async def test_practice_game_every_type_right_wrong_partial(game: Game) -> None:
    app = game.app()
    seen_types: set[str] = set()
    outcomes: dict[str, Outcome] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        session = screen.session
        assert session.mode is Mode.PRACTICE
        while (pq := session.current) is not None:
            status = screen.query_one(GameStatus)
            assert status.text.startswith(f"Ada · Question {pq.number} of {len(session.questions)}")
            assert "Score" in status.text
            kind = plan(pq)
            response = await answer(pilot, pq, kind)
            await pilot.pause()
            expected = score(pq.question, response).outcome
            want = {"right": Outcome.CORRECT, "wrong": Outcome.WRONG, "partial": Outcome.PARTIAL}
            assert expected is want[kind], (pq.id, kind)
            fb = screen.query_one(FeedbackView)
            assert fb.lines.headline == f"{expected.symbol} {expected.label}"
            assert fb.has_class(f"-{expected.value}")
            if screen.result is not None and screen.result.can_retry:
                # before the last attempt: the verdict only, no answer, explanation or proof
                assert fb.lines.right_answer is None
                assert not fb.lines.explanation and not fb.lines.evidence
                assert not screen.query_one(ArticleView).evidence
                # first Enter shows the answer, the second moves on
                await pilot.press("enter")
                await pilot.pause()
                assert screen.query_one(FeedbackView).lines.right_answer is not None
            assert_evidence_highlighted(screen.query_one(ArticleView), pq)
            seen_types.add(pq.type)
            outcomes[pq.id] = expected
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        summary = app.screen.summary
        assert {r.question_id: r.outcome for r in summary.rows} == outcomes
        assert app.screen.query_one("#summary-table", DataTable).row_count == len(outcomes)
    assert seen_types == {k.name for k in KINDS}
    assert set(outcomes.values()) == set(Outcome)
    # every attempt reached the results sink (on its own thread), and the game was finished
    assert len(game.sink.answers) == len(outcomes)
    assert game.sink.finished and game.sink.finished[0][3] is True


async def test_retry_gives_reduced_credit(game: Game) -> None:
    app = game.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        pq = screen.session.current
        assert pq is not None and pq.type == "choice"
        await answer(pilot, pq, "wrong")
        await pilot.pause()
        assert screen.query_one(FeedbackView).lines.headline.startswith("✗")
        await pilot.press("r")
        await pilot.pause()
        assert not screen.query(FeedbackView)  # a fresh attempt
        assert not screen.query_one(ArticleView).evidence
        await answer(pilot, pq, "right")
        await pilot.pause()
        lines = screen.query_one(FeedbackView).lines
        assert lines.headline == "✓ Correct"
        assert lines.points.startswith("+0.5 of 1")


async def test_exam_mode_feedback_only_in_summary_and_review(game: Game) -> None:
    app = game.app(mode="exam")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        session = screen.session
        types: set[str] = set()
        while not isinstance(app.screen, ExamReviewScreen):
            pq = session.current
            assert pq is not None
            types.add(pq.type)
            await answer(pilot, pq, plan(pq))
            await pilot.pause()
            if isinstance(app.screen, ExamReviewScreen):
                break
            assert screen.query_one(QuestionView).pq is session.current  # straight on
            assert not screen.query(FeedbackView)  # no feedback during an exam
            assert not any(v.highlights for v in screen.query_one(ArticleView).passage_views())
            assert "Score" not in screen.query_one(GameStatus).text
        await submit_exam(pilot)
        assert types == {k.name for k in KINDS}
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert all(r.outcome is not None for r in summary.summary.rows)
        # open the third row: its review shows the feedback with the evidence highlighted
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert review.pq.number == 3
        assert review.query_one(FeedbackView).lines.explanation == review.pq.question.explanation
        assert_evidence_highlighted(review.query_one(ArticleView), review.pq)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is summary
    assert len(game.sink.answers) == len(session.questions)


async def test_guided_mode_reveals_passages_before_questions(game: Game) -> None:
    app = game.app(mode="guided")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        session = screen.session
        article = screen.query_one(ArticleView)
        pq = session.current
        assert pq is not None
        needed = session.passages_needed(pq)
        while screen.waiting_to_read:
            assert not screen.query(QuestionView)
            shown_body = [v for v in article.passage_views() if v.display and v.passage.is_body]
            assert len(shown_body) == screen.revealed
            await pilot.press("enter")
            await pilot.pause()
        assert screen.revealed == needed
        assert screen.query_one(QuestionView).pq is pq
        await answer(pilot, pq, "right")
        await pilot.pause()
        assert screen.query_one(FeedbackView).lines.headline == "✓ Correct"


async def test_e_scrolls_back_to_the_evidence(game: Game, tmp_path: Path) -> None:
    bank = write_bank(
        tmp_path,
        """  - id: white-house-reply
    type: truefalse
    prompt: "The White House answered The Post's inquiry on Tuesday."
    answer: false
    explanation: It did not respond.
    evidence: The White House did not respond to an inquiry from The Post on Tuesday.
""",
    )
    app = game.app([bank])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        pq = screen.session.current
        assert pq is not None
        assert screen.stacked  # 80 columns: the article sits above the question
        await answer(pilot, pq, "right")
        await pilot.pause()
        article = screen.query_one(ArticleView)
        article.scroll_home(animate=False, immediate=True)  # the student scrolled away
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        view = article.passage_view("p19")
        assert view.highlights and article.current_stop is view
        top, bottom = article.scroll_y, article.scroll_y + article.scrollable_content_region.height
        assert top <= view.top < bottom  # the evidence is on screen again


async def test_timer_runs_out(game: Game, tmp_path: Any) -> None:
    import shutil

    text = BANK.read_text(encoding="utf-8").replace(
        "  retry_credit: 0.5\n", "  retry_credit: 0.5\n  timer_seconds: 20\n  streak_bonus: true\n"
    )
    bank = tmp_path / "timed.yaml"
    bank.write_text(text, encoding="utf-8")
    shutil.copy(BANK.with_suffix(".txt"), tmp_path / "kremlin-peacekeepers.txt")
    app = game.app([bank])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        status = screen.query_one(GameStatus)
        assert status.timer == "⏱ 20s left"
        game.clock.now += 5
        screen._tick()
        assert status.timer == "⏱ 15s left"
        game.clock.now += 30
        screen._tick()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        lines = screen.query_one(FeedbackView).lines
        assert lines.headline == "✗ Time's up"
        assert screen.result is not None and not screen.result.can_retry
        await pilot.press("enter")
        await pilot.pause()
        # two right answers in a row: the streak shows
        for _ in range(2):
            pq = screen.session.current
            assert pq is not None
            await answer(pilot, pq, "right")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        assert "Streak 2" in status.text


async def test_quit_asks_first_and_records_abandoned_game(game: Game) -> None:
    app = game.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        from quizgame.tui.screens.confirm_screen import ConfirmScreen

        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    assert app.return_value == 0
    assert game.sink.finished and game.sink.finished[0][3] is False


async def test_help_screen_lists_keys(game: Game) -> None:
    app = game.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        from quizgame.tui.screens.help_screen import HelpScreen, help_text

        assert isinstance(app.screen, HelpScreen)
        keys = help_text().plain
        for needed in ("space", "Enter", "Esc", "ctrl+q", "F2", "e", "r"):
            assert needed in keys
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)


async def test_leaving_a_game_picked_from_the_list_goes_back_to_the_list(
    game: Game, tmp_path: Path
) -> None:
    from quizgame.tui.screens.confirm_screen import ConfirmScreen
    from quizgame.tui.screens.picker_screen import BankPickerScreen

    second = write_bank(tmp_path, PICKER_QUESTION, title="Second bank")
    app = game.app([BANK, second])
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, BankPickerScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, BankPickerScreen)  # back to the list, not out of the app
        assert game.sink.finished and game.sink.finished[0][3] is False  # kept as abandoned
        assert app.session is None
        await pilot.press("ctrl+q")  # no game running: quits at once
        await pilot.pause()
    assert app.return_value == 0


PICKER_QUESTION = """  - id: white-house-reply
    type: truefalse
    prompt: "The White House answered The Post's inquiry on Tuesday."
    answer: false
    explanation: It did not respond.
    evidence: The White House did not respond to an inquiry from The Post on Tuesday.
"""
