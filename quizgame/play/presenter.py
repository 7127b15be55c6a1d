"""What the TUI shows, computed without a screen: labels, highlight offsets, layout decisions.

Widgets only turn these values into pixels, so tests check every label and every highlighted span
by calling these functions (or reading the values a widget got from them). Pure: no Textual, no
file reading (the bank list, which loads banks, is play/bank_list.py).
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from quizgame.article.evidence import ResolvedEvidence
from quizgame.article.passages import Article, Kind, Passage
from quizgame.game.kinds import Form, kind_of
from quizgame.game.presented import AnswerResult, PresentedQuestion, Summary, SummaryRow
from quizgame.game.session import GameSession
from quizgame.text.formatting import format_duration, format_points
from quizgame.text.safe import one_line

STACK_BELOW = 100  # columns: narrower terminals stack the article above the question
LETTERS = string.ascii_uppercase

# --- layout --------------------------------------------------------------------------------------


def is_stacked(width: int, override: bool | None = None) -> bool:
    """Side by side from STACK_BELOW columns, stacked below; a key may force either."""
    return override if override is not None else width < STACK_BELOW


# --- choices ---------------------------------------------------------------------------------------


def choice_key(index: int) -> str:
    """The letter shown beside a choice: A, B, C…"""
    return LETTERS[index] if 0 <= index < len(LETTERS) else "?"


def key_to_index(key: str, count: int) -> int | None:
    """Which choice a key press names: `1`-`9` or a letter; None when it names none."""
    if len(key) != 1:
        return None
    if key.isdigit():
        i = int(key) - 1
    elif key.isascii() and key.isalpha():
        i = LETTERS.index(key.upper())
    else:
        return None
    return i if 0 <= i < count else None


def choice_label(index: int, text: str, *, multi: bool = False, ticked: bool = False) -> str:
    box = ("[x] " if ticked else "[ ] ") if multi else ""
    return f"{choice_key(index)}  {box}{text}"


def choice_texts(pq: PresentedQuestion, part_b: bool = False) -> tuple[str, ...]:
    """The options a choice-like widget lists for this question (true/false included)."""
    return kind_of(pq.question).options(pq, part_b)


def part_prompt(pq: PresentedQuestion, part_b: bool) -> str:
    return kind_of(pq.question).prompt(pq.question, part_b)


def answer_hint(pq: PresentedQuestion, part_b: bool = False) -> str:
    """One line telling the student how to answer this type."""
    return kind_of(pq.question).answer_hint(len(choice_texts(pq, part_b)), part_b)


def type_label(pq: PresentedQuestion) -> str:
    return kind_of(pq.question).label


# --- article and evidence ----------------------------------------------------------------------------

ASIDE_KINDS = frozenset({Kind.CAPTION, Kind.LEGEND, Kind.BOILERPLATE, Kind.BYLINE, Kind.DATELINE})


def passage_class(p: Passage) -> str:
    """The CSS class a passage row gets: body text, the headline, or a dimmed aside."""
    if p.kind in (Kind.HEADLINE, Kind.SUBHEADING):
        return "-headline"
    if p.kind in ASIDE_KINDS:
        return "-aside"
    return "-body"


def passage_highlights(
    passage: Passage, evidence: Iterable[ResolvedEvidence]
) -> tuple[tuple[int, int], ...]:
    """Evidence spans (offsets into article.text) as offsets into `passage.text`, clipped to it."""
    out: list[tuple[int, int]] = []
    for ev in evidence:
        for start, end in ev.spans:
            s, e = max(start, passage.start), min(end, passage.end)
            if s < e:
                out.append((s - passage.start, e - passage.start))
    return tuple(sorted(set(out)))


def evidence_passages(evidence: Iterable[ResolvedEvidence]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ev.passage_id for ev in evidence))


def evidence_text(article: Article, ev: ResolvedEvidence) -> str:
    """The exact words of the article the quote resolved to (elided parts joined with ' … ')."""
    return " … ".join(article.text[s:e] for s, e in ev.spans)


def evidence_lines(article: Article, evidence: Sequence[ResolvedEvidence]) -> list[str]:
    """`p4: “…exact words…”` per piece of evidence, as plain mode and the feedback pane show them."""
    return [f"{ev.passage_id}: “{evidence_text(article, ev)}”" for ev in evidence]


def step_stop(count: int, current: int | None, step: int) -> int | None:
    """The next (`step` 1) or previous (-1) evidence stop, wrapping round; None when there are none."""
    if count <= 0:
        return None
    if current is None:
        return 0 if step > 0 else count - 1
    return (current + step) % count


def step_mistake(
    order: Sequence[str], missed: Iterable[str], current: str, step: int
) -> str | None:
    """The next (`step` 1) or previous (-1) missed question after `current`, in game order; None
    when there is none that way (review stops at the ends rather than wrapping round)."""
    wrong = set(missed)
    if current not in order:
        return None
    at = order.index(current)
    seq = order[at + 1 :] if step > 0 else list(reversed(order[:at]))
    return next((qid for qid in seq if qid in wrong), None)


def guided_visible(article: Article, revealed: int) -> tuple[str, ...]:
    """Passage ids shown when `revealed` body passages have been read (asides before them too)."""
    body = article.body
    if revealed >= len(body):
        return tuple(p.id for p in article.passages)
    limit = body[revealed - 1].end if revealed > 0 else (body[0].start if body else 0)
    return tuple(p.id for p in article.passages if p.end <= limit)


# --- feedback --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedbackLines:
    headline: str  # "✓ Correct"
    outcome: str  # css-friendly: correct / partial / wrong
    points: str
    your_answer: str
    right_answer: str | None  # None when the answer was right (nothing to correct)
    notes: tuple[str, ...]
    explanation: str
    evidence: tuple[str, ...]
    next_hint: str
    pairs: tuple[str, ...] = ()  # a match question's pairs, each marked ✓/✗ (see match_marks)


def retry_open(result: AnswerResult, gave_up: bool = False) -> bool:
    """A retry is on offer: the answer and explanation stay hidden so the retry means something."""
    return result.can_retry and not gave_up


ANSWER_SHOWN = 200  # characters of a typed answer echoed back (the rest is cut with "…")


def clip_answer(text: str, limit: int = ANSWER_SHOWN) -> str:
    """A response as echoed back: a very long typed answer is cut, never shown in full."""
    flat = " ".join(text.split()) if len(text) > limit else text
    if len(flat) <= limit:
        return flat
    return f"{flat[: limit - 1].rstrip()}… ({len(text):,} characters)"


def feedback_lines(
    result: AnswerResult, article: Article, *, review: bool = False, gave_up: bool = False
) -> FeedbackLines:
    """What the feedback pane says. While a retry is on offer it says only the verdict and which
    parts were wrong: the explanation, notes and evidence would give the answer away."""
    from quizgame.game.scoring import Outcome

    hide = not review and retry_open(result, gave_up)
    right = None if result.outcome is Outcome.CORRECT or hide else result.right_answer
    if review:
        hint = "Esc: back to the summary · e / E: next / previous evidence"
    elif hide and result.near_miss:
        hint = "r: try again (free: fix the spelling) · Enter: show the answer"
    elif hide:
        hint = "r: try again (for reduced credit) · Enter: show the answer"
    else:
        hint = "Enter: next question · e / E: next / previous evidence"
    if hide:
        return FeedbackLines(
            headline=result.headline,
            outcome=result.outcome.value,
            points=result.points_label,
            your_answer=clip_answer(result.response_text),
            right_answer=None,
            notes=(),
            # the author's retry hint (Moodle's <hint>) is written not to give the answer away
            explanation=f"Hint: {retry_hint}"
            if (retry_hint := result.question.question.hint)
            else "",
            evidence=(),
            next_hint=hint,
        )
    return FeedbackLines(
        headline=result.headline,
        outcome=result.outcome.value,
        points=result.points_label,
        your_answer=clip_answer(result.response_text),
        right_answer=right,
        notes=result.feedback,
        explanation=result.explanation,
        evidence=tuple(evidence_lines(article, result.evidence)),
        next_hint=hint,
    )


def ruled_out(pq: PresentedQuestion, tried: Iterable[Any], *, part_b: bool = False) -> set[int]:
    """Options already tried and wrong: marked and not pickable on a retry.

    Part B of a two-part question counts only tries whose Part A was right (else Part B was not
    what was wrong)."""
    kind = kind_of(pq.question)
    texts = choice_texts(pq, part_b)
    out: set[int] = set()
    for response in tried:
        if kind.form is Form.TWO_PART and part_b:
            part_a = kind.marked(pq.question, response, False)
            if part_a is None or not part_a[1] <= part_a[0]:
                continue
        marked = kind.marked(pq.question, response, part_b)
        if marked is None:
            continue
        right, chosen = marked
        out.update(i for i, t in enumerate(texts) if t in chosen and t not in right)
    return out


def choice_marks(
    pq: PresentedQuestion, response: Any, *, part_b: bool = False, reveal: bool = True
) -> dict[int, str]:
    """Labels beside choices after answering: `✓ your answer`, `✗ your answer`, `✓ right answer`."""
    kind = kind_of(pq.question)
    texts = choice_texts(pq, part_b)
    marked = kind.marked(pq.question, response, part_b)
    if marked is None:
        return {}
    right, chosen = marked
    marks: dict[int, str] = {}
    for i, text in enumerate(texts):
        if text in chosen:
            marks[i] = "✓ your answer" if text in right else "✗ your answer"
        elif reveal and text in right:
            marks[i] = "✓ right answer" if kind.form is not Form.MANY else "✓ also right"
    return marks


def match_marks(pq: PresentedQuestion, response: Any, *, reveal: bool = True) -> tuple[str, ...]:
    """A match question's pairs after answering: `1. left → chosen  ✓`, or `✗` and the right one."""
    q: Any = pq.question
    truth = {p.left: p.right for p in q.pairs}
    chosen: dict[str, str] = dict(response or {})
    lines = []
    for n, left in enumerate(pq.match_left, 1):
        pick = chosen.get(left, "—")
        if pick == truth[left]:
            lines.append(f"{n}. {left} → {pick}  ✓")
        elif reveal:
            lines.append(f"{n}. {left} → {pick}  ✗ right: {truth[left]}")
        else:
            lines.append(f"{n}. {left} → {pick}  ✗")
    return tuple(lines)


