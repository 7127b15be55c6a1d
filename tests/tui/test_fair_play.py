"""Fair play (issue 13): no key press, retry or scroll costs a student a point or hands them one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, Select

from quizgame.tui.screens.play_screen import PlayScreen
from quizgame.tui.screens.review_screen import ReviewScreen
from quizgame.tui.widgets.article_view import ArticleView
from quizgame.tui.widgets.choice_list import ChoiceList
from quizgame.tui.widgets.feedback_view import FeedbackView
from quizgame.tui.widgets.game_status import GameStatus
from quizgame.tui.widgets.key_bar import KeyBar
from quizgame.tui.widgets.match_pairs import MatchPairs
from tests.tui.driver import Game, answer, screen_text, write_bank

MATCH = """
  - id: who-said-what
    type: match
    prompt: Match each quote to the person who said it.
    pairs:
      - left: "“Yeah, he will accept that.”"
        right: Donald Trump
      - left: "“This is, of course, unacceptable to us.”"
        right: Sergey Lavrov
      - left: "“They would be there to ensure that the peace is respected.”"
        right: Emmanuel Macron
      - left: "“The Americans need rare earth metals.”"
        right: Dmitry Peskov
    distractors: [Vladimir Putin]
    explanation: Trump, Lavrov, Macron, Peskov.
    evidence:
      - quote: "Yeah, he will accept that."
        passage: p7
      - quote: "This is, of course, unacceptable to us"
        passage: p5
      - quote: They would be there to ensure that the peace is respected.
        passage: p10
      - quote: The Americans need rare earth metals.
        passage: p18
"""

MULTI = """
  - id: macron-position
    type: multi
    prompt: Which statements about Macron does the article support?
    choices:
      - He supports installing European peacekeepers in Ukraine
      - He said French troops would fight alongside Ukraine's army
      - He said he would be willing to send French troops
      - He refuted Trump's claim about Putin
    answers:
      - He supports installing European peacekeepers in Ukraine
      - He said he would be willing to send French troops
    explanation: Macron supports peacekeepers and would send troops.
    evidence:
      - quote: Macron has been one of the most ardent supporters of installing European peacekeepers in Ukraine
        passage: p9
"""

TRUEFALSE = """
  - id: flag-changes-nothing
    type: truefalse
    prompt: "True or false: a European Union flag would make the troops acceptable to Russia."
    answer: false
    explanation: Lavrov said the flag does not change anything.
    evidence:
      - quote: under the flag of the European Union or under national flags, does not change anything in this regard
        passage: p4
"""

SHORT = """
  - id: lavrov-one-word
    type: short
    prompt: Which one word did Lavrov use?
    answer: unacceptable
    explanation: He called it unacceptable.
    evidence:
      - quote: "This is, of course, unacceptable to us"
        passage: p5
"""

LONG_PART_B = """
  - id: rare-earths
    type: evidence
    prompt: "Part A: What does Peskov suggest about rare earth metals?"
    choices:
      - Russia will refuse to sell them to the Americans
      - Russia has plenty of them, which could open up cooperation with the US
    answer: Russia has plenty of them, which could open up cooperation with the US
    part_b:
      prompt: "Part B: Which quote from the article best supports your answer to Part A?"
      choices:
        - The two countries also have agreed to pursue economic relations once a deal is negotiated.
        - Much has suffered, much has been destroyed
        - The White House did not respond to an inquiry from The Post on Tuesday.
        - In order to say that we trust the Americans, we have to go a long way
        - The Americans need rare earth metals.
        - They would be there to ensure that the peace is respected.
        - This is, of course, unacceptable to us
        - We have plenty of them, and we have our own plans for developing strategic resources
      answer: We have plenty of them, and we have our own plans for developing strategic resources
    explanation: Peskov said Russia has plenty of them.
    evidence:
      - quote: We have plenty of them, and we have our own plans for developing strategic resources
        passage: p18
