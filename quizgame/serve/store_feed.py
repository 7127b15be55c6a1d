"""One class session across several servers: the students playing elsewhere, read from the store.

`quizgame class` learns about its own server's students as they play (each game reports over its
pipe). Students on other servers (`quizgame serve --class-session ID`, same `--db`: a PostgreSQL
server for several hosts) write their games and answers to the shared results store tagged with
the same session; the host reads those back every few seconds and feeds them to the same
ClassSession model, as events from visitors named `store:GAME_ID`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from quizgame.play.classroom import ClassSession
from quizgame.results import open_store

Event = tuple[str, dict[str, Any]]


class StoreFeed:
    def __init__(self, db: str | None, session: ClassSession, bank_id: str) -> None:
        self.db, self.session, self.bank_id = db, session, bank_id
        self._answers_seen: dict[str, int] = {}
        self._finished: set[str] = set()

    def own_games(self) -> set[str]:
        return {
            s.game_id for s in self.session.students.values() if not s.visitor.startswith("store:")
        }

    def read(self, own: set[str]) -> list[Event]:
        """The events not yet applied (runs on a worker thread: it only reads the store)."""
        sid = self.session.session_id
        store = open_store(self.db, create=False)
        try:
            games = [
                g
                for g in store.games(bank_id=self.bank_id)
                if g.class_session == sid and g.game_id not in own
            ]
            ids = {g.game_id for g in games}
            answers = [
                a
                for a in store.answers(bank_id=self.bank_id)
                if a.class_session == sid and a.game_id in ids
            ]
        finally:
            store.close()
        events: list[Event] = []
        by_game: dict[str, list[Any]] = {}
        for a in answers:
            by_game.setdefault(a.game_id, []).append(a)
        for g in games:
            visitor = f"store:{g.game_id}"
            seen = self._answers_seen.get(g.game_id)
            if seen is None:
                joined = {"event": "joined", "name": g.player, "game_id": g.game_id}
                events.append((visitor, joined | {"max_score": g.max_score}))
                seen = 0
            points: dict[str, float] = {}
            mine = by_game.get(g.game_id, [])
            for n, a in enumerate(mine):
                if a.final:
                    points[a.question_id] = a.points
                if n < seen:
                    continue
                events.append(
                    (
                        visitor,
                        {
                            "event": "answered",
                            "question_id": a.question_id,
                            "response": a.response_text,
                            "outcome": str(a.outcome),
                            "final": a.final,
                            "score": round(sum(points.values()), 4),
                            "skipped": a.response is None,
                        },
                    )
                )
            self._answers_seen[g.game_id] = len(mine)
            if g.status != "playing" and g.game_id not in self._finished:
                self._finished.add(g.game_id)
                done = {"event": "finished", "score": g.score or 0}
                events.append((visitor, done | {"completed": g.status == "finished"}))
        return events

    def apply(self, events: list[Event], apply: Callable[[str, dict[str, Any]], object]) -> None:
        for visitor, event in events:
            apply(visitor, event)
