"""What a player is told about their own history with a bank: pure text, tested without a screen.

`Best: 14/18 (78 %) · last played 29 Nov 2026` in the picker, the personal best on the summary,
and `Resume (question 7 of 18)` when the last game was left before the end.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from quizgame.bank.loaded import LoadedBank
from quizgame.results.history import PlayerHistory, UnfinishedGame
from quizgame.text.formatting import format_points


def played_on(when: float, tz: tzinfo | None = None) -> str:
    """`29 Nov 2026` (the player's local date unless `tz` is given)."""
    d = datetime.fromtimestamp(when, tz)
    return f"{d.day} {d:%b %Y}"


def best_text(h: PlayerHistory) -> str:
    """`14/18 (78 %)`, or "" when no game of the bank was finished."""
    if h.best_score is None or h.best_percent is None:
        return ""
    score = format_points(round(h.best_score, 2))
    return f"{score}/{format_points(h.best_max)} ({h.best_percent:.0f} %)"


def history_line(h: PlayerHistory | None, tz: tzinfo | None = None) -> str:
    """The picker's line for one bank: best score and last played date, "" when never played."""
    if h is None:
        return ""
    parts = []
    best = best_text(h)
    if best:
        parts.append(f"Best: {best}")
    if h.last_played is not None:
        parts.append(f"last played {played_on(h.last_played, tz)}")
    if h.unfinished is not None:
        parts.append("unfinished game")
    line = " · ".join(parts)
    return line[:1].upper() + line[1:]


def summary_best_line(before: PlayerHistory | None, score: float, max_score: float) -> str:
    """The summary's personal-best line, against the best before this game."""
    percent = 100.0 * score / max_score if max_score > 0 else 0.0
    prior = before.best_percent if before is not None else None
    if prior is None:
        return "First finished game of this bank: this is your personal best."
    assert before is not None
    if percent > prior:
        return f"New personal best! (before: {best_text(before)})"
    return f"Personal best: {best_text(before)}"


def resumable(h: PlayerHistory | None, loaded: LoadedBank) -> UnfinishedGame | None:
    """The game to offer to resume: only one of this very version of the bank, all its questions."""
    u = h.unfinished if h is not None else None
    if u is None or u.bank_hash != loaded.content_hash:
        return None
    if u.question_count != len(loaded.bank.questions):
        return None  # a "practise the ones missed" game: start it again instead
    if u.mode == "exam":
        return None  # an exam is answered and submitted as a whole (review before submit)
    return u


def resume_label(u: UnfinishedGame) -> str:
    return f"Resume (question {u.next_number} of {u.question_count})"
