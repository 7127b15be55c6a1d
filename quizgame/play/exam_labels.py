"""What exam mode shows while a test is in progress: the saved answer, the review list, the title.

Pure (no Textual): the TUI's exam review screen and plain mode both print these, so the words are
the same everywhere and tests read them without a terminal. Status is always in words and symbols
(`✓ Answered`, `– Unanswered`, `⚑ Flagged`), never colour alone.
"""

from __future__ import annotations

from quizgame.game.exam import ExamPaper
from quizgame.game.kinds import kind_of
from quizgame.game.presented import PresentedQuestion
from quizgame.game.scoring import response_text
from quizgame.play.presenter import choice_texts, clip_answer

ANSWERED = "✓ Answered"
UNANSWERED = "– Unanswered"
FLAGGED = "⚑ Flagged"


def draft_line(paper: ExamPaper, pq: PresentedQuestion) -> str:
    """The line above an exam question: its saved answer (changeable) and its flag."""
    flag = f"{FLAGGED} · " if paper.is_flagged(pq.id) else ""
    if not paper.is_answered(pq.id):
        return f"{flag}Not answered yet."
    shown = clip_answer(response_text(pq.question, paper.draft(pq.id)), 80)
    return f"{flag}Your answer: {shown} — saved; answer again to change it before you submit."


SAVED_MARK = "● your answer (saved)"


def draft_marks(paper: ExamPaper, pq: PresentedQuestion) -> dict[int, str]:
    """The saved answer among a question's choices (Part A of a two-part one), marked as chosen
    but neither right nor wrong: nothing is scored before submitting."""
    if not paper.is_answered(pq.id):
        return {}
    marked = kind_of(pq.question).marked(pq.question, paper.draft(pq.id), False)
    if marked is None:
        return {}
    chosen = marked[1]
    return {i: SAVED_MARK for i, t in enumerate(choice_texts(pq)) if t in chosen}


def review_cells(paper: ExamPaper, pq: PresentedQuestion) -> tuple[str, str, str, str]:
    """(number, "✓ Answered" / "– Unanswered", "⚑ Flagged" / "", prompt) for one review row."""
    status = ANSWERED if paper.is_answered(pq.id) else UNANSWERED
    return (str(pq.number), status, FLAGGED if paper.is_flagged(pq.id) else "", pq.question.prompt)


def numbers(ns: tuple[int, ...]) -> str:
    """`2, 5–9, 12` (runs of three or more as a range): short enough for one line at 80 columns."""
    if not ns:
        return "none"
    runs: list[list[int]] = []
    for n in sorted(ns):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = [f"{r[0]}–{r[-1]}" if len(r) >= 3 else ", ".join(str(n) for n in r) for r in runs]
    return ", ".join(parts)


def review_title(paper: ExamPaper) -> str:
    """`Answered 5 of 7 · Unanswered: 3, 6 · Flagged: 2`."""
    return (
        f"Answered {paper.answered_count} of {len(paper.questions)} · "
        f"Unanswered: {numbers(paper.unanswered())} · Flagged: {numbers(paper.flagged())}"
    )


def submit_warning(paper: ExamPaper) -> str:
    """What the submit confirmation says; empty when every question is answered and none flagged."""
    parts = []
    if un := paper.unanswered():
        parts.append(f"{len(un)} unanswered ({numbers(un)}) — they score 0")
    if fl := paper.flagged():
        parts.append(f"{len(fl)} flagged ({numbers(fl)})")
    return "; ".join(parts)