# --- status and summary --------------------------------------------------------------------------------


def score_label(session: GameSession, answered: int | None = None) -> str:
    """The score so far; in an exam, how many are answered (`answered`: an exam's drafts)."""
    if not session.feedback_now:
        done = session.answered if answered is None else answered
        return f"Answered {done} of {len(session.questions)}"
    return f"Score {format_points(session.score)} / {format_points(session.max_score)}"


def status_line(session: GameSession, answered: int | None = None) -> str:
    """`Ada · Question 3 of 18 · Score 2 / 18` (exam mode hides the score until the end)."""
    pq = session.current
    parts = [pq.progress_label if pq else "Finished", score_label(session, answered)]
    if session.player:  # whose game this is, always in sight (a shared classroom screen)
        parts.insert(0, one_line(session.player)[:24])
    if session.settings.streak_bonus and session.feedback_now and session.streak > 1:
        parts.append(f"Streak {session.streak}")
    return " · ".join(parts)


def timer_label(seconds_left: float | None) -> str:
    if seconds_left is None:
        return ""
    return f"⏱ {int(seconds_left + 0.999)}s left"


def summary_title(summary: Summary) -> str:
    return (
        f"{summary.label} · {summary.correct_count} of {len(summary.rows)} right · "
        f"time {format_duration(summary.seconds)}"
    )


def skill_lines(summary: Summary) -> list[str]:
    """`Skills: attribution 4.5/7 (64%) · claims 2/2 (100%) · …` — points per tag, one paragraph
    (it wraps; a bank's dozen tags must not push the question list off a small screen)."""
    rows = summary.skills
    if not rows:
        return []
    parts = [
        f"{r.tag} {format_points(round(r.points, 2))}/{format_points(r.max_points)} ({r.percent:.0f}%)"
        for r in rows
    ]
    return ["Skills: " + " · ".join(parts)]


def summary_row_cells(row: SummaryRow) -> tuple[str, str, str, str]:
    """(number, "✓ Correct", "1 / 1", prompt) — symbol and word, never colour alone.

    The prompt comes last so a narrow terminal cuts the prompt, never the points.
    """
    mark = f"{row.outcome.symbol} {row.outcome.label}" if row.outcome else "– Not answered"
    return (
        str(row.number),
        mark,
        f"{format_points(row.points)} / {format_points(row.max_points)}",
        row.prompt,
    )
