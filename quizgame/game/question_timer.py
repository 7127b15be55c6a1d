"""The current question's clock: how long it has been on screen, with pauses not counted.

Split from `quizgame.game.session.GameSession` (which exposes it as `seconds_on_question`,
`pause`, `resume`, `seconds_left`) so the timing rule lives in one small place.
"""

from __future__ import annotations

from collections.abc import Callable


class QuestionTimer:
    """Seconds on the current question; stands still while paused (help or a dialog is open)."""

    def __init__(self, clock: Callable[[], float], started: float) -> None:
        self._clock = clock
        self._started = started
        self._paused_at: float | None = None

    def restart(self) -> None:
        """A new question (or a retry) is on screen: count from now."""
        self._started = self._clock()

    def seconds(self) -> float:
        now = self._paused_at if self._paused_at is not None else self._clock()
        return now - self._started

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def pause(self) -> None:
        if self._paused_at is None:
            self._paused_at = self._clock()

    def resume(self) -> None:
        """Start again where it stopped: the paused time is not counted."""
        if self._paused_at is not None:
            self._started += self._clock() - self._paused_at
            self._paused_at = None

    def left(self, limit: float | None) -> float | None:
        """Time left of `limit` seconds, or None when there is no limit."""
        if limit is None:
            return None
        return max(0.0, limit - self.seconds())
