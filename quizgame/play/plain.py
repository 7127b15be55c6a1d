"""Plain line mode: the same game with `input()` and `print()` — for screen readers, pipes, scripts.

It drives the same `GameSession` as the TUI, so scoring, retries and explanations are identical.
Every line is plain text (symbols plus words, no colour, no cursor tricks). End of input quits
cleanly: the game is recorded as abandoned and the summary so far is printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from quizgame.article.passages import Article
from quizgame.bank.models import Mode
from quizgame.game.exam import ExamPaper
from quizgame.game.kinds import Form, kind_of
from quizgame.game.presented import AnswerResult, PresentedQuestion
from quizgame.game.session import GameSession
from quizgame.play.exam_labels import draft_line, review_cells, review_title, submit_warning
from quizgame.play.plain_inputs import read_gaps, read_order
from quizgame.play.presenter import (
    choice_key,
    clip_answer,
    evidence_lines,
    key_to_index,
    part_prompt,
    ruled_out,
    summary_row_cells,
    type_label,
)
from quizgame.results.sink import save_summary, sink_problem, unsaved_answers
from quizgame.text.formatting import format_duration, format_points
from quizgame.text.safe import visible

QUIT_WORDS = frozenset({":q", ":quit"})
QUIT_AT_CHOICE = frozenset({"q", "quit", "exit"})


class Quit(Exception):
    """The player asked to stop (or input ended)."""


class PlainGame:
    def __init__(
        self,
        session: GameSession,
        *,
        read: Callable[[str], str] = input,
        write: Callable[[str], None] = print,
        best: Callable[[float, float], str] | None = None,
    ) -> None:
        self.session = session
        self.best = best  # (score, max) → the personal-best line for the summary
        self._read = read
        self._write = write
        self._shown_body = 0  # guided mode: body passages printed so far

    # i/o -------------------------------------------------------------------------------------------

    def say(self, text: str = "") -> None:
        self._write(visible(text))  # bank and article text may hold ESC & co: never sent raw

    def ask(self, prompt: str, *, choice: bool = True) -> str:
        try:
            line = self._read(prompt)
        except EOFError:
            raise Quit from None
        answer = line.strip()
        if answer.lower() in QUIT_WORDS or (choice and answer.lower() in QUIT_AT_CHOICE):
            raise Quit
        return answer

    # the game --------------------------------------------------------------------------------------

    def play(self) -> int:
        s = self.session
        bank = s.loaded.bank
        self.say(f"quizgame — {bank.title}")
        self.say(
            f"{len(s.questions)} questions · mode: {s.mode.value} · "
            "type q (or :q while typing an answer) to stop"
        )
        self.say()
        if s.mode is not Mode.GUIDED:
            self.print_article(s.article)
        try:
            if s.mode is Mode.EXAM:
                self.play_exam(ExamPaper(s))
            while (pq := s.current) is not None:
                if s.mode is Mode.GUIDED:
                    self.reveal_up_to(s.passages_needed(pq))
                self.play_question(pq)
        except Quit:
            s.abandon()
            self.say()
            self.say(f"Game stopped. {save_summary(s.sink, s.answered)}")
            self.print_summary()
            return 0
        self.print_summary()
        return 0

    def print_article(self, article: Article) -> None:
        self.say(f"Article: {article.headline}")
        for p in article.body:
            self.say(f"[{p.id}] {' '.join(p.text.split())}")
        self.say()

    def reveal_up_to(self, needed: int) -> None:
        body = self.session.article.body
        if self._shown_body == 0 and needed > 0:
            self.say(f"Article: {self.session.article.headline}")
        while self._shown_body < needed:
            p = body[self._shown_body]
            self.say(f"[{p.id}] {' '.join(p.text.split())}")
            self._shown_body += 1
        if needed:
            self.say()

    def play_question(self, pq: PresentedQuestion) -> None:
        s = self.session
        while True:
            self.say(
                f"{pq.progress_label} ({type_label(pq)}, {format_points(pq.question.points)} pt)"
            )
            response = self.read_response(pq)
            result = s.submit(response)
            if s.feedback_now:
                # while a retry is on offer the answer stays hidden, as in the TUI
                self.print_feedback(result, hide_answer=result.can_retry)
                if result.can_retry:
                    offer = (
                        "Try again? It is free: fix the spelling. [y/n] "
                        if result.near_miss
                        else "Try again for reduced credit? [y/n] "
                    )
                    if self.ask_yes_no(offer):
                        s.retry()
                        continue
                    self.print_reveal(result)
            self.say()
            s.next()
            return

    # exam: answer in turn, then review — revisit, flag — and submit everything at once ------------

    def play_exam(self, paper: ExamPaper) -> None:
        s = self.session
        while (pq := paper.current) is not None:
            self.say(
                f"{pq.progress_label} ({type_label(pq)}, {format_points(pq.question.points)} pt)"
            )
            paper.answer(self.read_response(pq))
            self.say("Answer kept — you can change it before you submit.")
            self.say()
            if paper.next() is None:
                break
        while not self.exam_review(paper):
            pass
        unsaved_before = unsaved_answers(s.sink)
        paper.submit()
        if unsaved_answers(s.sink) > unsaved_before:  # read-only store, full disk…
            problem = sink_problem(s.sink) or "the results store refused them"
            self.say(f"Answers NOT saved: {problem}.")
        else:
            self.say("Exam submitted. Your answers are saved.")
        self.say()

    def exam_review(self, paper: ExamPaper) -> bool:
        """One round of the review before submitting; True once the student submits."""
        self.say("— Review before you submit —")
        self.say(review_title(paper))
        for pq in paper.questions:
            num, status, flag, prompt = review_cells(paper, pq)
            self.say(f"{num:>3}. {status:<13} {flag:<9} {prompt}")
        n = len(paper.questions)
        while True:
            raw = self.ask(f"Number to revisit (1–{n}), !N to flag or unflag, s to submit: ")
            if raw.lower() in ("s", "submit"):
                warning = submit_warning(paper)
                return not warning or self.ask_yes_no(f"{warning}. Submit anyway? [y/n] ")
            flagging = raw.startswith("!")
            digits = raw[1:].strip() if flagging else raw
            if digits.isdigit() and 1 <= int(digits) <= n:
                paper.goto(int(digits) - 1)
                pq = paper.questions[int(digits) - 1]
                if flagging:
                    paper.toggle_flag()
                    return False
                self.say(f"{pq.progress_label} — {draft_line(paper, pq)}")
                paper.answer(self.read_response(pq))
                self.say("Answer kept — you can change it before you submit.")
                self.say()
                return False
            self.say(f"Please type a number 1–{n}, !N (e.g. !3), or s.")

    def ask_yes_no(self, prompt: str) -> bool:
        """y/yes or n/no; anything else asks again (a stray key never decides for the player)."""
        while True:
            raw = self.ask(prompt).lower()
            if raw in ("y", "yes"):
                return True
            if raw in ("n", "no"):
                return False
            self.say("Please answer y (yes) or n (no).")

    # reading answers ---------------------------------------------------------------------------------

    def read_response(self, pq: PresentedQuestion) -> Any:
        q = pq.question
        self.say(q.prompt)
        form = kind_of(q).form
        tried = self.session.tried(pq.id)
        if form is Form.ONE:
            return self.pick_one(pq.choices, ruled_out(pq, tried))
        if form is Form.TRUEFALSE:
            return self.pick_truefalse()
        if form is Form.MANY:
            return self.pick_many(pq.choices, ruled_out(pq, tried))
        if form is Form.TEXT:
            while True:
                text = self.ask("Your answer: ", choice=False)
                if text:
                    return text
                self.say("Please type an answer (or :q to stop).")
        if form is Form.PAIRS:
            return self.pick_pairs(pq)
        if form is Form.TWO_PART:
            a = self.pick_one(pq.choices, ruled_out(pq, tried))
            self.say(part_prompt(pq, part_b=True))
            b = self.pick_one(pq.part_b_choices, ruled_out(pq, tried, part_b=True))
            return (a, b)
        if form is Form.ORDER:
            return read_order(pq, self.ask, self.say)
        if form is Form.GAPS:
            return read_gaps(pq, self.ask, self.say)
        raise ValueError(f"no plain-mode input for {form}")  # pragma: no cover

    def list_options(self, options: tuple[str, ...], tried: set[int] | None = None) -> None:
        for i, text in enumerate(options):
            mark = "  (✗ tried)" if tried and i in tried else ""
            self.say(f"  {choice_key(i)}) {text}{mark}")

    def pick_one(self, options: tuple[str, ...], tried: set[int] | None = None) -> str:
        self.list_options(options, tried)
        last = choice_key(len(options) - 1)
        while True:
            raw = self.ask(f"Your choice (A–{last}): ")
            i = key_to_index(raw, len(options)) if raw else None
            if i is not None and tried and i in tried:
                self.say(f"You tried {choice_key(i)} already — pick another.")
                continue
            if i is not None:
                return options[i]
            self.say(f"Please answer with a letter A–{last} or a number 1–{len(options)}.")

    def pick_truefalse(self) -> bool:
        while True:
            raw = self.ask("True or false? [t/f] ").lower()
            if raw in ("t", "true", "y", "yes", "1"):
                return True
            if raw in ("f", "false", "n", "no", "2"):
                return False
            self.say("Please answer t (true) or f (false).")

    def pick_many(self, options: tuple[str, ...], tried: set[int] | None = None) -> set[str]:
        self.list_options(options, tried)
        last = choice_key(len(options) - 1)
        while True:
            raw = self.ask(f"All that apply, e.g. 'A C' (A–{last}): ")
            keys = [k for k in re.split(r"[\s,;]+", raw) if k]
            picked = [key_to_index(k, len(options)) for k in keys]
            again = sorted(i for i in picked if i is not None and tried and i in tried)
            if again:
                letters = ", ".join(choice_key(i) for i in again)
                self.say(f"{letters} was wrong last time — leave it out.")
                continue
            if keys and all(i is not None for i in picked):
                return {options[i] for i in picked if i is not None}
            self.say(f"Please list letters A–{last} (or numbers) separated by spaces.")

    def pick_pairs(self, pq: PresentedQuestion) -> dict[str, str]:
        self.say("Options:")
        self.list_options(pq.match_right)
        out: dict[str, str] = {}
        for n, left in enumerate(pq.match_left, 1):
            self.say(f"{n}. {left}")
            last = choice_key(len(pq.match_right) - 1)
            while True:
                raw = self.ask(f"   matches (A–{last}): ")
                i = key_to_index(raw, len(pq.match_right)) if raw else None
                if i is not None:
                    out[left] = pq.match_right[i]
                    break
                self.say(f"Please answer with a letter A–{last}.")
        return out

    # showing results ----------------------------------------------------------------------------------

    def print_feedback(
        self, result: AnswerResult, *, number: bool = False, hide_answer: bool = False
    ) -> None:
        prefix = f"{result.question.number}. " if number else ""
        self.say(f"{prefix}{result.headline} — {result.points_label}")
        self.say(f"Your answer: {clip_answer(result.response_text)}")
        if hide_answer:  # before the last attempt: the verdict only, nothing that gives it away
            hint = result.question.question.hint  # the author's retry hint (Moodle's <hint>)
            if hint:
                self.say(f"Hint: {hint}")
            self.say("Try again — or answer n to see the answer and its evidence.")
        else:
            self.print_reveal(result)

    def print_reveal(self, result: AnswerResult) -> None:
        """Notes, evidence, the right answer and why: once no attempt is left."""
        for note in result.feedback:
            self.say(f"Note: {note}")
        for line in evidence_lines(self.session.article, result.evidence):
            self.say(f"Evidence {line}")
        self.print_answer(result)

    def print_answer(self, result: AnswerResult) -> None:
        from quizgame.game.scoring import Outcome

        if result.outcome is not Outcome.CORRECT:
            self.say(f"Right answer: {result.right_answer}")
        self.say(f"Why: {result.explanation}")

    def print_summary(self) -> None:
        s = self.session
        summary = s.summary()
        self.say("— Summary —")
        if not s.feedback_now:
            for r in s.results():
                self.print_feedback(r, number=True)
                self.say()
        for row in summary.rows:
            num, mark, pts, prompt = summary_row_cells(row)
            self.say(f"{num:>3}. {mark:<16} {pts:>9}  {prompt}")
        self.say(
            f"Score: {summary.label}, {summary.correct_count} of {len(summary.rows)} right, "
            f"time {format_duration(summary.seconds)}"
        )
        if self.best is not None and s.finished:
            self.say(self.best(summary.score, summary.max_score))


def run_plain(session: GameSession, *, best: Callable[[float, float], str] | None = None) -> int:
    return PlainGame(session, best=best).play()


def yes_no(
    prompt: str, read: Callable[[str], str] = input, write: Callable[[str], None] = print
) -> bool:
    """y/yes or n/no; anything else asks again (a stray key never decides for the player).
    End of input or a quit word raises Quit."""
    while True:
        try:
            raw = read(prompt).strip().lower()
        except EOFError:
            raise Quit from None
        if raw in QUIT_WORDS:
            raise Quit
        if raw in ("y", "yes"):
            return True
        if raw in ("n", "no"):
            return False
        write("Please answer y (yes) or n (no).")


def ask_resume(
    label: str, read: Callable[[str], str] = input, write: Callable[[str], None] = print
) -> bool:
    """Plain mode's offer to resume a left game: y resumes, n starts again."""
    write("You left this bank before the end; your answers so far are kept.")
    return yes_no(f"{label}? [y = resume, n = start again] ", read, write)