"""


def play_screen(app: Any) -> PlayScreen:
    screen = app.screen
    assert isinstance(screen, PlayScreen)
    return screen


# 1. a stray or repeated Enter never answers a question that was not on screen -----------------------


async def test_repeated_enter_after_an_answer_never_answers_the_next_question(game: Game) -> None:
    app = game.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = play_screen(app)
        first = screen.session.current
        assert first is not None and first.type == "choice"
        await answer(pilot, first, "right")
        await pilot.pause()
        await pilot.press("enter", "enter", "enter")  # next, then key repeat
        await pilot.pause()
        assert screen.session.index == 1
        assert screen.result is None  # question 2 is on screen, unanswered
        assert len(game.sink.answers) == 1


async def test_guided_read_on_enter_never_answers(game: Game) -> None:
    app = game.app(mode="guided")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = play_screen(app)
        for _ in range(6):
            await pilot.press("enter")
        await pilot.pause()
        assert screen.question_view is not None  # read on until a question showed
        assert screen.result is None and not game.sink.answers


# 2. a question scores the best of its attempts; a retry only when it can raise the score ------------


async def test_partly_right_match_keeps_its_points_and_offers_no_useless_retry(
    game: Game, tmp_path: Path
) -> None:
    app = game.app([write_bank(tmp_path, MATCH)])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = play_screen(app)
        pq = screen.session.current
        assert pq is not None
        q: Any = pq.question
        truth = {p.left: p.right for p in q.pairs}
        pairs = screen.query_one(MatchPairs)
        for n, left in enumerate(pq.match_left):  # three of four right
            right = truth[left] if n else truth[pq.match_left[1]]
            pairs.set_pair(n, pq.match_right.index(right))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.result is not None and screen.result.points == 0.75
        assert not screen.result.can_retry  # a retry could earn 0.5 at most: nothing to win
        await pilot.press("r")
        await pilot.pause()
        assert screen.query(FeedbackView) and screen.session.score == 0.75


# 3. before the last attempt: verdict and what was wrong only; tried choices ruled out --------------


async def test_retry_feedback_hides_the_answer_and_rules_out_the_tried_choice(game: Game) -> None:
    app = game.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = play_screen(app)
        pq = screen.session.current
        assert pq is not None
        wrong = await answer(pilot, pq, "wrong")
        await pilot.pause()
        fb = screen.query_one(FeedbackView)
        assert fb.lines.explanation == "" and fb.lines.evidence == () and not fb.lines.notes
        assert "Why" not in fb.plain and "Evidence" not in fb.plain
        assert not screen.query_one(ArticleView).evidence  # no highlighted proof yet
        await pilot.press("r")
        await pilot.pause()
        choices = screen.query_one(ChoiceList)
        tried = pq.choices.index(wrong)
        assert choices.ruled_out == {tried}
        assert "✗ tried" in choices.prompt_text(tried).plain
        await pilot.press(chr(ord("a") + tried))  # the tried choice cannot be picked again
        await pilot.pause()
        assert screen.result is None
        await answer(pilot, pq, "right")
        await pilot.pause()
        fb = screen.query_one(FeedbackView)
        assert fb.lines.explanation and fb.lines.evidence
        assert screen.query_one(ArticleView).evidence


async def test_true_false_has_no_retry(game: Game, tmp_path: Path) -> None:
    app = game.app([write_bank(tmp_path, TRUEFALSE)])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = play_screen(app)
        await pilot.press("t")  # wrong: the answer is false
        await pilot.pause()
        assert screen.result is not None and not screen.result.can_retry
        assert screen.query_one(FeedbackView).lines.right_answer == "False"


# 4. the focused choice is always in view, and nothing off screen can be committed -----------------


async def test_long_part_b_list_at_80x24_scrolls_the_focused_choice_into_view(
    game: Game, tmp_path: Path
) -> None:
    app = game.app([write_bank(tmp_path, LONG_PART_B)])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = play_screen(app)
        await pilot.press("b")  # Part A, right
        await pilot.pause()
        part_b = screen.query_one("#choices-b", ChoiceList)
        last = len(part_b.texts) - 1
        assert not part_b.on_screen(last)  # below the fold at this size
        await pilot.press("h")  # names the last option, which is off screen
        await pilot.pause()
        assert screen.result is None  # not committed…
        assert part_b.highlighted == last and part_b.on_screen(last)  # …but shown
        await pilot.press("up", "up", "up")
        await pilot.pause()
        assert part_b.highlighted is not None and part_b.on_screen(part_b.highlighted)
        await pilot.press("h")  # on screen now: this answers
        await pilot.pause()
        assert screen.result is not None


# 5. e / E step through every evidence passage, in play and review ----------------------------------


async def test_e_and_shift_e_step_through_the_evidence(game: Game, tmp_path: Path) -> None:
    app = game.app([write_bank(tmp_path, MATCH)])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = play_screen(app)
        pq = screen.session.current
        assert pq is not None
        await answer(pilot, pq, "right")
        await pilot.pause()
        article = screen.query_one(ArticleView)
        stops = [pl.passage.id for pl in article.evidence_stops()]
        assert stops == ["p5", "p7", "p10", "p18"]  # reading order
        seen = []
        for _ in stops:
            await pilot.press("e")
            await pilot.pause()
            stop = article.current_stop
            assert stop is not None
            assert article.scroll_y <= stop.top < article.scroll_y + article.size.height
            seen.append(stop.passage.id)
        assert seen == ["p7", "p10", "p18", "p5"]  # the feedback showed p5 first
        await pilot.press("E")
        await pilot.pause()
        assert article.current_stop is not None and article.current_stop.passage.id == "p18"


async def test_review_from_the_summary_scrolls_to_the_evidence(game: Game, tmp_path: Path) -> None:
    bank = write_bank(tmp_path, LONG_PART_B)
    app = game.app([bank])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = play_screen(app)
        pq = screen.session.current
        assert pq is not None
        await answer(pilot, pq, "right")
        await pilot.pause()
        await pilot.press("enter")  # to the summary
        await pilot.pause()
        await pilot.press("enter")  # review the row
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        article = review.query_one(ArticleView)
        p18 = article.passage_view("p18")
        assert article.scroll_y <= p18.top < article.scroll_y + article.size.height
        assert article.scroll_y > 0


# 6. guided mode: a question only once every passage it cites is shown ------------------------------


async def test_guided_shows_a_question_only_after_its_evidence(game: Game) -> None:
    app = game.app(mode="guided")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = play_screen(app)
        article = screen.query_one(ArticleView)
        body = screen.session.article.body
        for _ in range(4):
            while screen.question_view is None:
                await pilot.press("enter")
                await pilot.pause()
            pq = screen.session.current
            assert pq is not None
            for ev in pq.evidence:
                assert article.passage_view(ev.passage_id).display, (pq.id, ev.passage_id)
            if "main idea" in pq.question.tags:
                assert screen.revealed == len(body)
            await answer(pilot, pq, "right")
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()


# 7. the timer stands still while help or a dialog is open ------------------------------------------


async def test_timer_pauses_while_help_is_open(game: Game, tmp_path: Path) -> None:
    bank = write_bank(tmp_path, SHORT, extra="settings:\n  timer_seconds: 20\n")
    app = game.app([bank])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = play_screen(app)
        game.clock.now += 5
        await pilot.press("f1")
        await pilot.pause()
        assert screen.session.paused
        game.clock.now += 60  # a long read of the help
        screen._tick()
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.session.paused
        assert screen.session.seconds_left() == 15
        screen._tick()
        await pilot.pause()
        assert screen.result is None and not game.sink.answers


# 8. small things that cost points or trust ----------------------------------------------------------


async def test_header_score_matches_feedback_while_a_retry_is_on_offer(
    game: Game, tmp_path: Path
) -> None:
    bank = write_bank(tmp_path, MULTI, extra="settings:\n  retry_credit: 0.9\n")
    app = game.app([bank])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = play_screen(app)
        await pilot.press("a", "enter")  # one of two right: half the points
        await pilot.pause()
        assert screen.result is not None and screen.result.can_retry
        assert screen.result.points == 0.5
        assert "Score 0.5 / 1" in screen.query_one(GameStatus).text
        # the key bar and the hint agree on what Enter does
        assert "Enter: show the answer" in screen.query_one(FeedbackView).plain
        assert "Show answer" in screen.query_one(KeyBar).descriptions


async def test_t_and_f_answer_true_false(game: Game, tmp_path: Path) -> None:
    app = game.app([write_bank(tmp_path, TRUEFALSE)])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = play_screen(app)
        assert "T" in screen_text(app) and "F" in screen_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert screen.result is not None and screen.result.response_text == "False"
        assert screen.result.points == 1


async def test_match_letters_shown_and_dropdown_pick_moves_on(game: Game, tmp_path: Path) -> None:
    app = game.app([write_bank(tmp_path, MATCH)])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = play_screen(app)
        pq = screen.session.current
        assert pq is not None
        text = screen_text(app)
        for i, right in enumerate(pq.match_right):  # the letters outside any dropdown
            assert f"{chr(ord('A') + i)}  {right}" in text
        first = screen.query_one("#match-0", Select)
        assert first.has_focus
        await pilot.press("enter")  # open the list
        await pilot.pause()
        await pilot.press("down", "enter")  # pick from it
        await pilot.pause()
        assert isinstance(first.value, int)
        assert screen.query_one("#match-1", Select).has_focus  # moved on to item 2
        await pilot.press("c")
        await pilot.pause()
        assert screen.query_one("#match-1", Select).value == 2
        assert first.value != 2  # the letter went to item 2, not item 1


async def test_a_very_long_typed_answer_is_not_echoed_in_full(game: Game, tmp_path: Path) -> None:
    app = game.app([write_bank(tmp_path, SHORT)])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = play_screen(app)
        field = screen.query_one("#short-input", Input)
        field.value = "word " * 600
        await pilot.press("enter")
        await pilot.pause()
        shown = screen.query_one(FeedbackView).lines.your_answer
        assert len(shown) < 300 and shown.endswith("characters)")


async def test_match_items_and_submit_below_the_fold_come_into_view(
    game: Game, tmp_path: Path
) -> None:
    app = game.app([write_bank(tmp_path, MATCH)])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = play_screen(app)
        view = screen.question_view
        assert view is not None
        window = view.scrollable_content_region
        for n, letter in enumerate("abcd"):
            focused = screen.focused
            assert focused is not None and focused.id == f"match-{n}"
            await pilot.pause()
            assert window.contains_region(focused.region), focused.id  # wholly in view
            await pilot.press(letter)
            await pilot.pause()
        submit = screen.query_one("#submit")
        assert submit.has_focus and window.contains_region(submit.region)


async def test_a_one_typo_short_answer_is_almost_with_a_free_retry(
    game: Game, tmp_path: Path
) -> None:
    app = game.app([write_bank(tmp_path, SHORT)])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = play_screen(app)
        screen.query_one("#short-input", Input).value = "unaceptable"
        await pilot.press("enter")
        await pilot.pause()
        fb = screen.query_one(FeedbackView)
        assert fb.lines.headline == "✗ Almost — check the spelling"
        assert "free" in fb.lines.next_hint
        await pilot.press("r")
        await pilot.pause()
        screen.query_one("#short-input", Input).value = "unacceptable"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.result is not None and screen.result.points == 1
